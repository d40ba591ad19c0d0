#include "cbuildinfo.h"

// A C macro is the one way a `swift build` flag can carry a value into the program: Swift's
// `-D` defines only true/false conditions. The commit comes from the release script's command
// line, not from a file, so building a release writes nothing into the source tree.
#define CASEBOOK_STRINGIFY(x) #x
#define CASEBOOK_STRING(x) CASEBOOK_STRINGIFY(x)

const char *casebook_build_commit(void) {
#ifdef CASEBOOK_COMMIT
    return CASEBOOK_STRING(CASEBOOK_COMMIT);
#else
    return "";
#endif
}
