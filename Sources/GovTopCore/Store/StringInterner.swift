/// Shares one copy of strings that repeat across spans (span names, services, models, teams).
/// Bounded: past `capacity` distinct strings it stops adding and returns its input unchanged.
struct StringInterner {
    private var strings: Set<String> = []
    let capacity: Int
    /// Heap bytes held by the interned strings (small strings live inline and cost nothing extra).
    private(set) var bytes = 0
    /// The strings interned last: a batch repeats a handful of names, and comparing a string with
    /// a few is cheaper than hashing it.
    private var recent = InlineArray<8, String>(repeating: "")
    private var nextRecent = 0

    init(capacity: Int = 50_000) { self.capacity = capacity }

    mutating func intern(_ string: String) -> String {
        for slot in recent.indices where recent[slot] == string { return recent[slot] }
        let shared: String
        if let index = strings.firstIndex(of: string) {
            shared = strings[index]
        } else {
            guard strings.count < capacity else { return string }
            strings.insert(string)
            let length = string.utf8.count
            bytes += 48 + (length > 15 ? 32 + length : 0)
            shared = string
        }
        recent[nextRecent] = shared
        nextRecent = (nextRecent + 1) % recent.count
        return shared
    }
}
