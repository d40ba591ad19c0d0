#!/usr/bin/env bash
# CI's release check (issue 18), run after the unit tests: builds the release archive once with
# scripts/release.sh (which tests it with scripts/release-smoke.sh and runs the test suite
# against the release binary), then runs the release script a second time and requires
# byte-identical archives. Needs a clean working tree: a release is built from a commit.
set -euo pipefail
cd "$(dirname "$0")/.."
first=$(mktemp -d)
second=$(mktemp -d)
trap 'rm -rf "$first" "$second"' EXIT

archive=$(scripts/release.sh --out "$first")
again=$(scripts/release.sh --out "$second" --skip-tests)
if ! cmp "$archive" "$again"; then
  echo "release-check: FAIL: two runs of scripts/release.sh gave different archives" >&2
  exit 1
fi
cmp "$archive.sha256" "$again.sha256"
echo "release-check: ok: $(basename "$archive") is reproducible: $(cut -d' ' -f1 "$archive.sha256")" >&2
