import Markdown
import Model
import SystemSupport

/// Case-study bodies converted to HTML ahead of rendering, while validation runs.
///
/// A body needs nothing from validation, which runs on one core; converting bodies on the
/// others meanwhile takes a fifth of libcmark's share off the build's wall time (10,000 case
/// studies: about 0.4 s of 2.5 s). The same parse reads each body's links, images and raw HTML
/// for the Markdown audit, so a build parses a body once. `ContentFragments` and the audit take
/// a body from here when its text is the one converted, and convert or parse it themselves otherwise.
public final class PreparedBodies: Sendable {
    private let bodies: BackgroundWork<[String: Converted]>

    private struct Converted: Sendable {
        var markdown: String
        var html: SafeHTML
        var plain: String
        var references: [MarkdownReference]
    }

    /// Starts converting on background threads and returns at once.
    public init(_ caseStudies: [CaseStudy], markdown: MarkdownRenderer) {
        let inputs = caseStudies.map { ($0.file, $0.body) }
        bodies = BackgroundWork {
            // Only the search index reads the plain text, and only its start: the whole of
            // every body would stay in memory until rendering began.
            let converted = inputs.parallelMap { _, body in
                SafeHTML.markdownPlainTextAndReferences(body, markdown, plainTextLimit: SearchIndex.textLimit)
            }
            var bodies: [String: Converted] = [:]
            bodies.reserveCapacity(inputs.count)
            for ((file, body), result) in zip(inputs, converted) {
                bodies[file] = Converted(markdown: body, html: result.html, plain: result.plain, references: result.references)
            }
            return bodies
        }
    }

    /// Waits for the conversion; then the body of `caseStudy`, if it was converted from the same text.
    func body(of caseStudy: CaseStudy) -> (html: SafeHTML, plain: String)? {
        guard let body = bodies.value[caseStudy.file], body.markdown == caseStudy.body else { return nil }
        return (body.html, body.plain)
    }

    /// Waits for the conversion; then the links, images and raw HTML of the case study in
    /// `file`, if its body `markdown` is the text converted.
    public func references(file: String, markdown: String) -> [MarkdownReference]? {
        guard let body = bodies.value[file], body.markdown == markdown else { return nil }
        return body.references
    }

    public func wait() { bodies.wait() }
}
