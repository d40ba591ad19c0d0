#!/usr/bin/env python3
"""Runs the default theme's scripts in headless Chromium on a built site and checks what a reader
sees: search finds a public quote by a word of its text and says so in the page's language, and
the quote filter counts the quotes it shows. The site is served over HTTP from a free local port
(search.js fetches its index, which browsers refuse over file:).

    scripts/check-page-scripts.py SITE_OUTPUT

SITE_OUTPUT is a build of Tests/Fixtures/bilingual-site made with --base-url http://127.0.0.1/
(the root path, whatever the port). Exit 0 when every check passes, 1 otherwise, 2 when
Chromium is missing.
"""
import functools
import html
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading


def chromium():
    for path in ("/usr/lib/chromium/chromium", shutil.which("chromium") or ""):
        if path and os.access(path, os.X_OK):
            return path
    print("check-page-scripts: chromium not found (apt-get install chromium)", file=sys.stderr)
    sys.exit(2)


def rendered(browser, url):
    """The page's DOM once its scripts have run (and fetched what they fetch)."""
    out = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--virtual-time-budget=10000", "--dump-dom", url],
        capture_output=True, text=True, timeout=120)
    return out.stdout


def text_of(dom, element_id):
    match = re.search(r'id="%s"[^>]*>(.*?)</' % element_id, dom, re.S)
    return html.unescape(match.group(1)).strip() if match else None


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    browser = chromium()
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=sys.argv[1])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = "http://127.0.0.1:%d/" % server.server_address[1]

    failures = []

    def expect(what, actual, wanted):
        ok = actual is not None and re.fullmatch(wanted, actual) is not None
        print(("ok    " if ok else "FAIL  ") + what + ": " + repr(actual))
        if not ok:
            failures.append(what)

    # A public quote's word, in each language; a non-public quote's word finds nothing.
    dom = rendered(browser, base + "search/?q=valued")
    expect("English search status", text_of(dom, "search-status"), r"\d+ results? for “valued”\.")
    expect("English search lists the quote", "Quote" if 'class="search-kind">Quote<' in dom else None, "Quote")
    dom = rendered(browser, base + "cy/search/?q=werthfawr")
    expect("Welsh search status", text_of(dom, "search-status"), r"\d+ canlyniad ar gyfer “werthfawr”\.")
    expect("Welsh search lists the quote", "Dyfyniad" if 'class="search-kind">Dyfyniad<' in dom else None, "Dyfyniad")
    dom = rendered(browser, base + "search/?q=slower")
    expect("a non-public quote is not found", text_of(dom, "search-status"), r"No results for “slower”\. .*")
    # What the reader typed is shown as typed, `$&` included.
    dom = rendered(browser, base + "search/?q=zz%24%26")
    expect("a query is shown as typed", text_of(dom, "search-status"), r"No results for “zz\$&”\. .*")
    # The quote filter, by theme.
    dom = rendered(browser, base + "quotes/?theme=shared-benefits")
    expect("English filter status", text_of(dom, "filter-status"), r"Showing \d+ quotes?\.")
    dom = rendered(browser, base + "cy/quotes/?theme=shared-benefits")
    expect("Welsh filter status", text_of(dom, "filter-status"), r"Yn dangos \d+ dyfyniad\.")

    server.shutdown()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
