import Foundation
import Model
import Synchronization

/// A one-line progress display on a terminal, shown only once a build has taken a second:
/// quick builds print nothing but their summary, and logs (not a terminal) get no escapes.
/// `@unchecked Sendable`: only for `timer`, set once; Dispatch sources are thread-safe but not marked `Sendable`.
final class ProgressLine: @unchecked Sendable {
    private struct State {
        var shown = false
        var message = ""
    }

    private let state = Mutex(State())
    private let started = DispatchTime.now()
    /// A Dispatch timer: it redraws from its own thread while the build blocks the caller's.
    private let timer: DispatchSourceTimer?

    init(enabled: Bool) {
        guard enabled else {
            timer = nil
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        self.timer = timer
        timer.schedule(deadline: .now() + 1, repeating: .milliseconds(250))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    func show(_ text: String) { state.withLock { $0.message = text } }

    private func draw() {
        state.withLock { state in
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            Terminal.control("\r\u{1B}[K" + TerminalText.visible(state.message) + String(format: " (%.0f s)", seconds))
            state.shown = true
        }
    }

    /// Stops and clears the line, so the summary starts at the left margin.
    func finish() {
        timer?.cancel()
        state.withLock { state in
            if state.shown { Terminal.control("\r\u{1B}[K") }
        }
    }
}
