#!/usr/bin/env bash
# Counts the user-space instructions `casebook serve` spends on one edit, from the change to the
# refreshed page (the rebuild plus the request for the page), under valgrind's callgrind, for
# the three kinds of edit of bench/serve-rebuild.sh: content, quote, partial. Wall time on this
# shared machine swings too much to judge a change of a few milliseconds; the count does not.
#
#   bench/serve-instructions.sh [--sizes 1000x5000] BINARY
#
# The first build under callgrind takes several minutes at 1,000 + 5,000. The counters are zeroed
# before each edit and dumped after the page's request (`callgrind_control -z/-d PID`: only this
# server's counters). Per-function costs: `callgrind_annotate --inclusive=yes WORK/serve.out.N`.
# Needs valgrind, binutils, curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
size="1000x5000"
[[ "${1:-}" == "--sizes" ]] && { size=$2; shift 2; }
[[ $# -eq 1 ]] || { echo "usage: bench/serve-instructions.sh [--sizes NxM] BINARY" >&2; exit 2; }
work=$(mktemp -d /tmp/casebook-serve-instructions.XXXXXX)
objcopy --strip-debug "$1" "$work/casebook" # valgrind 3.19 cannot read Swift's DWARF 5
python3 bench/generate-site.py "$work/site" --case-studies "${size%x*}" --quotes "${size#*x}" --seed 1 --reports 0 >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
valgrind --tool=callgrind --callgrind-out-file="$work/serve.out" "$work/casebook" serve "$work/site" --port "$port" \
    >"$work/log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
until grep -qs "^Serving" "$work/log"; do sleep 2; done

site="$work/site"
page="case-studies/case-00017/"
quote=$(grep -rl --include='*.md' '^case_study: case-00017$' "$site/content/quotes" | sort | head -1 || true)
partial="$site/themes/default/templates/partials/quote.mustache"
rebuilds=0
wait_rebuilt() { rebuilds=$((rebuilds + 1)); until [[ $(grep -c '^Rebuilt' "$work/log") -ge $rebuilds ]]; do sleep 1; done; }
edit() { # kind file python-expression-of-text
    callgrind_control -z "$server" >/dev/null 2>&1
    python3 -c 'import re, sys; p = sys.argv[1]; text = open(p).read(); open(p, "w").write(eval(sys.argv[2]))' "$2" "$3"
    wait_rebuilt
    curl -s -o /dev/null "http://127.0.0.1:$port/$page"
    callgrind_control -d "$server" >/dev/null 2>&1
    local dump
    dump=$(ls -t "$work"/serve.out.* | head -1)
    python3 -c "print(f'{\"$1 edit\":<14} {int(\"$(grep -m1 '^summary' "$dump" | tr -dc 0-9)\"):>13,} instructions  ($dump)')"
}
edit content "$site/content/case-studies/case-00017.md" 're.sub(r"^organisation: .*$", "organisation: Org 17, edited", text, count=1, flags=re.M)'
edit quote "$quote" 're.sub(r"\n---\n.*", "\n---\nWords of an edited quote.\n", text, count=1, flags=re.S)'
mkdir -p "$(dirname "$partial")"
cp Sources/Render/DefaultTheme/templates/partials/quote.mustache "$partial"
wait_rebuilt
edit partial "$partial" '"<!-- edited -->\n" + text'
echo "callgrind outputs and the server's log: $work"
