/// One file `casebook init` writes: its path inside the new site and its text.
public struct StarterFile: Sendable, Equatable {
    /// Relative to the site folder, `/`-separated.
    public let path: String
    public let text: String

    public init(_ path: String, _ text: String) {
        self.path = path
        self.text = text
    }
}

/// Everything `casebook init` writes, in the order it writes it. Each file's text lives in the
/// `Starter*.swift` file beside this one, so that the starter site is read and edited in one place.
public enum StarterSite {
    public static let files: [StarterFile] = [
        StarterFile("casebook.yml", StarterConfig.text),
        StarterFile("content/case-studies/youth-panel-shapes-grants.md", StarterContent.youthPanelCaseStudy),
        StarterFile("content/case-studies/parents-redesign-drop-in.md", StarterContent.parentsCaseStudy),
        StarterFile("content/quotes/youth-panel-member.md", StarterContent.youthPanelQuote),
        StarterFile("content/quotes/interviews.csv", StarterContent.interviewsCSV),
        StarterFile("content/pages/about.md", StarterContent.aboutPage),
        StarterFile(".gitignore", StarterIgnore.text),
        StarterFile(".github/workflows/casebook.yml", StarterWorkflow.text),
    ]
}
