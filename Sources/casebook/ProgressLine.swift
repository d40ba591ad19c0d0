import Foundation
import Model

/// A one-line progress display on a terminal, shown only once a build has taken a second:
/// quick builds print nothing but their summary, and logs (not a terminal) get no escapes.
/// `@unchecked Sendable`: its state is read and written only under `lock`.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private let started = DispatchTime.now()
    private var shown = false
    private var message = ""
    private var timer: DispatchSourceTimer?

    init(enabled: Bool) {
        self.enabled = enabled
        guard enabled else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: .milliseconds(250))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    func show(_ text: String) {
        lock.lock()
        message = text
        lock.unlock()
    }

    private func draw() {
        lock.lock()
        defer { lock.unlock() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        Terminal.control("\r\u{1B}[K" + TerminalText.visible(message) + String(format: " (%.0f s)", seconds))
        shown = true
    }

    /// Stops and clears the line, so the summary starts at the left margin.
    func finish() {
        timer?.cancel()
        lock.lock()
        defer { lock.unlock() }
        if shown { Terminal.control("\r\u{1B}[K") }
    }
}
