/// A screen size in cells, written `WIDTHxHEIGHT` (`120x40`).
public struct RenderSize: Hashable, Sendable, CustomStringConvertible {
    public static let minimum = (width: 20, height: 5)
    public static let maximum = (width: 1_000, height: 500)

    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) throws(RenderError) {
        guard (Self.minimum.width...Self.maximum.width).contains(width),
              (Self.minimum.height...Self.maximum.height).contains(height) else {
            throw RenderError("the size must be from \(Self.minimum.width)x\(Self.minimum.height) to "
                + "\(Self.maximum.width)x\(Self.maximum.height) cells, not \(width)x\(height)")
        }
        self.width = width
        self.height = height
    }

    public init(parsing text: String) throws(RenderError) {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.allSatisfy(\.isASCII) }),
              let width = Int(parts[0]), let height = Int(parts[1]) else {
            throw RenderError("the size must be WIDTHxHEIGHT in cells, like 120x40, not '\(text)'")
        }
        try self.init(width: width, height: height)
    }

    public var description: String { "\(width)x\(height)" }
}
