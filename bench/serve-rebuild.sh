#!/usr/bin/env bash
# Measures `casebook serve` from a one-file edit to the refreshed page, in a generated site
# (bench/generate-site.py; 1,000 case studies and 5,000 quotes unless told otherwise), for three
# kinds of edit, and prints the median of each:
#
#   content  one case study's `organisation:`; the page fetched is that case study's
#   quote    the text of one quote file naming that case study; the same page
#   partial  the site's override of `partials/quote` (added before the first timed edit); the same page
#
#   bench/serve-rebuild.sh [edits=7] [kinds=content,quote,partial]
#
# An edit's time is the server's own "Rebuilt N pages in X ms" (from the debounced change to the
# site being up to date, with changed pages held back until asked for) plus the time of the
# request for the page (`curl`'s time_total, which renders it when it was held back): what a
# browser tab that reloads on the change waits for, after the editor's save is noticed.
#
# With HUGO=1 it then measures `hugo server --disableFastRender` on the Hugo twin of the same
# corpus (bench/hugo-site), editing the same front-matter line, from its "Total in N ms" lines.
#
# Environment: CASEBOOK (a casebook binary; default: a release build in .build-serve),
# CASE_STUDIES / QUOTES (site size).
set -euo pipefail
cd "$(dirname "$0")/.."
edits=${1:-7}
kinds=${2:-content,quote,partial}
if [[ -z "${CASEBOOK:-}" ]]; then
    swift build -c release --product casebook --scratch-path .build-serve >/dev/null
    CASEBOOK=.build-serve/release/casebook
fi
work=$(mktemp -d)
server=""
hugo_server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; [[ -n "$hugo_server" ]] && kill "$hugo_server" 2>/dev/null; rm -rf "$work"' EXIT
python3 bench/generate-site.py "$work/site" --case-studies "${CASE_STUDIES:-1000}" --quotes "${QUOTES:-5000}" --reports 0 \
    ${HUGO:+--hugo "$work/hugo"} >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
CASEBOOK_SERVE_TIMINGS=1 "$CASEBOOK" serve "$work/site" --port "$port" >"$work/log" 2>&1 &
server=$!

wait_for() { # log pattern count: waits (at most 300 s) until the log has `count` lines matching `pattern`
    for _ in $(seq 1 3000); do
        [[ $(grep -c "$2" "$1" || true) -ge $3 ]] && return 0
        sleep 0.1
    done
    echo "timed out waiting for '$2' in:" >&2; cat "$1" >&2; exit 1
}
median() { # label: the median of the numbers on stdin
    sort -n | awk -v label="$1" '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%s: median %s ms (%d edits; min %s, max %s)\n", label, m, NR, a[1], a[NR]}'
}
rewrite() { # file python-expression-of-text-and-i i
    python3 - "$1" "$3" "$2" <<'PY'
import re, sys
path, i, expression = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path).read()
open(path, "w").write(eval(expression))
PY
}

site="$work/site"
case_study=case-00017
page="case-studies/$case_study/"
quote=$(grep -rl --include="*.md" "^case_study: $case_study\$" "$site/content/quotes" | sort | head -1 || true)
[[ -n "$quote" ]] || { echo "no quote file names $case_study" >&2; exit 1; }
partial="$site/themes/default/templates/partials/quote.mustache"

wait_for "$work/log" '^Serving' 1
grep '^Built' "$work/log"
rebuilt=0
for kind in ${kinds//,/ }; do
    case "$kind" in
        content) file="$site/content/case-studies/$case_study.md"
                 expression='re.sub(r"^organisation: .*$", f"organisation: Org 17, edit {i}", text, count=1, flags=re.M)' ;;
        quote) file="$quote"
               expression='re.sub(r"\n---\n.*", f"\n---\nWords of quote edit {i}.\n", text, count=1, flags=re.S)' ;;
        partial) file="$partial"
                 mkdir -p "$(dirname "$partial")"
                 cp Sources/Render/DefaultTheme/templates/partials/quote.mustache "$partial"
                 rebuilt=$((rebuilt + 1)); wait_for "$work/log" '^Rebuilt' "$rebuilt"; sleep 0.5
                 expression='f"<!-- edit {i} -->\n" + re.sub(r"^<!-- edit [0-9]+ -->\n", "", text)' ;;
        *) echo "unknown kind of edit: $kind (content, quote, partial)" >&2; exit 2 ;;
    esac
    : >"$work/times-$kind"
    for i in $(seq 1 "$edits"); do
        rewrite "$file" "$expression" "$i"
        rebuilt=$((rebuilt + 1))
        wait_for "$work/log" '^Rebuilt' "$rebuilt"
        ms=$(grep '^Rebuilt' "$work/log" | tail -1 | grep -o 'in [0-9]* ms' | awk '{print $2}')
        fetch=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/$page")
        python3 -c "print(round($ms + $fetch * 1000, 1))" >>"$work/times-$kind"
        echo "  $kind edit $i: rebuild $ms ms + page ${fetch}s" >>"$work/detail"
        sleep 0.5 # let the editor-burst window pass before the next edit
    done
    awk '/^Rebuilt/ {block = ""; next} /^  / {block = block $0 "\n"} END {printf "%s", block}' "$work/log" >"$work/stages-$kind"
done
cat "$work/detail"
for kind in ${kinds//,/ }; do
    median "casebook serve, $kind edit to refreshed page" <"$work/times-$kind"
done
for kind in ${kinds//,/ }; do
    echo "stage times of the last $kind edit:"
    cat "$work/stages-$kind"
done

[[ -n "${HUGO:-}" ]] || exit 0
kill "$server" 2>/dev/null; server=""
cp -r bench/hugo-site/hugo.toml bench/hugo-site/layouts "$work/hugo/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
hugo server --source "$work/hugo" --port "$port" --disableFastRender --disableLiveReload >"$work/hugo.log" 2>&1 &
hugo_server=$!
wait_for "$work/hugo.log" 'Web Server is available' 1
grep -E '^Built in' "$work/hugo.log" || true
for i in $(seq 1 "$edits"); do
    rewrite "$work/hugo/content/case-studies/$case_study.md" \
        're.sub(r"^organisation: .*$", f"organisation: Org 17, edit {i}", text, count=1, flags=re.M)' "$i"
    wait_for "$work/hugo.log" 'Total in' "$i"
    sleep 0.5
done
grep -o 'Total in [0-9]* ms' "$work/hugo.log" | awk '{print $3}' | median "hugo server --disableFastRender, content edit"
