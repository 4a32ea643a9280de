/// Turns a byte offset into the "byte N (line L, column C)" every JSON error message ends with.
///
/// Lines and columns count from 1; columns count Unicode scalars, so they match what an editor
/// shows for UTF-8 text. Computed only when an error is reported.
enum JSONPosition {
    static func describe(_ bytes: UnsafeRawBufferPointer, offset: Int) -> String {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        for index in 0..<end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return "byte \(end) (line \(line), column \(column))"
    }
}
