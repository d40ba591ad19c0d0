#!/usr/bin/env python3
"""Writes Sources/Render/DefaultTheme/docx/reference.docx, the styles `casebook report --docx`
hands to Pandoc: Pandoc's own reference document with the report's accent colour for headings
and titles, ruled tables (the evidence matrix) and an "Attribution" style for who said a quote.

usage: scripts/make-reference-docx.py   (needs pandoc; run again after changing the styles here)
The zip is written with fixed dates and in Pandoc's order, so the file is the same every run."""
import io, os, re, subprocess, sys, zipfile

ACCENT = "6B2D5C"  # --accent in assets/report.css
out = os.path.join(os.path.dirname(__file__), "..", "Sources/Render/DefaultTheme/docx/reference.docx")
default = subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"], check=True, capture_output=True).stdout
source = zipfile.ZipFile(io.BytesIO(default))

def edit(name, text):
    if name == "word/theme/theme1.xml":
        # accent1 colours every heading and the title
        text, n = re.subn(r'(<a:accent1>\s*<a:srgbClr val=")[0-9A-Fa-f]{6}', r"\g<1>" + ACCENT, text)
        assert n == 1, "accent1 not found"
    if name == "word/styles.xml":
        borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="BFBFBF" />'
                          for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        text, n = re.subn(r'(<w:style w:type="table" w:default="1" w:styleId="Table">.*?<w:tblPr>)',
                          r"\g<1><w:tblBorders>" + borders + "</w:tblBorders>", text, count=1, flags=re.S)
        assert n == 1, "table style not found"
        attribution = ('<w:style w:type="paragraph" w:customStyle="1" w:styleId="Attribution">'
                       '<w:name w:val="Attribution" /><w:basedOn w:val="BodyText" /><w:next w:val="BodyText" /><w:qFormat />'
                       '<w:pPr><w:spacing w:before="0" w:after="240" /><w:ind w:left="480" w:right="480" /><w:jc w:val="right" /></w:pPr>'
                       '<w:rPr><w:i /><w:color w:val="4A4A55" /></w:rPr></w:style>')
        text = text.replace("</w:styles>", attribution + "</w:styles>")
    return text

buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
    for info in source.infolist():
        data = source.read(info.filename)
        if info.filename.endswith(".xml"):
            data = edit(info.filename, data.decode("utf-8")).encode("utf-8")
        entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        target.writestr(entry, data)
open(out, "wb").write(buffer.getvalue())
print(f"wrote {os.path.normpath(out)} ({len(buffer.getvalue())} bytes)", file=sys.stderr)
