#!/usr/bin/env bash
# Builds the example site and runs the reviewers' output checks on it: the Nu HTML Checker,
# axe-core in headless Chromium, the internal link checker, the theme's scripts in Chromium
# (scripts/check-page-scripts.py), and on its reports' PDFs and Word
# documents check-pdf.sh --require-tagged and Pandoc reading them back. The checks live in
# ../shared/tools (or $CASEBOOK_TOOLS); they are copied to a writable place and installed once.
set -euo pipefail
cd "$(dirname "$0")/.."
tools_src=${CASEBOOK_TOOLS:-../shared/tools}
if [ ! -d "$tools_src" ]; then
  echo "check-output: no checker tools at $tools_src; set CASEBOOK_TOOLS" >&2
  exit 2
fi
tools=${CASEBOOK_TOOLS_COPY:-/tmp/casebook-check-tools}
mkdir -p "$tools"
cp -r "$tools_src"/. "$tools"/
chmod -R u+w "$tools"
bash "$tools/install.sh" | tail -1

swift build -c release --product casebook 2>&1 | tail -1
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
# Built for the host's root, so the absolute links of 404.html resolve in the offline link check.
SOURCE_DATE_EPOCH=1767225600 .build/release/casebook build . --output "$site/_site" --base-url https://example.org/ --quiet
# Reports are checked on their own: the 2020 Nu checker's CSS validator does not know CSS
# Generated Content for Paged Media (string-set, string()), which their print styles use.
mkdir -p "$site/reports" && mv "$site/_site/reports" "$site/reports/reports"
paged_media=(--ignore 'CSS: “string-set”' --ignore 'string\((report|section)-title\)' --ignore 'CSS: Parse Error')

py="$tools/.venv/bin/python"
status=0
echo "-- Nu HTML Checker (site)";    bash "$tools/check-html.sh" "$site/_site" || status=1
echo "-- Nu HTML Checker (reports)"; bash "$tools/check-html.sh" "${paged_media[@]}" "$site/reports" || status=1
mv "$site/reports/reports" "$site/_site/reports"
# A site whose summaries, lessons and quotes all have several paragraphs (or lists, headings):
# themes print those inside <p> and <blockquote>, so this is where a block inside a <p> shows.
SOURCE_DATE_EPOCH=1767225600 .build/release/casebook build Tests/Fixtures/multi-paragraph-site --output "$site/multi" --quiet
echo "-- Nu HTML Checker (multi-paragraph site)"; bash "$tools/check-html.sh" "${paged_media[@]}" "$site/multi" || status=1
echo "-- axe-core";        "$py" "$tools/check-a11y.py" "$site/_site" || status=1
echo "-- links";           "$py" "$tools/check-links.py" "$site/_site" || status=1
# The theme's scripts, run in Chromium on a site in two languages: search and the quote filter.
SOURCE_DATE_EPOCH=1767225600 .build/release/casebook build Tests/Fixtures/bilingual-site --output "$site/bilingual" --base-url http://127.0.0.1/ --quiet
echo "-- page scripts";    python3 scripts/check-page-scripts.py "$site/bilingual" || status=1
# Every report's PDF, made by the project's engine (scripts/install-deps.sh --pdf: WeasyPrint 66
# or later), must be tagged; its Word document must be one Pandoc can read back.
SOURCE_DATE_EPOCH=1767225600 .build/release/casebook report . --pdf --docx --output "$site/_reports" 2>&1 | tail -1
for pdf in "$site"/_reports/*/*.pdf; do
  echo "-- PDF $(basename "$pdf")"; bash "$tools/check-pdf.sh" --require-tagged "$pdf" | tail -1; [ "${PIPESTATUS[0]}" = 0 ] || status=1
done
for docx in "$site"/_reports/*/*.docx; do
  echo "-- DOCX $(basename "$docx")"; pandoc -f docx -t plain "$docx" >/dev/null || status=1
done
# The tests that need the Nu checker (charts with hostile labels, …) skip without it; here it is
# installed, so they must run and pass.
echo "-- Nu HTML Checker tests"
VNU_JAR= CASEBOOK_TOOLS_COPY="$tools" CASEBOOK_REQUIRE_NU=1 swift test --filter NuCheckerTests 2>&1 | tail -1
[ "${PIPESTATUS[0]}" = 0 ] || status=1
exit $status
