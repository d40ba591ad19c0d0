import Foundation

/// The texts `casebook new` writes for the author to replace. Published, they would put words
/// nobody said under an organisation's name (a quote "exactly as said" by "Role of the speaker"),
/// so validation refuses them in anything published (`SiteValidator`); a draft may keep them.
public enum Placeholder {
    public static let caseStudySummary = "One or two sentences for lists, cards, feeds and reports."
    public static let quoteSpeaker = "Role of the speaker"
    public static let quoteText = "The speaker's words, exactly as said."
    public static let pageDescription = "One sentence for search engines and link previews."
    public static let pageBody = "Write the page here, in Markdown."

    /// The field of `caseStudy` that still holds its placeholder, with the text; nil when none does.
    public static func left(in caseStudy: CaseStudy) -> (field: String, text: String)? {
        holds(caseStudy.summary, caseStudySummary) ? ("summary", caseStudySummary) : nil
    }

    public static func left(in quote: Quote) -> (field: String, text: String)? {
        if holds(quote.text, quoteText) { return ("words", quoteText) }
        if holds(quote.speaker, quoteSpeaker) { return ("speaker", quoteSpeaker) }
        return nil
    }

    public static func left(in page: Page) -> (field: String, text: String)? {
        if let description = page.description, holds(description, pageDescription) { return ("description", pageDescription) }
        // The body's placeholder is a line of its own: a page may quote the sentence within one.
        if page.body.contains(pageBody), page.body.split(separator: "\n").contains(where: { holds(String($0), pageBody) }) {
            return ("body", pageBody)
        }
        return nil
    }

    /// Whether `text` is `placeholder` but for space around it; every quote is asked, so a text
    /// of another length is answered without trimming it.
    private static func holds(_ text: String, _ placeholder: String) -> Bool {
        let length = text.utf8.count
        guard length >= placeholder.utf8.count, length <= placeholder.utf8.count + 32 else { return false }
        return text.trimmingCharacters(in: .whitespacesAndNewlines) == placeholder
    }
}
