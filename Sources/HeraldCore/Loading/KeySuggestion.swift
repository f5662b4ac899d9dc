/// Finds the allowed key a misspelt one was probably meant to be.
package enum KeySuggestion {
    /// The candidate nearest to `key` (Levenshtein distance, `key` lower-cased), when it is close enough to
    /// be what was meant: at most 2 edits, or a third of the key's length. nil when none is.
    package static func closest(to key: String, among candidates: [String]) -> String? {
        let lowered = key.lowercased()
        // ASCII keys (the registry's are) are compared byte by byte, a byte being a character there; other
        // text character by character. The two rows of the distance table are made once for all
        // candidates: a messy registry asks for a suggestion for most of its files, and a row per letter of
        // every comparison, with each candidate copied into an array, was a tenth of the audit's allocations.
        let width = (candidates.map { $0.utf8.count }.max() ?? 0) + 1
        var rows = ([Int](repeating: 0, count: width), [Int](repeating: 0, count: width))
        let scored: [(String, Int)]
        if lowered.utf8.allSatisfy({ $0 < 0x80 }) && candidates.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            let key = Array(lowered.utf8)
            scored = candidates.map { candidate in
                var candidate = candidate
                return (candidate, candidate.withUTF8 { distance(key, $0, rows: &rows) })
            }
        } else {
            let key = Array(lowered)
            scored = candidates.map { ($0, distance(key, Array($0), rows: &rows)) }
        }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, key.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance: the fewest insertions, deletions and substitutions that turn `a` into `b`.
    /// `rows` is scratch space, kept between calls: two rows of at least `b.count + 1`.
    private static func distance<A: RandomAccessCollection, B: RandomAccessCollection>(_ a: A, _ b: B, rows: inout ([Int], [Int])) -> Int
    where A.Element == B.Element, A.Element: Equatable, B.Index == Int {
        for j in 0 ... b.count { rows.0[j] = j }
        for (i, ca) in a.enumerated() {
            rows.1[0] = i + 1
            for (j, cb) in b.enumerated() {
                rows.1[j + 1] = min(rows.0[j + 1] + 1, rows.1[j] + 1, rows.0[j] + (ca == cb ? 0 : 1))
            }
            swap(&rows.0, &rows.1)
        }
        return rows.0[b.count]
    }
}
