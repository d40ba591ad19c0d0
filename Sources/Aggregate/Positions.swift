/// Where each id stands in a list of ids (themes, programmes): looked up for every item of a site.
///
/// A site declares a dozen themes or programmes: comparing an id with each is cheaper than
/// hashing it (string hashing was a third of a `casebook serve` rebuild's aggregation). A long
/// list gets a hash table, so the lookup never grows with the list. The first of repeated ids wins.
struct Positions {
    private let ids: [String]
    private let table: [String: Int]?

    init(_ ids: [String]) {
        self.ids = ids
        table = ids.count > 16 ? Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }) : nil
    }

    subscript(_ id: String) -> Int? {
        if let table { return table[id] }
        return ids.firstIndex(of: id)
    }
}
