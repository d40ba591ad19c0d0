#!/usr/bin/env bash
# Runs the test suite under Swift's sanitizers, each in a build folder of its own.
#
#   scripts/sanitize.sh [address|thread|undefined ...]     (address by default)
#
# Any sanitizer report fails the run: the address sanitizer stops the process at the first
# error; the thread sanitizer is told to (halt_on_error). Extra arguments after `--` go to
# `swift test` (for example `-- --filter BadCSVTests`).
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do sanitizers+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#sanitizers[@]} -gt 0 ] || sanitizers=(address)

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
# The Swift runtime's backtracer and the sanitizers' own reports would both claim the crash.
export SWIFT_BACKTRACE=enable=no

for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in address | thread | undefined) ;; *) echo "usage: $0 [address|thread|undefined ...] [-- swift test arguments]" >&2; exit 2 ;; esac
    echo "== tests under the $sanitizer sanitizer =="
    scratch=".build-$sanitizer"
    swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch"
    if [ $# -gt 0 ]; then
        swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" "$@"
        continue
    fi
    # As in scripts/test.sh: the dev server's suites in a run of their own, one at a time, so
    # the other suites' synchronous builds cannot hold the concurrency pool its answers need.
    swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" --skip ServeTests
    swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" --filter ServeTests --no-parallel
done
