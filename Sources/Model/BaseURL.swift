/// The rule for `base_url` (casebook.yml) and `--base-url`, in one place for both.
///
/// Every page prints the base URL and its path: before every link, stylesheet and script, in
/// canonical links, feeds and the sitemap. A value with quotes or angle brackets would inject
/// markup, and one that is not an absolute `http(s)` address (`//host/`, or a path starting
/// `//`) would make every page load its scripts and styles from another host. So only a plain
/// absolute web address passes: `http` or `https`, a host (and port), a path, nothing else.
public enum BaseURL {
    /// Why a value was refused: a phrase that follows "'base_url' " or "--base-url ".
    public struct Problem: Error, Sendable, Equatable {
        public let reason: String
    }

    /// How to write one, for the end of an error message.
    public static let example = "write an absolute address like https://example.org/coproduction/"

    /// `text` with a final `/` added when missing, or why it is not a base URL.
    public static func checked(_ text: String) -> Result<String, Problem> {
        func refuse(_ reason: String) -> Result<String, Problem> { .failure(Problem(reason: reason)) }
        guard let schemeEnd = ["https://", "http://"].first(where: text.hasPrefix)?.count else {
            return refuse("must start with https:// or http:// (found '\(text.prefix(40))')")
        }
        for scalar in text.unicodeScalars {
            if let reason = refusal(of: scalar) { return refuse(reason) }
        }
        let rest = text.dropFirst(schemeEnd)
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        if authority.contains("@") { return refuse("may not hold a user name or password ('user@')") }
        if let reason = hostProblem(authority) { return refuse(reason) }
        // `//` would start every link with `//`, which a browser reads as another host.
        if path.contains("//") { return refuse("may not have an empty path segment ('//')") }
        return .success(text.hasSuffix("/") ? text : text + "/")
    }

    /// The path part of a checked base URL (`/coproduction/`), which every site link starts with.
    public static func path(of baseURL: String) -> String {
        // scheme://host[:port]/path — the path starts at the third '/'.
        let parts = baseURL.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4 else { return "/" }
        var path = "/" + parts[3]
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// What is wrong with one character anywhere in the value, if anything.
    private static func refusal(of scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\"", "'", "<", ">", "`", "\\":
            return "may not contain \(scalar == "'" ? "\"'\"" : "'\(scalar)'")"
        case "?", "#":
            return "may not have a query or fragment ('\(scalar)'): links are added after it"
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse:
            return "may not contain spaces or control characters (found U+\(String(scalar.value, radix: 16, uppercase: true)))"
        default: return nil
        }
    }

    /// `host`, `host:port`, `[IPv6]` or `[IPv6]:port`, in ASCII.
    private static func hostProblem(_ authority: Substring) -> String? {
        var host = authority
        var port: Substring = ""
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return "has an IPv6 host without its closing ']'" }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return "has characters after the IPv6 host" }
                port = after.dropFirst()
            }
            guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                return "has an IPv6 host that is not an address"
            }
        } else {
            if let colon = authority.lastIndex(of: ":") {
                host = authority[..<colon]
                port = authority[authority.index(after: colon)...]
                if port.isEmpty { return "has an empty port after ':'" }
            }
            guard !host.isEmpty else { return "has no host name" }
            guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else {
                return "has a host name with characters other than a-z, 0-9, '-' and '.' (write other scripts in punycode, xn--…)"
            }
        }
        if !port.isEmpty, !(port.count <= 5 && port.allSatisfy { $0.isASCII && $0.isNumber }) {
            return "has a port that is not a number"
        }
        return nil
    }
}
