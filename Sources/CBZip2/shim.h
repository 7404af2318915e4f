// libbz2 as Swift sees it.
#include <bzlib.h>
