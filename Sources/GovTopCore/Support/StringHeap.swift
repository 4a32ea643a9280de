/// What a string holds on the heap: nothing up to 15 UTF-8 bytes (they live inline), else a
/// buffer of its header and bytes, rounded as malloc rounds.
enum StringHeap {
    static func bytes(_ string: String) -> Int {
        let length = string.utf8.count
        return length > 15 ? (32 + length + 1 + 8 + 15) & ~15 : 0
    }
}
