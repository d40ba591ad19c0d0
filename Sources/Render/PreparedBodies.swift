import Markdown
import Model
import SystemSupport

/// Case-study bodies converted to HTML ahead of rendering, while validation and aggregation run.
///
/// A body needs nothing from those stages, and they run on one core; converting bodies on the
/// others meanwhile takes a fifth of libcmark's share off the build's wall time (10,000 case
/// studies: about 0.4 s of 2.5 s). `ContentFragments` takes a body from here when its text is
/// the one converted, and converts it itself otherwise.
public final class PreparedBodies: Sendable {
    private let bodies: BackgroundWork<[String: (markdown: String, html: SafeHTML, plain: String)]>

    /// Starts converting on background threads and returns at once.
    public init(_ caseStudies: [CaseStudy], markdown: MarkdownRenderer) {
        let inputs = caseStudies.map { ($0.file, $0.body) }
        bodies = BackgroundWork {
            // Only the search index reads the plain text, and only its start: the whole of
            // every body would stay in memory until rendering began.
            let converted = inputs.parallelMap { _, body in
                SafeHTML.markdownAndPlainText(body, markdown, plainTextLimit: SearchIndex.textLimit)
            }
            var bodies: [String: (markdown: String, html: SafeHTML, plain: String)] = [:]
            bodies.reserveCapacity(inputs.count)
            for ((file, body), result) in zip(inputs, converted) { bodies[file] = (body, result.html, result.plain) }
            return bodies
        }
    }

    /// Waits for the conversion; then the body of `caseStudy`, if it was converted from the same text.
    func body(of caseStudy: CaseStudy) -> (html: SafeHTML, plain: String)? {
        guard let body = bodies.value[caseStudy.file], body.markdown == caseStudy.body else { return nil }
        return (body.html, body.plain)
    }

    public func wait() { bodies.wait() }
}
