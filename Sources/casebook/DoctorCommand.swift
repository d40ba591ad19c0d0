import ArgumentParser
import Authoring
import Foundation

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show casebook's and libcmark's versions, the PDF engines found (and whether they tag PDFs), and theme files that do nothing.",
        discussion: """
            Run it in a site folder to also check the site's theme overrides (themes/<name>/): a template the \
            built-in theme no longer has, that no template includes, changes nothing, and neither does a file \
            outside templates/ and assets/ or a copy that is the same as the built-in file. A copy made by \
            `casebook override` is reported when its built-in file has changed or gone since. Works outside a \
            site too. Paste its output into bug reports.
            Exit status: 0 fine, 1 theme files that do nothing or are out of date, or a CASEBOOK_WEASYPRINT/CASEBOOK_CHROMIUM that names no usable program, 2 usage problems.

            Examples:
              casebook doctor
              casebook doctor --format json
            """
    )

    @Argument(help: "The site folder (optional: doctor also runs outside a site).", completion: .directory)
    var folder: String = "."

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let doctor = Doctor.run(folder: folder)
        Terminal.out(format == .json ? JSONText.encode(doctor) : doctor.text)
        if doctor.hasProblems { throw ExitStatus.contentErrors }
    }
}
