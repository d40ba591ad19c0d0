#!/usr/bin/env bash
# Builds the same generated corpus with casebook and with Hugo, alternating runs, and prints the
# median (min, max) wall time, CPU time (user + sys) and peak RSS of both, their ratio, and the
# floor: libcmark alone (the `cmark` command) over the same case-study files, and the issue's
# one-core floor: reading every content file plus cmark over the bodies, in one process chain.
# Issue #6.
#
#   bench/compare-hugo.sh [--sizes 1000x5000,10000x50000] [--runs N] [--clean delete|reuse]
#                         [--seed 1] [--work DIR] [--keep]
#
# --sizes   case studies x quotes, comma-separated (default 1000x5000,10000x50000)
# --runs    measured runs per tool and size, after one warm-up each (default 5; 3 for sizes of
#           5,000 case studies or more, where a Hugo build takes ~45 s on a 2-core machine)
# --clean   fresh (default): every run writes into a new, never-used output folder (as a CI job on
#           a fresh clone does); all of them are deleted at the end, not between runs. ext4 makes
#           every file created within seconds of a large delete cost more (perf showed
#           `recently_deleted` in 40 % of a build's samples), which would time the file system.
#           delete: both output folders (and casebook's staging copy) are deleted and `sync`ed
#           before every run, outside the timing, so both tools write every file anew.
#           reuse: outputs are kept between runs; casebook rewrites in place and skips unchanged
#           files (its normal rebuild), Hugo builds with --cleanDestinationDir.
# --work    where to put the corpora and outputs (default: a new folder under /tmp, deleted at
#           the end unless --keep)
#
# Environment: CASEBOOK (binary; default .build/release/casebook, built with
# `swift build -c release --product casebook` when missing), SOURCE_DATE_EPOCH (default
# 1767225600, 2026-01-01). Needs hugo (Debian's 0.111), cmark, GNU time and python3.
# Order within a round: casebook, Hugo, cmark, floor; rounds repeat, so the runs alternate A B A B.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

sizes="1000x5000,10000x50000"
runs=""
clean="fresh"
seed=1
work=""
keep=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --sizes) sizes=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --clean) clean=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$clean" == fresh || "$clean" == delete || "$clean" == reuse ]] || { echo "--clean must be fresh, delete or reuse" >&2; exit 2; }

missing=0
need() { # command, install hint
    if ! command -v "$1" >/dev/null 2>&1 && [[ ! -x "$1" ]]; then
        echo "error: '$1' is missing; install it with: $2" >&2; missing=1
    fi
}
need hugo "apt-get install -y hugo"
need cmark "apt-get install -y cmark"
need /usr/bin/time "apt-get install -y time"
need python3 "apt-get install -y python3"
[[ $missing == 0 ]] || exit 2

export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}
casebook=${CASEBOOK:-$repo/.build/release/casebook}
if [[ ! -x "$casebook" ]]; then
    echo "building casebook: swift build -c release --product casebook" >&2
    swift build -c release --product casebook >&2
    casebook=$repo/.build/release/casebook
fi

if [[ -z "$work" ]]; then work=$(mktemp -d /tmp/casebook-vs-hugo.XXXXXX); else mkdir -p "$work"; fi
work=$(cd "$work" && pwd)
[[ $keep == 1 ]] || trap 'rm -rf "$work"' EXIT
results="$work/results.tsv"
: >"$results"

