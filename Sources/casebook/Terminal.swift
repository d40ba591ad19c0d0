import Foundation

/// Output for people goes to stderr; machine-readable output to stdout.
enum Terminal {
    static func out(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 }
}
