/// Shares one copy of strings that repeat across spans (span names, services, models, teams).
/// Bounded: past `capacity` distinct strings it stops adding and returns its input unchanged.
struct StringInterner {
    private var strings: Set<String> = []
    let capacity: Int
    /// Heap bytes held by the interned strings (small strings live inline and cost nothing extra).
    private(set) var bytes = 0

    init(capacity: Int = 50_000) { self.capacity = capacity }

    mutating func intern(_ string: String) -> String {
        if let index = strings.firstIndex(of: string) { return strings[index] }
        guard strings.count < capacity else { return string }
        strings.insert(string)
        let length = string.utf8.count
        bytes += 48 + (length > 15 ? 32 + length : 0)
        return string
    }
}
