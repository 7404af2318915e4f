// libsodium as Swift sees it: HMAC-SHA256 with a state that is a plain struct, so a
// state primed with the index key is copied per value (no allocation, no key setup).
#include <sodium.h>
