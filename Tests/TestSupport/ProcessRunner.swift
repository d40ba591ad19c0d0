import Foundation

/// What a finished subprocess left behind.
public struct ProcessResult: Sendable, CustomStringConvertible {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Lines of standard output, without the empty one after the last newline.
    public var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
    public var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

    public var description: String {
        "exit status \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

/// Runs programs and captures their output.
///
/// Output goes to temporary files rather than pipes: a child that fills a pipe nobody is reading
/// would hang the test, and files cannot deadlock whatever the child prints.
public enum ProcessRunner {
    public static func run(
        _ executable: URL, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        in folder: URL? = nil, stopAfter limit: DispatchTimeInterval? = nil
    ) throws -> ProcessResult {
        let scratch = TestScratch.path("casebook-run")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        try Data((stdin ?? "").utf8).write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)

        let input = try FileHandle(forReadingFrom: inURL)
        let output = try FileHandle(forWritingTo: outURL)
        let errors = try FileHandle(forWritingTo: errURL)
        defer {
            try? input.close()
            try? output.close()
            try? errors.close()
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        if let folder { process.currentDirectoryURL = folder }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        try process.run()
        // A command that should have refused to start but serves instead is stopped, not waited
        // for forever: it then ends by SIGTERM, a status no test expects.
        if let limit {
            DispatchQueue.global().asyncAfter(deadline: .now() + limit) { if process.isRunning { process.terminate() } }
        }
        process.waitUntilExit()

        let out = try Data(contentsOf: outURL)
        let err = try Data(contentsOf: errURL)
        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}

/// The `casebook` executable built next to the tests, run the way a user runs it.
public enum CasebookCLI {
    /// `SOURCE_DATE_EPOCH` for every run unless a test overrides it: 2025-09-01, the time written
    /// into output, so two runs print the same bytes. Consent is still judged on the real date:
    /// a test that needs a fixed "today" passes `--as-of`.
    public static let fixedEpoch = "1756684800"

    public static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: PackagePaths.casebook.path) }

    public static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], in folder: URL? = nil,
        stopAfter limit: DispatchTimeInterval? = nil
    ) throws -> ProcessResult {
        var env = ["SOURCE_DATE_EPOCH": fixedEpoch]
        env.merge(environment) { _, new in new }
        return try ProcessRunner.run(PackagePaths.casebook, arguments, stdin: stdin, environment: env, in: folder, stopAfter: limit)
    }
}
