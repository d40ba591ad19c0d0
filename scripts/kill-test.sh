#!/usr/bin/env bash
# Interrupts `casebook build` with SIGKILL at spread-out moments, a fixed number of times, and
# checks after each that the output folder is one complete build: the old site or the new one,
# never a mix. usage: scripts/kill-test.sh [ROUNDS] (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-20}
swift build -c release --product casebook 2>&1 | tail -1
bin=.build/release/casebook
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A site big enough that a build takes a while: the example plus generated case studies.
cp -r casebook.yml content "$work/"
python3 - "$work" <<'PY'
import sys, os
root = sys.argv[1]
for i in range(400):
    with open(f"{root}/content/case-studies/generated-{i:04d}.md", "w") as f:
        f.write(f"---\ntitle: Generated case study {i}\nprogramme: talent-match\ndate: 2025-01-{i%28+1:02d}\n"
                f"themes: [hard-work]\nsummary: Generated summary {i}.\nlessons:\n  - theme: hard-work\n    text: Lesson {i}.\n---\n"
                + ("A paragraph of text for the generated case study. " * 40 + "\n\n") * 12)
PY
manifest() { (cd "$1" && find . -type f ! -name '.casebook-output' -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -d' ' -f1; }

export SOURCE_DATE_EPOCH=1767225600
"$bin" build "$work" -o "$work/_site" -q
old=$(manifest "$work/_site")
# The new version differs in every page (the title is on each).
sed -i 's/^title: .*/title: "Changed title"/' "$work/casebook.yml"
"$bin" build "$work" -o "$work/new" -q
new=$(manifest "$work/new")
sed -i 's/^title: .*/title: "Co-production: the benefits for people and organisations"/' "$work/casebook.yml"

start=$(date +%s%N); "$bin" build "$work" -o "$work/timing" -q; took=$(( ($(date +%s%N) - start) / 1000 ))
echo "a full build takes ${took} µs; killing at $rounds points spread over it"
seen_old=0 seen_new=0
for ((i = 0; i < rounds; i++)); do
  # Alternate the content so each build changes the whole site.
  if (( i % 2 == 0 )); then sed -i 's/^title: .*/title: "Changed title"/' "$work/casebook.yml"; want=$new
  else sed -i 's/^title: .*/title: "Co-production: the benefits for people and organisations"/' "$work/casebook.yml"; want=$old; fi
  "$bin" build "$work" -o "$work/_site" -q &
  pid=$!
  delay=$(( took * (i + 1) / (rounds + 1) ))
  sleep "$(printf '0.%06d' "$delay")" 2>/dev/null || sleep 0
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  got=$(manifest "$work/_site")
  if [ "$got" = "$old" ]; then seen_old=$((seen_old + 1))
  elif [ "$got" = "$new" ]; then seen_new=$((seen_new + 1))
  else echo "FAIL: after a kill at ${delay} µs the site is neither the old nor the new build" >&2; exit 1; fi
  # Put the site back to a known state for the next round.
  "$bin" build "$work" -o "$work/_site" -q
  [ "$(manifest "$work/_site")" = "$want" ] || { echo "FAIL: a full build after a kill is wrong" >&2; exit 1; }
done
echo "kill-test: $rounds kills, site whole every time (old $seen_old, new $seen_new)"
echo "$rounds passed, 0 failed"
