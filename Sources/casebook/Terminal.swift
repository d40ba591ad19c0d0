import Foundation
import Model

/// Output for people goes to stderr; machine-readable output to stdout.
///
/// What goes to stderr may hold text from content (file names, values in messages): control
/// characters but line breaks are written as visible escapes (`TerminalText`), so content cannot
/// drive the terminal. Only `control` writes escape sequences, casebook's own.
enum Terminal {
    static func out(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        control(TerminalText.visible(text, keeping: ["\n"]))
    }

    /// Writes `text` to stderr as it is: for casebook's own escape sequences (`ProgressLine`).
    static func control(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 }
}
