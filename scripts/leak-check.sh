#!/usr/bin/env bash
# Runs casebook's Markdown renderer under valgrind over every CommonMark 0.30 spec example, in
# safe and unsafe mode, and fails on any definite or indirect leak or memory error.
#
# Usage: scripts/leak-check.sh            (from anywhere; builds .build/debug/casebook first)
# Needs: swift, valgrind, python3, strip (binutils), and ../shared/corpora/commonmark-0.30/spec.json next to the
# repository (override with SPEC_JSON=/path/to/spec.json). Exit status 0 when clean, 1 otherwise.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
spec="${SPEC_JSON:-$root/../shared/corpora/commonmark-0.30/spec.json}"

for tool in swift valgrind python3 strip; do
    command -v "$tool" >/dev/null || { echo "leak-check: FAILED: '$tool' is not installed" >&2; exit 1; }
done
[[ -f "$spec" ]] || { echo "leak-check: FAILED: no spec.json at $spec" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/casebook-leak-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "leak-check: building casebook (debug)…" >&2
(cd "$root" && swift build --product casebook >"$work/build.log" 2>&1) || {
    cat "$work/build.log" >&2
    echo "leak-check: FAILED: the build failed" >&2
    exit 1
}
# valgrind 3.19 cannot read the DWARF 5 the Swift toolchain writes and gives up, so run a copy
# without debug sections; symbol names stay, so leak reports still name the functions.
casebook="$work/casebook"
cp "$root/.build/debug/casebook" "$casebook"
strip --strip-debug "$casebook"

# One file per example, so each is parsed as its own document (link reference definitions,
# lists and HTML blocks behave as in the spec), all rendered by one process per mode.
python3 - "$spec" "$work/examples" <<'PY'
import json, os, sys
spec, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
examples = json.load(open(spec, encoding="utf-8"))
for e in examples:
    with open(os.path.join(out, "%03d.md" % e["example"]), "w", encoding="utf-8", newline="") as f:
        f.write(e["markdown"])
print("leak-check: %d examples from %s" % (len(examples), spec), file=sys.stderr)
PY

status=0
for mode in safe unsafe; do
    flags=()
    [[ "$mode" == unsafe ]] && flags=(--unsafe)
    log="$work/valgrind-$mode.log"
    if valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --show-leak-kinds=definite,indirect --error-exitcode=1 --log-file="$log" \
        "$casebook" markdown "${flags[@]}" "$work"/examples/*.md >"$work/out-$mode.html"; then
        echo "leak-check: $mode mode clean" >&2
    else
        status=1
        echo "leak-check: $mode mode: valgrind found problems:" >&2
        cat "$log" >&2
    fi
done

count=$(ls "$work/examples" | wc -l)
if [[ $status -eq 0 ]]; then
    echo "leak-check: OK: no definite or indirect leaks and no memory errors in $count examples x 2 modes"
else
    echo "leak-check: FAILED: leaks or memory errors (valgrind output above)"
fi
exit $status