echo "# casebook vs Hugo, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')), $(free -h | awk '/^Mem:/ {print $2}') memory"
echo "casebook: $casebook ($(stat -c %y "$casebook" | cut -d. -f1))"
echo "hugo: $(hugo version)"
echo "cmark: $(cmark --version | head -1)"
echo "clean: $clean; SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH; work: $work"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# One timed run: label, then the command. Appends a row to $results.
measure() {
    local size=$1 tool=$2 run=$3; shift 3
    local out="$work/time.txt"
    if ! /usr/bin/time -v -o "$out" "$@" >"$work/last.log" 2>&1; then
        echo "error: $tool failed:" >&2; cat "$work/last.log" "$out" >&2; exit 1
    fi
    python3 - "$out" "$size" "$tool" "$run" >>"$results" <<'PY'
import sys
fields = {}
for line in open(sys.argv[1]):
    key, _, value = line.strip().rpartition(": ")
    fields[key] = value
wall = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(wall)))
cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
rss = int(fields["Maximum resident set size (kbytes)"])
print(f"{sys.argv[2]}\t{sys.argv[3]}\t{sys.argv[4]}\t{seconds:.3f}\t{cpu:.3f}\t{rss}")
PY
    tail -1 "$results" | awk -F'\t' '{printf "  %-9s run %-2s wall %7.2f s  cpu %7.2f s  rss %6.0f MiB\n", $2, $3, $4, $5, $6/1024}'
}

prepare_casebook() { # output folder: delete it and the staging copy beside it (delete mode)
    if [[ $clean == delete ]]; then
        rm -rf "$1" "$(dirname "$1")/.$(basename "$1").casebook-stage" "$(dirname "$1")/.$(basename "$1").casebook-stage.old"
        sync
    fi
}
prepare_hugo() {
    if [[ $clean == delete ]]; then rm -rf "$1"; sync; fi
}

