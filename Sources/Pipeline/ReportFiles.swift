import Aggregate
import Foundation
import Markdown
import Model
import PDF
import Render
import SystemSupport

/// Renders reports into output files: `<prefix><id>/index.html`, `report.json`, with an
/// engine `<id>.pdf` and with Pandoc `<id>.docx`. Shared by `casebook report` and `casebook
/// build` (public reports; no DOCX there).
///
/// What a report may load is confined twice: `ReportRenderer` leaves out content images that
/// are not in `static/` (or remote, without `allowNetwork`), with a warning each, and the PDF
/// engine is run so that it reads only `static/` and the report's own HTML.
struct ReportFiles {
    let site: ValidatedSite
    /// The build's time: the date on a report's cover unless `date` or the report's `date:` says otherwise.
    let stamp: StampTime
    /// `report --date`: the date on every report's cover, over each one's `date:`.
    var date: Day?
    let theme: Theme
    let engine: PDFEngine?
    /// Pandoc for `report --docx`; nil for no Word documents.
    var pandoc: Pandoc?
    /// Whether reports may load remote images (`--allow-network`).
    var allowNetwork = false
    /// Told before each PDF is rendered: (done so far, total, report id).
    var progress: @Sendable (Int, Int, String) -> Void = { _, _, _ in }

    /// The files, and warnings about images and links left out (each once, however many reports show it).
    func render(_ reports: [ReportDefinition], prefix: String) throws -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        // Never raw HTML in a report (`ReportResources` reads only cmark's own tags): a root-relative
        // image is a file in static/, a root-relative link the page under the site's address.
        let markdown = MarkdownRenderer(options: [.smart], links: .report(baseURL: site.config.baseURL))
        var renderer = ReportRenderer(theme: theme, markdown: markdown, allowNetwork: allowNetwork)
        renderer.docx = pandoc != nil
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var seen = Set<Diagnostic>()
        var htmlByID: [(id: String, html: String)] = []
        var docxInputs: [(id: String, html: String, date: Day)] = []
        for report in reports {
            let aggregated = Aggregator.aggregate(site, selection: Selection(report: report))
            let date = date(of: report)
            let output = try renderer.render(report, aggregated, date: date)
            files.append(OutputFile(path: OutputManifest.reportPath(report.id, part: .html, prefix: prefix), text: output.html))
            files.append(OutputFile(path: OutputManifest.reportPath(report.id, part: .json, prefix: prefix), bytes: output.json))
            htmlByID.append((report.id, output.html))
            if let docxHTML = output.docxHTML { docxInputs.append((report.id, docxHTML, date)) }
            diagnostics += output.diagnostics.filter { seen.insert($0).inserted }
        }
        if let engine {
            files += try pdfs(htmlByID, engine: engine, prefix: prefix)
        }
        if let pandoc {
            files += try docxs(docxInputs, pandoc: pandoc, prefix: prefix)
        }
        return (files, diagnostics)
    }

    /// Each report's Word document, made by separate Pandoc processes on all cores.
    private func docxs(_ reports: [(id: String, html: String, date: Day)], pandoc: Pandoc, prefix: String) throws -> [OutputFile] {
        let folder = NSTemporaryDirectory() + "casebook-docx-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let reference = folder + "/reference.docx"
        try Data(Theme.docxReference).write(to: URL(fileURLWithPath: reference))
        for report in reports {
            try Data(report.html.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(report.id).html"))
        }
        // Relative image paths resolve in static/, as for the PDF.
        let resources = site.root + "/static"
        let results = reports.parallelMap { report -> Result<[UInt8], PDFError> in
            Result { () throws(PDFError) -> [UInt8] in
                let docx = "\(folder)/\(report.id).docx"
                // The report's own date, so the document's times (and bytes) follow the content, not the clock.
                let date = Date(timeIntervalSince1970: Double(report.date.daysSinceEpoch) * 86_400)
                try pandoc.docx(html: "\(folder)/\(report.id).html", output: docx, reference: reference, resources: resources, date: date)
                guard let data = FileManager.default.contents(atPath: docx) else {
                    throw PDFError(message: "pandoc wrote no DOCX for \(report.id)")
                }
                return [UInt8](data)
            }
        }
        return try zip(reports, results).map { report, result in
            OutputFile(path: OutputManifest.reportPath(report.id, part: .docx, prefix: prefix), bytes: try result.get())
        }
    }

    /// The date on a report's cover and in its `report.json`: `--date`, else its `date:`, else the build's.
    func date(of report: ReportDefinition) -> Day {
        date ?? report.date ?? stamp.day
    }

    /// Each report's PDF, rendered by separate engine processes on all cores.
    private func pdfs(_ reports: [(id: String, html: String)], engine: PDFEngine, prefix: String) throws -> [OutputFile] {
        let folder = NSTemporaryDirectory() + "casebook-pdf-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for report in reports {
            try Data(report.html.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(report.id).html"))
        }
        let progress = self.progress
        let total = reports.count
        // Relative image paths resolve in static/ (the site's root once published); nothing else of the site is readable.
        let resources = site.root + "/static"
        let allowNetwork = self.allowNetwork
        let results = reports.map(\.id).parallelMap { id -> Result<[UInt8], PDFError> in
            progress(0, total, id)
            return Result { () throws(PDFError) -> [UInt8] in
                let pdf = "\(folder)/\(id).pdf"
                try engine.render(html: "\(folder)/\(id).html", pdf: pdf, resources: resources, allowNetwork: allowNetwork)
                guard let data = FileManager.default.contents(atPath: pdf) else {
                    throw PDFError(message: "\(engine.kind.rawValue) wrote no PDF for \(id)")
                }
                return [UInt8](data)
            }
        }
        return try zip(reports, results).map { report, result in
            OutputFile(path: OutputManifest.reportPath(report.id, part: .pdf, prefix: prefix), bytes: try result.get())
        }
    }
}
