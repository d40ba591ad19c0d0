import Foundation

/// Turns a request target into the output path it names, refusing anything that could reach
/// outside the site: `..` (plain or percent-encoded), encoded slashes and backslashes, NUL bytes,
/// `//` and absolute-form targets. A refused target is answered like a missing page.
enum RequestPath {
    enum Resolution: Equatable {
        /// An output path to look up, such as `case-studies/x/index.html`.
        case file(String)
        case refused
    }

    /// - Parameter target: the path part of the request line, still percent-encoded.
    static func resolve(_ target: String) -> Resolution {
        let raw = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard raw.hasPrefix("/"), !raw.hasPrefix("//") else { return .refused }
        let lowered = raw.lowercased()
        for encoded in ["%2f", "%5c", "%00", "%2e", "%25"] where lowered.contains(encoded) { return .refused }
        guard !raw.contains("\\"), let decoded = raw.removingPercentEncoding, !decoded.contains("\0") else { return .refused }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments.dropLast() where segment.isEmpty { return .refused }
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .refused }
        let path = String(decoded.dropFirst())
        return .file(path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path)
    }
}
