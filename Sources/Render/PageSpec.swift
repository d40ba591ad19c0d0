import Model

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
    /// How many items (quotes, lessons, cards) the page lists: the largest pages render first.
    var items: Int
    /// The image social metadata shows (`og:image`): a case study's lead image.
    var image: LeadImage?
    /// Made only when the page is rendered, from the plan's items: `serve` lists every page but renders a few.
    let makeValues: @Sendable (SitePages) -> Values

    init(
        url: String, template: String, kind: String, title: String, description: String, ogType: String = "website",
        section: String, items: Int = 1, values: @escaping @Sendable (SitePages) -> Values
    ) {
        self.url = url
        self.template = template
        self.kind = kind
        self.title = title
        self.description = description
        self.ogType = ogType
        self.section = section
        self.items = items
        self.makeValues = values
    }
}
