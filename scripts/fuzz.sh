#!/usr/bin/env bash
# Fuzzes casebook's input handling with libFuzzer and the address sanitizer.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     fuzz each target for SECONDS (60 by default)
#   scripts/fuzz.sh --replay [TARGET...]      run each target once over its seeds and regressions
#
# Targets (Fuzz/CasebookFuzz): front-matter, yaml, csv, markdown, site, workbook-xml; all by
# default. Each starts from a seed corpus made from the example site, the test fixtures, the
# CommonMark spec examples and the parts of an .xlsx workbook as Excel writes them, plus Fuzz/regressions/<target>/: every input that once broke casebook. A crash
# or a broken invariant fails the script and leaves the input in .fuzz/crashes/<target>/; add it
# to Fuzz/regressions/<target>/ and a unit test. The corpora grow in .fuzz/corpus/<target>/
# (ignored by git) and are reused by the next run. `--replay` is deterministic: CI runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
replay=0
if [ "${1:-}" = "--replay" ]; then replay=1; shift; fi
seconds=60
if [ $replay = 0 ] && [[ "${1:-}" =~ ^[0-9]+$ ]]; then seconds="$1"; shift; fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(front-matter yaml csv markdown site workbook-xml)

# Optimised (with -enable-testing for the targets' @testable imports): the whole-site target
# runs about four times as many inputs a second as a debug build.
swift build -c release --scratch-path .build-fuzz --product CasebookFuzz \
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address -Xswiftc -enable-testing \
    -Xswiftc -use-ld=lld -Xlinker --export-dynamic-symbol=LLVMFuzzerRunDriver
fuzzer=.build-fuzz/release/CasebookFuzz

seed() {  # seed TARGET: fills .fuzz/seeds/TARGET from the repository
    local target="$1" dir=".fuzz/seeds/$1"
    rm -rf "$dir" && mkdir -p "$dir"
    case "$target" in
    front-matter | yaml)
        cp content/case-studies/*.md content/quotes/*.md content/pages/*.md "$dir/"
        cp casebook.yml "$dir/casebook.yml"
        find Tests/Fixtures -name '*.md' -exec cp --backup=numbered {} "$dir/" \; ;;
    csv) find content Tests/Fixtures -name '*.csv' -exec cp --backup=numbered {} "$dir/" \; ;;
    markdown)
        python3 - "$dir" ../shared/corpora/commonmark-0.30/spec.json <<'PY'
import json, sys, pathlib
folder, spec = pathlib.Path(sys.argv[1]), sys.argv[2]
for example in json.load(open(spec)):
    (folder / f"spec-{example['example']}.md").write_text(example["markdown"])
PY
        cp content/case-studies/*.md "$dir/" ;;
    site)
        local n=0
        for study in content/case-studies/*.md; do
            for quote in content/quotes/q-tm-valued.md content/quotes/q-fl-expertise.md; do
                n=$((n + 1))
                { cat casebook.yml; printf '\n%%%%\n'; cat "$study"; printf '\n%%%%\n'; cat "$quote"
                  printf '\n%%%%\n'; cat content/quotes/survey-2025.csv; printf '\n%%%%\n'; cat content/pages/about.md
                } >"$dir/site-$n"
            done
        done ;;
    workbook-xml)  # the parts `casebook import` reads, as Excel and LibreOffice write them
        python3 - "$dir" <<'PY'
import pathlib, sys
folder = pathlib.Path(sys.argv[1])
head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
relations = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
parts = {
    "workbook.xml": f'{head}<workbook {main} {relations}><sheets><sheet name="Coding" sheetId="1" r:id="rId1"/>'
                    '<sheet name="Notes &amp; memos" sheetId="2" r:id="rId2"/></sheets></workbook>',
    "workbook.xml.rels": f'{head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/>'
                         '<Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
    "sharedStrings.xml": f'\ufeff{head}<!-- shared --><sst {main} count="3" uniqueCount="3"><si><t>id</t></si>'
                         '<si><t xml:space="preserve"> A &amp; B &lt;&#x41;&#66;&gt; &quot;&apos;</t></si>'
                         '<si><r><rPr><b/></rPr><t>Rich </t></r><r><t><![CDATA[<text>]]></t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si></sst>',
    "sheet1.xml": f'{head}<worksheet {main}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>text</t></is></c></row>'
                  '<row r="3"><c r="A3"><v>45123</v></c><c r="C3" t="s"><v>2</v></c><c r="D3" t="b"><v>1</v></c>'
                  '<c r="E3" t="str"><f>A3+1</f><v>45124</v></c><c r="F3" t="e"><v>#N/A</v></c></row></sheetData></worksheet>',
    "sheet2.xml": f'{head}<x:worksheet xmlns:x="urn:s"><?pi data?><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:r><x:t>one</x:t></x:r></x:is></x:c>'
                  '<x:c/></x:row></x:sheetData></x:worksheet>',
}
for name, text in parts.items():
    (folder / name).write_text(text, encoding="utf-8")
PY
        ;;
    esac
}

failed=()
for target in "${targets[@]}"; do
    seed "$target"
    corpus=".fuzz/corpus/$target" crashes=".fuzz/crashes/$target" regressions="Fuzz/regressions/$target"
    mkdir -p "$corpus" "$crashes" "$regressions"
    log=".fuzz/$target.log"
    if [ $replay = 1 ]; then
        echo "== replay $target: $(find ".fuzz/seeds/$target" "$regressions" -type f | wc -l) inputs =="
        mode=(-runs=0)
    else
        echo "== fuzz $target for ${seconds}s =="
        mode=("$corpus" -max_total_time="$seconds")
    fi
    # -max_len 64 KiB: room for a whole small site; -rss_limit_mb: a memory blow-up is a finding.
    if SWIFT_BACKTRACE=enable=no CASEBOOK_FUZZ_TARGET="$target" "$fuzzer" "${mode[@]}" ".fuzz/seeds/$target" "$regressions" \
        -max_len=65536 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$crashes/" >"$log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$log" | tr '\n' ' '
        grep -E '^#[0-9]+.*(DONE|pulse|NEW)' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+' || true
        echo
    else
        echo "FAILED: $target; the input is in $crashes/, the log in $log:"
        grep -aE 'invariant|ERROR|Fatal|SUMMARY|timeout' "$log" | head -5
        failed+=("$target")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]}"
    exit 1
fi
echo "fuzzing: ${#targets[@]} targets clean"
