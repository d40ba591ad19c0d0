/// A value's fields in one box that copies share, copied only when a copy is changed.
///
/// A site passes each quote and case study through many lists (by theme, programme, case study);
/// copying a dozen strings and arrays per list entry was most of aggregation's time and a tenth
/// of a build's peak memory. Equal when the boxes are the same or their values are equal.
public struct Shared<Value: Sendable & Equatable>: Sendable, Equatable {
    /// Changed only while uniquely referenced (see `value`), so sharing it across threads is safe.
    @usableFromInline final class Box: @unchecked Sendable {
        @usableFromInline var value: Value
        @usableFromInline init(_ value: Value) { self.value = value }
    }

    @usableFromInline var box: Box

    public init(_ value: Value) { box = Box(value) }

    /// Setting a part copies the box first when another value shares it.
    @inlinable public var value: Value {
        get { box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    public static func == (a: Shared, b: Shared) -> Bool { a.box === b.box || a.box.value == b.box.value }

    /// The box's identity: copies of one value share it until one of them is changed. Comparing
    /// it reads no field, so a list of thousands is searched without touching each item.
    public var identity: ObjectIdentifier { ObjectIdentifier(box) }
}

/// A value whose fields are `Shared`: `caseStudy.title`, `quote.consent = …` read and write
/// through them, as if they were its own stored properties.
@dynamicMemberLookup
public protocol SharedFields {
    associatedtype Fields: Sendable & Equatable
    var fields: Shared<Fields> { get set }
}

extension SharedFields {
    @inlinable public subscript<T>(dynamicMember field: WritableKeyPath<Fields, T>) -> T {
        get { fields.value[keyPath: field] }
        set { fields.value[keyPath: field] = newValue }
    }
}
