// Vectorscan (the portable Hyperscan), block mode, as Swift sees it.
#include <hs.h>
