// The SQLite C API as Swift sees it. SQLITE_TRANSIENT is a cast macro Swift
// cannot import, so it is offered here as a function.
#include <sqlite3.h>

static inline sqlite3_destructor_type phidex_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}
