import Foundation

/// Runs WeasyPrint through its Python API with a URL fetcher that reads only allowed folders.
///
/// The `weasyprint` command fetches whatever a document names: any `file:` URL or absolute
/// path, any `http:` URL. Its `--allowed-protocols` (WeasyPrint 66 and later) can refuse the
/// network but not confine `file:` to a folder. So casebook runs a short driver in the Python
/// interpreter of the `weasyprint` script it found (from its `#!` line, which is how a venv, pipx
/// or Debian install names its Python), with a fetcher that allows `data:` URLs, files whose real
/// path (links resolved) lies in an allowed folder, and `http(s)` only when asked. WeasyPrint
/// skips a refused resource with a warning and goes on. Both fetcher APIs are handled: a
/// function returning a dict (before 66) and a `URLFetcher` subclass (66 and later).
enum WeasyPrintDriver {
    /// The interpreter and its arguments from the `#!` line of the `weasyprint` script at
    /// `executable`; nil when it is not a Python script (then casebook cannot confine it).
    static func interpreter(of executable: String) -> [String]? {
        guard let handle = FileHandle(forReadingAtPath: executable) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 512)) ?? Data()
        guard head.starts(with: Array("#!".utf8)) else { return nil }
        let line = String(decoding: head.dropFirst(2).prefix { $0 != 10 }, as: UTF8.self)
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard let program = words.first else { return nil }
        // `#!/usr/bin/env python3` (perhaps `env -S python3 -X …`): the interpreter is the first non-option word.
        if (program as NSString).lastPathComponent == "env" {
            words.removeFirst()
            words.removeAll { $0 == "-S" }
            guard let python = words.first, !python.hasPrefix("-") else { return nil }
            guard let path = ProcessRunner.which(python, environment: ProcessInfo.processInfo.environment) else { return nil }
            words[0] = path
        }
        guard (words[0] as NSString).lastPathComponent.hasPrefix("python") else { return nil }
        return words
    }

    /// The arguments after the interpreter's: run the driver on `html`, writing `pdf`.
    /// - Parameters:
    ///   - base: the folder relative URLs resolve against.
    ///   - readable: the folders whose files may be read (the HTML's own folder among them).
    static func arguments(html: String, pdf: String, variant: String?, base: String, readable: [String], allowNetwork: Bool) -> [String] {
        ["-c", script, html, pdf, variant ?? "", URL(fileURLWithPath: base, isDirectory: true).absoluteString, allowNetwork ? "1" : "0"]
            + readable
    }

    /// argv: html, pdf, PDF variant ("" for none), base URL, "1" to allow http(s), readable folders…
    static let script = #"""
        import os, sys, urllib.parse, urllib.request
        import weasyprint

        html, pdf, variant, base, network = sys.argv[1:6]
        readable = [os.path.realpath(folder) for folder in sys.argv[6:]]

        def permitted(url):
            # The URL to fetch for `url`, or ValueError: WeasyPrint then skips it with a warning.
            parts = urllib.parse.urlsplit(url)
            scheme = parts.scheme.lower()
            if scheme == 'data':
                return url
            if scheme in ('http', 'https') and network == '1':
                return url
            if scheme == 'file' and parts.netloc in ('', 'localhost'):
                path = os.path.realpath(urllib.request.url2pathname(parts.path))
                if os.path.isfile(path) and any(path.startswith(folder + os.sep) for folder in readable):
                    return urllib.parse.urlunsplit(('file', '', urllib.request.pathname2url(path), '', ''))
            raise ValueError('casebook does not let a report load ' + url[:200])

        if hasattr(weasyprint, 'URLFetcher'):
            class Fetcher(weasyprint.URLFetcher):
                def fetch(self, url, headers=None):
                    try:
                        url = permitted(url)
                    except ValueError:
                        # A refused redirect must not stay queued for the next fetch.
                        self._request = None
                        raise
                    return super().fetch(url, headers)
            fetcher = Fetcher()
        else:
            def fetcher(url):
                return weasyprint.default_url_fetcher(permitted(url))

        options = {'pdf_variant': variant} if variant else {}
        weasyprint.HTML(filename=html, base_url=base, url_fetcher=fetcher).write_pdf(pdf, **options)
        """#
}
