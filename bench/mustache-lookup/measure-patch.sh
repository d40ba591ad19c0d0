#!/usr/bin/env bash
# Measures what `fast-lookup.patch` (two changes inside swift-mustache's `getChild`: no name split
# for a name without dots, and no protocol casts for a `[String: Any]` context) saves casebook:
# builds casebook twice from this commit, once with swift-mustache as resolved and once with the
# patch applied to its checkout, checks that both build byte-identical sites, and counts both
# builds' instructions with `bench/instructions.sh`. Nothing in the repository changes; the
# patch is here to be proposed upstream, not applied to casebook's build.
#
#   bench/mustache-lookup/measure-patch.sh [--work DIR]
#
# About 8 minutes on 2 cores (two release builds, two builds under callgrind).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
work=""
[[ "${1:-}" == "--work" ]] && work="$2"
work="${work:-$(mktemp -d /tmp/casebook-mustache-patch.XXXXXX)}"

for variant in plain patched; do
    rm -rf "$work/$variant" && mkdir -p "$work/$variant"
    git archive HEAD | tar -x -C "$work/$variant"
    (cd "$work/$variant" && swift package resolve >/dev/null)
    if [[ $variant == patched ]]; then
        (cd "$work/$variant/.build/checkouts/swift-mustache" && patch -p1 <"$repo/bench/mustache-lookup/fast-lookup.patch")
    fi
    (cd "$work/$variant" && swift build -c release --product casebook >"$work/$variant.build.log" 2>&1)
done

python3 bench/generate-site.py "$work/site" --case-studies 1000 --quotes 5000 --seed 1 --reports 0 >/dev/null
for variant in plain patched; do
    SOURCE_DATE_EPOCH=1767225600 "$work/$variant/.build/release/casebook" build "$work/site" --output "$work/out-$variant" -q
done
diff -r "$work/out-plain" "$work/out-patched" >/dev/null && echo "same site from both builds" || { echo "the builds differ" >&2; exit 1; }
bench/instructions.sh --work "$work/instructions" "$work/plain/.build/release/casebook" "$work/patched/.build/release/casebook"
