import Aggregate
import Model
import Mustache

/// `casebook check`'s look at the theme: its templates compile (the built-in ones and the site's
/// overrides in `themes/<name>/`), and every name they use is a value they are given.
///
/// The names come from a render of the site itself, into nothing: every template rendered
/// records the values it is given (`ValueRecorder`), so the check knows exactly what the
/// renderer supplies (`TemplateNameCheck`). Reports render too, with the public audience
/// only: a check must not depend on what an internal report would show.
public enum ThemeCheck {
    /// Only whether the theme's templates compile: for a site whose content has errors, which
    /// cannot be rendered.
    public static func compile(siteRoot: String, theme: String?) -> [Diagnostic] {
        do {
            _ = try Theme.load(siteRoot: siteRoot, name: theme)
            return []
        } catch {
            return [error.diagnostic]
        }
    }

    public static func run(_ site: ValidatedSite, stamp: StampTime) -> [Diagnostic] {
        var theme: Theme
        do {
            theme = try Theme.load(siteRoot: site.root, name: site.config.theme)
        } catch {
            return [error.diagnostic]
        }
        let recorder = ValueRecorder()
        theme.recorder = recorder
        do throws(RenderError) {
            // One page per template, the one listing the most items (so that lists are seldom
            // empty), is enough: every page of a template is given the same names, and every
            // item of a kind too (a name an item lacks is `Absent`, not missing). Rendering every
            // page made a check of 1,000 case studies ten times as long.
            let sample = Self.sample(of: site)
            let renderer = SiteRenderer(theme: theme)
            let plan = renderer.plan(Aggregator.aggregate(sample, selection: .site), eager: false, pageInputs: false)
            var samples: [String: PageSpec] = [:]
            for page in plan.pages where page.items > samples[page.template]?.items ?? -1 { samples[page.template] = page }
            try renderer.render(plan, stamp: stamp, only: Set(samples.values.map { SiteURL.file(for: $0.url) })) { _ in }
            if let report = site.config.reports.first {
                var selection = Selection(report: report)
                selection.audience = .public
                _ = try ReportRenderer(theme: theme).render(report, Aggregator.aggregate(sample, selection: selection), date: report.date ?? stamp.day)
            }
        } catch {
            return [error.diagnostic]
        }
        let templates = Dictionary(uniqueKeysWithValues: theme.sources.keys.compactMap { name in
            theme.library.getTemplate(named: name).map { (name, $0) }
        })
        return TemplateNameCheck.unknownNames(
            in: templates, shapes: recorder.recorded, sources: theme.sources, texts: theme.templateTexts)
    }

    /// The site with a few of its case studies and quotes, which give every name a whole site
    /// gives: the names are the same for every item of a kind. The quotes of the case studies
    /// kept come first, so that their pages list some. All themes, programmes and pages stay.
    static func sample(of site: ValidatedSite, caseStudies: Int = 24, quotes: Int = 96) -> ValidatedSite {
        var sample = site
        sample.caseStudies = Array(site.caseStudies.prefix(caseStudies))
        let kept = Set(sample.caseStudies.map(\.slug))
        let theirs = site.quotes.filter { quote in quote.caseStudy.map { kept.contains($0.value) } ?? false }
        let others = site.quotes.filter { quote in !(quote.caseStudy.map { kept.contains($0.value) } ?? false) }
        sample.quotes = Array((theirs + others).prefix(quotes))
        return sample
    }
}
