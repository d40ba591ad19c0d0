import CCmark

/// libcmark's option flags as a Swift set, so no other module sees an `Int32`.
public struct MarkdownOptions: OptionSet, Sendable, Hashable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Keep raw HTML and `javascript:`/`data:` links. Off by default: content is untrusted.
    public static let unsafe = MarkdownOptions(rawValue: CMARK_OPT_UNSAFE)
    /// Curly quotes, en and em dashes from `--` and `---`, ellipses from `...`.
    public static let smart = MarkdownOptions(rawValue: CMARK_OPT_SMART)
    /// Render soft line breaks as `<br />`.
    public static let hardBreaks = MarkdownOptions(rawValue: CMARK_OPT_HARDBREAKS)
    /// Replace invalid UTF-8 with U+FFFD before parsing.
    public static let validateUTF8 = MarkdownOptions(rawValue: CMARK_OPT_VALIDATE_UTF8)
    /// `data-sourcepos` attributes on block elements.
    public static let sourcePosition = MarkdownOptions(rawValue: CMARK_OPT_SOURCEPOS)

    /// What `cmark` does with no flags: safe mode, nothing else.
    public static let `default`: MarkdownOptions = []
}
