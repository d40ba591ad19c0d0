import Model

/// Refuses a theme whose templates include or extend themselves, directly or through others.
///
/// Mustache follows `{{> partial}}` and `{{< parent}}` each time it meets them, and casebook's
/// values are never deep enough to end the recursion: a partial that includes itself overflowed
/// the stack (a crash, signal 11) on the first page that used it.
enum TemplateCycles {
    /// A reference from one template to another, at a line of the first.
    struct Reference {
        let target: String
        let line: Int
    }

    /// An error at the reference that closes the first cycle found, in template-name order.
    static func refuse(_ references: [String: [Reference]], sources: [String: String]) throws(RenderError) {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        for start in references.keys.sorted() where marks[start] == nil {
            // An explicit stack of (template, index of its next reference): no recursion here either.
            var path: [(name: String, next: Int)] = [(start, 0)]
            marks[start] = .visiting
            while let top = path.last {
                let outgoing = references[top.name] ?? []
                guard top.next < outgoing.count else {
                    marks[top.name] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let reference = outgoing[top.next]
                switch marks[reference.target] {
                case .visiting:
                    let names = path.map(\.name).drop { $0 != reference.target } + [reference.target]
                    throw RenderError(
                        "template-cycle",
                        "templates include each other in a loop (\(names.joined(separator: " → "))), which would never end; "
                            + "remove one of these references",
                        at: SourceLocation(file: sources[top.name] ?? top.name, line: reference.line, column: 1))
                case .done:
                    continue
                case nil:
                    marks[reference.target] = .visiting
                    path.append((reference.target, 0))
                }
            }
        }
    }
}
