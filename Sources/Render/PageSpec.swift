/// One HTML page to render: where it goes, which template, and its own values.
struct PageSpec: Sendable {
    var url: String
    var template: String
    var kind: String
    var title: String
    /// Plain text for meta descriptions (escaped when rendered).
    var description: String
    var ogType = "website"
    /// The menu entry this page belongs under (a section URL), for `aria-current`.
    var section: String
    var values: Values
}
