import Foundation

/// Runs an external program to completion with a time limit, capturing its output.
enum ProcessRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct TimedOut: Error, CustomStringConvertible {
        let seconds: Int
        var description: String { "no result after \(seconds) s" }
    }

    /// - Parameter environment: variables set for the program over this process's own.
    static func run(_ executable: String, _ arguments: [String], timeout: Int, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        // Dispatch: `Process` reports its exit through a callback, and pipes are read by blocking calls.
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // Drain both pipes while the program runs, so a chatty program cannot block on a full pipe.
        // nonisolated(unsafe): each is written by its one reader and read only after `readers.wait()`.
        nonisolated(unsafe) var stdout = Data(), stderr = Data()
        let readers = DispatchGroup()
        DispatchQueue.global().async(group: readers) { stdout = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: readers) { stderr = err.fileHandleForReading.readDataToEndOfFile() }
        if finished.wait(timeout: .now() + .seconds(timeout)) == .timedOut {
            process.terminate()
            throw TimedOut(seconds: timeout)
        }
        readers.wait()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The absolute path of a program named on PATH (or given as a path).
    static func which(_ name: String, environment: [String: String]) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
