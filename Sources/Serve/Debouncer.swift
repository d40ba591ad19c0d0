import Dispatch
import Foundation

/// Gathers changes that arrive in a burst (an editor writes a file several times for one save)
/// and hands them on once, when none has come for `quiet`, or at the latest after `longest`.
///
/// Driven by a timer, not by polling: each change pushes the deadline back.
/// `@unchecked Sendable`: its mutable state is read and written only on its serial `queue`, whose
/// cancellable `asyncAfter` items are the timer.
final class Debouncer: @unchecked Sendable {
    typealias Handler = @Sendable (Set<String>?) -> Void

    private let quiet: DispatchTimeInterval
    private let longest: DispatchTimeInterval
    private let queue = DispatchQueue(label: "casebook.serve.debounce")
    private let handler: Handler
    private var pending: Set<String>? = []
    private var hasPending = false
    private var firstAt: DispatchTime?
    private var timer: DispatchWorkItem?

    init(quiet: DispatchTimeInterval = .milliseconds(75), longest: DispatchTimeInterval = .milliseconds(500), handler: @escaping Handler) {
        self.quiet = quiet
        self.longest = longest
        self.handler = handler
    }

    /// - Parameter paths: the changed paths; nil for "anything may have changed".
    func add(_ paths: Set<String>?) {
        queue.async { [self] in
            if let paths {
                pending?.formUnion(paths)
            } else {
                pending = nil
            }
            hasPending = true
            let now = DispatchTime.now()
            if firstAt == nil { firstAt = now }
            timer?.cancel()
            let deadline = min(now + quiet, firstAt! + longest)
            let item = DispatchWorkItem { [weak self] in self?.fire() }
            timer = item
            queue.asyncAfter(deadline: deadline, execute: item)
        }
    }

    private func fire() {
        guard hasPending else { return }
        let paths = pending
        pending = []
        hasPending = false
        firstAt = nil
        timer = nil
        handler(paths)
    }
}
