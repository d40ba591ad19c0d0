import Foundation
import Synchronization

/// The names a template was given, and under each the names of what it holds: the union of
/// every set of values one template received while a site rendered (`ValueRecorder`).
///
/// Made from what the renderer supplied, so the names a template may use come from the one
/// place that supplies them (`Values`), never from a list kept beside it.
indirect enum ValueShape: Sendable {
    /// Nothing seen yet: the items of a list that was empty everywhere.
    case unseen
    /// Text, HTML, a link, a number, a flag or an item's rendered partial.
    case leaf
    /// `Values`: a name → the shape of its value.
    case object([String: ValueShape])
    /// A list of `Values`, with the union of its items' shapes.
    case list(ValueShape)
    /// Different kinds under one name: any name inside it is accepted.
    case mixed

    /// Adds one value, as swift-mustache is given it (`TemplateValue.mustacheValue`).
    mutating func absorb(_ value: Any) {
        switch value {
        case let dictionary as [String: Any]:
            var names: [String: ValueShape]
            switch self {
            case .object(let known): names = known
            case .unseen: names = [:]
            default: self = .mixed; return
            }
            self = .unseen  // `names` is then the only reference, and grows in place
            for (name, child) in dictionary { names[name, default: .unseen].absorb(child) }
            self = .object(names)
        case let items as [[String: Any]]:
            var element: ValueShape
            switch self {
            case .list(let known): element = known
            case .unseen: element = .unseen
            default: self = .mixed; return
            }
            self = .unseen
            for item in items { element.absorb(item) }
            self = .list(element)
        case is Absent:
            break  // the name exists; what it holds is known only from items that have it
        default:
            switch self {
            case .unseen, .leaf: self = .leaf
            default: self = .mixed
            }
        }
    }

    /// The shape under `name` when this is a set of values that has it.
    subscript(name: String) -> ValueShape? {
        if case .object(let names) = self { return names[name] }
        return nil
    }
}

/// Collects the shape of the values each template is rendered with (`Theme.render`), for
/// `casebook check`'s template check.
final class ValueRecorder: Sendable {
    private let shapes = Mutex<[String: ValueShape]>([:])

    func record(_ template: String, _ values: [String: Any]) {
        shapes.withLock { $0[template, default: .unseen].absorb(values) }
    }

    /// Template name → the union of the values it was rendered with.
    var recorded: [String: ValueShape] { shapes.withLock { $0 } }
}
