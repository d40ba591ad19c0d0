#ifndef CASEBOOK_CBUILDINFO_H
#define CASEBOOK_CBUILDINFO_H

/// The commit this binary was built from, as scripts/release.sh passes it
/// (`-Xcc -DCASEBOOK_COMMIT=<40 hex digits>`); "" for any other build.
const char *casebook_build_commit(void);

#endif