IFS=',' read -r -a size_list <<<"$sizes"
for size in "${size_list[@]}"; do
    cases=${size%x*}; quotes=${size#*x}
    n=${runs:-$([[ $cases -ge 5000 ]] && echo 3 || echo 5)}
    dir="$work/$size"
    site="$dir/casebook-site"; hsite="$dir/hugo-site"; cout="$dir/casebook-out"; hout="$dir/hugo-out"
    echo
    echo "## $cases case studies + $quotes quotes ($n runs each after one warm-up)"
    rm -rf "$dir"; mkdir -p "$dir"
    python3 bench/generate-site.py "$site" --case-studies "$cases" --quotes "$quotes" --seed "$seed" \
        --reports 0 --hugo "$hsite"
    cp -r bench/hugo-site/hugo.toml bench/hugo-site/layouts "$hsite/"
    echo "corpus: $(find "$site/content" -type f | wc -l) files, $(du -sm --apparent-size "$site/content" | cut -f1) MB;" \
        "case-study files $(du -sm --apparent-size "$site/content/case-studies" | cut -f1) MB"

    cb=("$casebook" build "$site" --output "$cout" --quiet)
    hg=(hugo --source "$hsite" --destination "$hout" --quiet)
    [[ $clean == reuse ]] && hg+=(--cleanDestinationDir)
    cm=(sh -c 'cmark "$0"/*.md >/dev/null' "$site/content/case-studies")
    # cmark reads the case-study files itself; `cat` reads every other content file.
    fl=(sh -c 'find "$0" -type f ! -path "$0/case-studies/*" -exec cat {} + >/dev/null; cmark "$0"/case-studies/*.md >/dev/null' "$site/content")

    echo "warm-up (not counted); casebook's stage times:"
    prepare_casebook "$cout"
    "$casebook" build "$site" --output "$cout" --verbose 2>&1 | sed 's/^/  /'
    prepare_hugo "$hout"
    "${hg[@]}"
    "${cm[@]}"
    "${fl[@]}"
    echo "outputs: casebook $(find "$cout" -type f | wc -l) files $(du -sm --apparent-size "$cout" | cut -f1) MB," \
        "Hugo $(find "$hout" -type f | wc -l) files $(du -sm --apparent-size "$hout" | cut -f1) MB"
    python3 - "$cout" "$hout" <<'PY'
# Equivalence check: HTML page counts, and what a few pages list, counted the same way in both.
import os, re, sys
a, b = sys.argv[1], sys.argv[2]
def pages(root):
    return {os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs if f.endswith(".html")}
pa, pb = pages(a), pages(b)
print(f"HTML pages: casebook {len(pa)}, Hugo {len(pb)}; only casebook: {sorted(pa - pb)[:5]}; only Hugo: {sorted(pb - pa)[:5]}")
patterns = {"lessons": r'<li class="lesson"', "quotes": r'<figure class="quote"', "case cards": r'<article class="card case-card"',
            "theme cards": r'<article class="card theme-card"'}
themes = sorted(os.listdir(os.path.join(a, "themes")))
checks = [f"themes/{t}/index.html" for t in themes if os.path.isdir(os.path.join(a, "themes", t))]
checks += ["programmes/talent-match/index.html", "quotes/index.html", "index.html", "case-studies/index.html",
           "case-studies/case-00003/index.html"]
bad = 0
for page in checks:
    counts = []
    for root in (a, b):
        text = open(os.path.join(root, page)).read()
        counts.append(tuple(len(re.findall(p, text)) for p in patterns.values()))
    same = counts[0] == counts[1]
    bad += not same
    shown = ", ".join(f"{k} {v}" for k, v in zip(patterns, counts[0]) if v)
    print(f"  {page}: {shown} {'(same in Hugo)' if same else '| Hugo: ' + str(counts[1]) + ' DIFFERENT'}")
print("equivalence:", "OK" if bad == 0 else f"{bad} page(s) differ")
PY

    for run in $(seq 1 "$n"); do
        if [[ $clean == fresh ]]; then
            cb=("$casebook" build "$site" --output "$cout-$run" --quiet)
            hg=(hugo --source "$hsite" --destination "$hout-$run" --quiet)
        fi
        prepare_casebook "$cout"; measure "$size" casebook "$run" "${cb[@]}"
        prepare_hugo "$hout"; measure "$size" hugo "$run" "${hg[@]}"
        measure "$size" cmark "$run" "${cm[@]}"
        measure "$size" floor "$run" "${fl[@]}"
    done
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "raw results: $results"
echo

python3 - "$results" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
data = {}
for size, tool, run, wall, cpu, rss in rows:
    data.setdefault(size, {}).setdefault(tool, []).append((float(wall), float(cpu), int(rss) / 1024))
def fmt(values, unit, digits):
    m = statistics.median(values)
    return f"{m:.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"
def label(size):
    c, q = size.split("x")
    return f"{int(c):,} + {int(q):,}"
print("| corpus (case studies + quotes) | tool | runs | wall median (min–max) | CPU user+sys median (min–max) | peak RSS median (min–max) | casebook ÷ tool: wall / CPU / RSS |")
print("|---|---|---|---|---|---|---|")
for size, tools in data.items():
    cb = tools.get("casebook")
    for tool in ("casebook", "hugo", "cmark", "floor"):
        if tool not in tools:
            continue
        runs = tools[tool]
        cols = [fmt([r[i] for r in runs], u, d) for i, u, d in ((0, "s", 2), (1, "s", 2), (2, "MiB", 0))]
        ratio = "—"
        if tool != "casebook" and cb:
            ratio = " / ".join(f"{statistics.median([r[i] for r in cb]) / statistics.median([r[i] for r in runs]):.2f}" for i in range(3))
        name = {"casebook": "casebook", "hugo": "Hugo", "cmark": "cmark (floor: bodies only)",
                "floor": "floor: read every file + cmark, one core"}[tool]
        print(f"| {label(size)} | {name} | {len(runs)} | {cols[0]} | {cols[1]} | {cols[2]} | {ratio} |")
print()
print("Ratios are of the medians; below 1 means casebook is faster or smaller. Paired ratios (run i of casebook ÷ run i of the other, median):")
for size, tools in data.items():
    for tool in ("hugo", "cmark", "floor"):
        if tool in tools and "casebook" in tools:
            pairs = list(zip(tools["casebook"], tools[tool]))
            print(f"- {label(size)}, casebook ÷ {tool}: wall {statistics.median([a[0] / b[0] for a, b in pairs]):.2f},"
                  f" CPU {statistics.median([a[1] / b[1] for a, b in pairs]):.2f}")
PY
