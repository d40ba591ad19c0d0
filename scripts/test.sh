#!/usr/bin/env bash
# Runs casebook's tests, installing the system packages they need first.
#   scripts/test.sh               every test: the dev server's tests in a run of their own
#   scripts/test.sh ARGS...       `swift test ARGS...` (for example --filter LanguageTests)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
swift build
if [ $# -gt 0 ]; then
  swift test "$@"
  exit
fi
# The dev server answers on Swift's concurrency pool, which has a thread per core; the other
# suites build sites synchronously on that pool, and on a loaded 2-core machine they held both
# threads long enough for a test's request to time out. Alone, one suite at a time, they cannot.
swift test --skip ServeTests
swift test --filter ServeTests --no-parallel
