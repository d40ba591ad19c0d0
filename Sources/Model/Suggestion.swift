/// "Did you mean …?" for unknown ids and keys, against a short list (keys, columns, reports).
public enum Suggestion {
    /// The closest candidate within a small edit distance, or nil when nothing is close.
    /// - Parameter limit: the largest distance that counts as close; by default a third of the
    ///   word's length, and at least 2.
    public static func closest(to word: String, in candidates: some Sequence<String>, within limit: Int? = nil) -> String? {
        Suggester(Array(candidates)).closest(to: word, within: limit)
    }

    /// ` (did you mean 'x'?)`, or an empty string.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        Suggester(Array(candidates)).hint(for: word)
    }
}

/// "Did you mean …?" against one list of candidates, for many unknown words, in bounded time.
///
/// Every input gets its answer quickly, whatever its size (docs/content-format.md, "Limits"):
/// - a word longer than `maximumLength` characters gets no suggestion (two 60,000-character ids
///   took 13 s to compare in full);
/// - candidates whose length differs by more than the allowed distance are never compared, and a
///   comparison computes only the diagonal band the allowed distance leaves, stopping as soon as
///   a whole row is too far;
/// - each word is searched once (10,000 quotes naming the same unknown theme cost one search);
/// - the searches of one `Suggester` share a fixed amount of work, `workLimit` table cells.
///   Once it is spent, later words get no suggestion, as compilers stop spell-checking after a
///   number of unknown names (clang's `-fspell-checking-limit`). Words are searched in the
///   order the caller asks, which is the order of the files, so the outcome is deterministic.
///
/// Ties go to the earlier candidate. Not thread-safe: one suggester per list and thread.
public final class Suggester {
    /// Longer words (in Unicode scalars) get no suggestion: no typo of a name is that long.
    public static let maximumLength = 64
    /// Table cells one suggester may compute in all (about 0.05 s of work).
    public static let workLimit = 10_000_000

    private let candidates: [String]
    /// Each candidate lowercased, as Unicode scalars, for comparison.
    private let folded: [[Unicode.Scalar]]
    /// Candidate indices by length, each list in candidate order.
    private let byLength: [Int: [Int]]
    private var answers: [String: String?] = [:]
    private var work = 0

    public init(_ candidates: [String]) {
        self.candidates = candidates
        let folded = candidates.map { Array($0.lowercased().unicodeScalars) }
        self.folded = folded
        var byLength: [Int: [Int]] = [:]
        for (index, scalars) in folded.enumerated() where scalars.count <= Self.maximumLength + Self.allowedDistance(Self.maximumLength) {
            byLength[scalars.count, default: []].append(index)
        }
        self.byLength = byLength
    }

    /// ` (did you mean 'x'?)`, or an empty string.
    public func hint(for word: String) -> String {
        closest(to: word).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The closest candidate within the allowed distance (or `limit`), or nil when nothing is
    /// close (or the word is too long, or the work limit is spent).
    public func closest(to word: String, within limit: Int? = nil) -> String? {
        if let limit { return search(word, limit: limit) }
        if let known = answers[word] { return known }
        let answer = search(word, limit: nil)
        answers[word] = answer
        return answer
    }

    /// Up to a third of the word may be wrong, and at least two characters.
    static func allowedDistance(_ length: Int) -> Int { max(2, length / 3) }

    private func search(_ word: String, limit: Int?) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        guard target.count <= Self.maximumLength, work < Self.workLimit else { return nil }
        let limit = min(limit ?? Self.allowedDistance(target.count), Self.allowedDistance(Self.maximumLength))
        // Three rows of the distance table, long enough for any candidate compared.
        var rows = [Int](repeating: 0, count: 3 * (target.count + limit + 2))
        var best: (index: Int, distance: Int)?
        var spent = work
        defer { work = spent }
        rows.withUnsafeMutableBufferPointer { rows in
            for length in max(0, target.count - limit)...(target.count + limit) {
                for index in byLength[length] ?? [] {
                    spent += 1  // a candidate looked at costs something even when skipped
                    if spent >= Self.workLimit {
                        best = nil
                        return
                    }
                    // A later candidate must be strictly nearer to win; an earlier one may tie.
                    let bound = best.map { index < $0.index ? $0.distance : $0.distance - 1 } ?? limit
                    guard bound >= 0, abs(length - target.count) <= bound else { continue }
                    if let distance = Self.distance(target, folded[index], atMost: bound, rows: rows, work: &spent) {
                        best = (index, distance)
                    }
                }
            }
        }
        return best.map { candidates[$0.index] }
    }

    /// The edit distance of `a` and `b` when it is at most `bound`, else nil: insertions,
    /// deletions, substitutions and swaps of two neighbours count one each (the optimal string
    /// alignment distance), so `consnet` is one typo away from `consent`, not two.
    ///
    /// Only the band of cells within `bound` of the diagonal can hold a distance that small
    /// (Ukkonen), and once a whole row exceeds `bound` no later row can come back under it.
    /// `rows` holds three rows of `b.count + 2` cells; `work` counts the cells computed.
    static func distance(
        _ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int, rows: UnsafeMutableBufferPointer<Int>, work: inout Int
    ) -> Int? {
        let n = a.count, m = b.count
        guard abs(n - m) <= bound else { return nil }
        if n == 0 || m == 0 { return max(n, m) }
        let far = bound + 1
        // A swap at row i reads row i - 2, within its band (or the cell set just before it).
        var beforePrevious = rows.baseAddress!, previous = beforePrevious + (m + 2), current = previous + (m + 2)
        for j in 0...(m + 1) { previous[j] = j <= bound ? j : far }
        for i in 1...n {
            let low = max(1, i - bound), high = min(m, i + bound)
            current[low - 1] = low == 1 && i <= bound ? i : far
            var rowMinimum = current[low - 1]
            let scalar = a[i - 1]
            for j in low...high {
                let substitution = previous[j - 1] + (scalar == b[j - 1] ? 0 : 1)
                var cell = min(substitution, previous[j] + 1, current[j - 1] + 1, far)
                if i > 1, j > 1, scalar == b[j - 2], a[i - 2] == b[j - 1] { cell = min(cell, beforePrevious[j - 2] + 1) }
                current[j] = cell
                rowMinimum = min(rowMinimum, cell)
            }
            // The next row reads one cell past this band.
            current[high + 1] = far
            work += high - low + 1
            if rowMinimum > bound { return nil }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[m] <= bound ? previous[m] : nil
    }
}
