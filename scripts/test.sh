#!/usr/bin/env bash
# Runs casebook's tests, installing the system packages they need first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
swift build
swift test "$@"
