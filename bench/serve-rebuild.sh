#!/usr/bin/env bash
# Measures `casebook serve`'s rebuild time after an edit to one case study, in a generated site
# of 1,000 case studies and 5,000 quotes (bench/generate-site.py), and prints the median.
#
#   bench/serve-rebuild.sh [edits=7]
#
# With HUGO=1 it then measures `hugo server --disableFastRender` (every affected page rendered
# again, as casebook does) the same way on the Hugo twin of the same corpus (bench/hugo-site),
# editing the same front-matter line, and prints its median from its "Total in N ms" lines.
#
# Environment: CASEBOOK (a casebook binary; default: a release build in .build-serve),
# CASE_STUDIES / QUOTES (site size). The time is what the server logs ("Rebuilt N pages in X ms"):
# from the debounced change to the new pages being served.
set -euo pipefail
cd "$(dirname "$0")/.."
edits=${1:-7}
if [[ -z "${CASEBOOK:-}" ]]; then
    swift build -c release --product casebook --scratch-path .build-serve >/dev/null
    CASEBOOK=.build-serve/release/casebook
fi
work=$(mktemp -d)
server=""
hugo_server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; [[ -n "$hugo_server" ]] && kill "$hugo_server" 2>/dev/null; rm -rf "$work"' EXIT
python3 bench/generate-site.py "$work/site" --case-studies "${CASE_STUDIES:-1000}" --quotes "${QUOTES:-5000}" \
    ${HUGO:+--hugo "$work/hugo"}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
CASEBOOK_SERVE_TIMINGS=1 "$CASEBOOK" serve "$work/site" --port "$port" >"$work/log" 2>&1 &
server=$!

wait_for() { # log pattern count: waits (at most 180 s) until the log has `count` lines matching `pattern`
    for _ in $(seq 1 1800); do
        [[ $(grep -c "$2" "$1" || true) -ge $3 ]] && return 0
        sleep 0.1
    done
    echo "timed out waiting for '$2' in:" >&2; cat "$1" >&2; exit 1
}
edit_and_time() { # site log done-pattern: edits one case study's organisation `edits` times
    local file="$1/content/case-studies/case-00017.md"
    for i in $(seq 1 "$edits"); do
        python3 - "$file" "$i" <<'PY'
import re, sys
path, i = sys.argv[1], sys.argv[2]
text = open(path).read()
open(path, "w").write(re.sub(r"^organisation: .*$", f"organisation: Org 17, edit {i}", text, count=1, flags=re.M))
PY
        wait_for "$2" "$3" "$i"
        sleep 0.5 # let the editor-burst window pass before the next edit
    done
}
median() { # label: the median of the numbers on stdin
    sort -n | awk -v label="$1" '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "median %s rebuild after editing one case study: %s ms (%d edits)\n", label, m, NR}'
}

wait_for "$work/log" '^Serving' 1
grep '^Built' "$work/log"
edit_and_time "$work/site" "$work/log" '^Rebuilt'
grep '^Rebuilt' "$work/log"
grep -o '^Rebuilt [0-9]* pages\? in [0-9]* ms' "$work/log" | awk '{print $(NF-1)}' | median "casebook serve (target < 100 ms)"
echo "stage times of the last rebuild:"
awk '/^Rebuilt/ {block = ""; next} /^  / {block = block $0 "\n"} END {printf "%s", block}' "$work/log"

[[ -n "${HUGO:-}" ]] || exit 0
kill "$server" 2>/dev/null; server=""
cp -r bench/hugo-site/hugo.toml bench/hugo-site/layouts "$work/hugo/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
hugo server --source "$work/hugo" --port "$port" --disableFastRender --disableLiveReload >"$work/hugo.log" 2>&1 &
hugo_server=$!
wait_for "$work/hugo.log" 'Web Server is available' 1
grep -E '^Built in' "$work/hugo.log" || true
edit_and_time "$work/hugo" "$work/hugo.log" 'Total in'
grep 'Total in' "$work/hugo.log"
grep -o 'Total in [0-9]* ms' "$work/hugo.log" | awk '{print $3}' | median "hugo server"
