/// A public report as the website links it: its page, and its PDF when `build --pdf` made one.
public struct SiteReportLink: Sendable {
    public var id: String
    public var title: String
    public var subtitle: String?
    /// The themes the report covers; nil for all of them (its theme pages link its PDF).
    public var themes: [String]?
    /// The size of its PDF in bytes; nil when no PDF was made.
    public var pdfBytes: Int?

    public init(id: String, title: String, subtitle: String?, themes: [String]?, pdfBytes: Int? = nil) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.themes = themes
        self.pdfBytes = pdfBytes
    }

    /// Whether the report covers the theme `id`.
    func covers(theme id: String) -> Bool { themes?.contains(id) ?? true }

    /// A file size as readers are shown it next to a download link: "85 KB", "1.4 MB" (1 KB = 1,024 bytes).
    static func sizeText(_ bytes: Int) -> String {
        let kilobytes = (Double(bytes) / 1024).rounded()
        if kilobytes < 1024 { return "\(max(1, Int(kilobytes))) KB" }
        let tenthsOfMegabytes = Int((Double(bytes) / 1_048_576 * 10).rounded())
        return "\(tenthsOfMegabytes / 10).\(tenthsOfMegabytes % 10) MB"
    }
}
