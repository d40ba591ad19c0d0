#!/usr/bin/env bash
# Measures what Vendor/swift-mustache/casebook.patch (no name split for a name without dots, no
# protocol casts for a `[String: Any]` context) saves casebook: builds casebook twice from this
# commit, once as it ships and once with the patch taken out of the vendored swift-mustache
# (which is then upstream 2.1.1), checks that both build byte-identical sites, and counts both
# builds' instructions with `bench/instructions.sh`. Nothing in the repository changes.
#
#   bench/mustache-lookup/measure-patch.sh [--work DIR]
#
# About 8 minutes on 2 cores (two release builds, two builds under callgrind).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=""
[[ "${1:-}" == "--work" ]] && work="$2"
work="${work:-$(mktemp -d /tmp/casebook-mustache-patch.XXXXXX)}"

for variant in upstream patched; do
    rm -rf "$work/$variant" && mkdir -p "$work/$variant"
    git archive HEAD | tar -x -C "$work/$variant"
    if [[ $variant == upstream ]]; then
        (cd "$work/$variant/Vendor/swift-mustache" && patch -R -p1 --no-backup-if-mismatch <casebook.patch >/dev/null)
    fi
    (cd "$work/$variant" && swift build -c release --product casebook >"$work/$variant.build.log" 2>&1)
done

python3 bench/generate-site.py "$work/site" --case-studies 1000 --quotes 5000 --seed 1 --reports 0 >/dev/null
for variant in upstream patched; do
    SOURCE_DATE_EPOCH=1767225600 "$work/$variant/.build/release/casebook" build "$work/site" --output "$work/out-$variant" -q
done
diff -r "$work/out-upstream" "$work/out-patched" >/dev/null && echo "same site from both builds" || { echo "the builds differ" >&2; exit 1; }
bench/instructions.sh --work "$work/instructions" "$work/upstream/.build/release/casebook" "$work/patched/.build/release/casebook"
