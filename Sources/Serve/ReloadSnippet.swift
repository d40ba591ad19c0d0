import Model
import Render

/// What the dev server adds to every HTML page it sends (never to a build): a script that
/// listens for rebuilds over server-sent events and reloads the page, and, while the latest
/// build has errors, an overlay that shows them on top of the last good page.
enum ReloadSnippet {
    static let eventsPath = "/__casebook/events"
    static let overlayID = "casebook-error-overlay"

    static let script = """
        <script id="casebook-live-reload">
        (function () {
          var known = null;
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("hello", function (event) {
            if (known !== null && known !== event.data) { location.reload(); }
            known = event.data;
          });
          source.addEventListener("reload", function () { location.reload(); });
          source.addEventListener("problems", function (event) {
            var old = document.getElementById("\(overlayID)");
            if (old) { old.remove(); }
            var overlay = document.createElement("div");
            overlay.innerHTML = JSON.parse(event.data).html;
            document.body.appendChild(overlay.firstElementChild);
          });
        })();
        </script>
        """

    /// The overlay for a failed build: fixed on top of the page, every error with its place.
    static func overlay(_ problems: [Diagnostic]) -> String {
        let lines = problems.map { HTMLEscape.escape($0.description) }.joined(separator: "\n")
        return "<div id=\"\(overlayID)\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;"
            + "background:rgba(20,20,20,.92);color:#fff;padding:2rem;overflow:auto;font:14px/1.5 monospace\">"
            + "<p style=\"font-size:18px;margin:0 0 1rem;color:#ff8a80\">casebook serve: the site did not build; "
            + "showing the last good version. Fix the file and save to clear this.</p>"
            + "<pre style=\"white-space:pre-wrap;margin:0\">\(lines)</pre></div>"
    }

    /// The page with the script (and the overlay, if any) put just before `</body>`.
    static func inject(into html: [UInt8], problems: [Diagnostic]) -> [UInt8] {
        let addition = Array(((problems.isEmpty ? "" : overlay(problems)) + script).utf8)
        let closing = Array("</body>".utf8)
        var index = html.count - closing.count
        while index >= 0 {
            if html[index] == UInt8(ascii: "<"), html[index..<(index + closing.count)].lazy.map({ $0 | 0x20 }).elementsEqual(closing.lazy.map { $0 | 0x20 }) {
                return Array(html[..<index]) + addition + Array(html[index...])
            }
            index -= 1
        }
        return html + addition
    }
}
