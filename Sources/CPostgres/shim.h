// libpq, PostgreSQL's client library (Debian's libpq-dev): the connection to a
// shared index, its statements and COPY.
#include <libpq-fe.h>
