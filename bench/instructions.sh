#!/usr/bin/env bash
# Counts the user-space instructions of one casebook build under valgrind's callgrind, for one or
# more casebook binaries over the same generated corpus, and prints each total and its ratio to
# the first. Unlike wall or CPU time on a shared machine (which swing by 20 to 50 % within an
# hour here), the count barely moves between runs, so it shows a 1 % change; it leaves out
# the kernel (file writes, page faults), which `bench/compare-hugo.sh` times with the rest.
#
#   bench/instructions.sh [--sizes 1000x5000] [--work DIR] BINARY [BINARY...]
#
# A build takes about 100 s under callgrind at 1,000 + 5,000. Each binary is copied without its
# debug sections first: valgrind 3.19 cannot read the DWARF 5 that Swift writes. Per-function
# costs: `callgrind_annotate --inclusive=yes WORK/callgrind.N.out`. Needs valgrind, binutils and
# python3.
set -euo pipefail
cd "$(dirname "$0")/.."

size="1000x5000"
work=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --sizes) size="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) break ;;
    esac
done
[[ $# -ge 1 ]] || { echo "usage: bench/instructions.sh [--sizes NxM] [--work DIR] BINARY [BINARY...]" >&2; exit 2; }
for tool in valgrind objcopy python3; do
    command -v "$tool" >/dev/null || { echo "instructions: '$tool' is not installed" >&2; exit 1; }
done

work="${work:-$(mktemp -d /tmp/casebook-instructions.XXXXXX)}"
corpus="$work/corpus-$size"
if [[ ! -f "$corpus/casebook.yml" ]]; then
    python3 bench/generate-site.py "$corpus" --case-studies "${size%x*}" --quotes "${size#*x}" --seed 1 --reports 0 >/dev/null
fi
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1767225600}"

first=""
n=0
for binary in "$@"; do
    n=$((n + 1))
    objcopy --strip-debug "$binary" "$work/casebook.$n"
    valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$n.out" \
        "$work/casebook.$n" build "$corpus" --output "$work/site.$n" -q 2>"$work/valgrind.$n.log"
    total=$(grep -o 'I *refs: *[0-9,]*' "$work/valgrind.$n.log" | tr -dc '0-9')
    first="${first:-$total}"
    python3 -c "print(f'{\"$binary\":<50} {$total:>15,} instructions  ÷ first: {$total / $first:.3f}')"
done
echo "callgrind outputs: $work"
