import ArgumentParser
import Authoring
import Foundation
import Import
import Model

extension SourceFormat: ExpressibleByArgument {}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn coded excerpts (Taguette, QualCoder, a CSV or .xlsx sheet) into quote files, one per excerpt.",
        discussion: """
            A mapping file says which theme each code is and which programme, case study and speaker each document \
            is; --init-mapping writes one listing every code and document of the source, with the site's themes, \
            programmes and case studies as comments. Consent comes from a column (--map consent=COLUMN) or from \
            --consent: there is no default. Quote ids come from the source (SOURCE-EXCERPT, such as Taguette's \
            highlight id), so importing again creates no duplicates and updates the excerpts that changed. Without \
            --write nothing is written: the output says what would be created, updated or left unchanged. Import \
            replaces only files it wrote (their first line says so). See docs/import.md.
            Exit status: 0 done, 1 problems in the source or mapping (each at its line), 2 usage problems or refused \
            (nothing written).

            Examples:
              casebook import highlights.csv --init-mapping --mapping import/interviews.yml
              casebook import highlights.csv --mapping import/interviews.yml --consent internal
              casebook import highlights.csv --mapping import/interviews.yml --consent internal --write
              casebook import coding.xlsx --sheet Coding --mapping import/survey.yml --map text=Excerpt,codes=Codes,consent=Consent --write
            """
    )

    @Argument(help: "The export to read: a CSV file or an .xlsx workbook.", completion: .file(extensions: ["csv", "tsv", "xlsx"]))
    var input: String

    @OptionGroup var site: SiteFolder

    @Option(help: ArgumentHelp("The mapping file (YAML) of codes to themes and documents to programmes.", valueName: "file"))
    var mapping: String

    @Flag(help: "Write a mapping file to fill in (at --mapping), listing every code and document found.")
    var initMapping = false

    @Option(help: "What the file is: taguette, qualcoder or table (default: from the mapping file, or the header).")
    var from: SourceFormat?

    @Option(help: ArgumentHelp("Columns for quote fields: FIELD=COLUMN pairs, comma-separated (text=Excerpt,speaker=Role).", valueName: "pairs"))
    var map: [String] = []

    @Option(help: "Every excerpt's consent when no column gives it: public, internal or withdrawn (no default).")
    var consent: String?

    @Option(help: "The sheet of an .xlsx workbook to read (default: the first).")
    var sheet: String?

    @Flag(help: "Write the quote files (without it, only say what would be written).")
    var write = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        var options = ImportRun.Options(input: input, mapping: mapping, site: site.path)
        options.from = from
        options.sheet = sheet
        options.write = write
        do {
            options.columns = try ColumnMap.parse(map)
            if let consent {
                guard let value = Consent(rawValue: consent), value != .invalid else {
                    throw ImportError.usage("--consent is public, internal or withdrawn, not '\(consent)'")
                }
                options.consent = value
            }
            if initMapping {
                let outcome = try MappingTemplate.write(options)
                switch format {
                case .json: Terminal.out(JSONText.encode(outcome))
                case .text:
                    Terminal.out(outcome.path + "\n")
                    Terminal.err("Wrote \(outcome.path): \(TerminalText.count(outcome.codes, "code")) and \(TerminalText.count(outcome.documents, "document")) to map; fill in every \"\".\n")
                }
                return
            }
            let outcome = try ImportRun.run(options)
            switch format {
            case .json: Terminal.out(JSONText.encode(outcome))
            case .text: Terminal.out(TerminalText.visible(ImportReport.text(outcome), keeping: ["\n"]))
            }
        } catch let error as ImportError {
            switch error {
            case .usage(let message):
                Terminal.err("error: \(message)\n")
                throw ExitStatus.usage
            case .content(let diagnostics):
                switch format {
                case .json: Terminal.out(JSONText.encode(ImportReport.Problems(diagnostics)))
                case .text:
                    // As `check` prints them: the first 500, then a count, so a broken source stays readable.
                    Terminal.err(diagnostics.prefix(500).map { "\($0)\n" }.joined())
                    if diagnostics.count > 500 { Terminal.err("… and \(diagnostics.count - 500) more (--format json lists every one)\n") }
                    Terminal.err("import: \(TerminalText.count(diagnostics.errorCount, "error")); nothing was written.\n")
                }
                throw ExitStatus.contentErrors
            }
        }
    }
}
