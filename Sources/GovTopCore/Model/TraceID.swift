/// A 16-byte OpenTelemetry trace id, stored as two big-endian halves so it hashes and compares fast.
public struct TraceID: Hashable, Comparable, Sendable {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Reads 16 bytes in network order; nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
        self.init(high: high, low: low)
    }

    /// Parses 32 hex digits in either case; nil for anything else.
    public init?(hex: some StringProtocol) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 32,
              let high = HexCoding.uint64(utf8[0..<16]),
              let low = HexCoding.uint64(utf8[16..<32]) else { return nil }
        self.init(high: high, low: low)
    }

    /// The OTLP rule: an all-zero trace id is invalid.
    public var isValid: Bool { high != 0 || low != 0 }

    /// Lower-case hex, as OTLP/JSON and the API spell it.
    public var hex: String { HexCoding.hex(high) + HexCoding.hex(low) }

    public var bytes: [UInt8] { HexCoding.bytes(high) + HexCoding.bytes(low) }

    public static func < (lhs: TraceID, rhs: TraceID) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}

/// An 8-byte OpenTelemetry span id. The value 0 means "no span" (an absent parent).
public struct SpanID: Hashable, Comparable, Sendable {
    public var value: UInt64

    public init(_ value: UInt64) { self.value = value }

    public static let none = SpanID(0)

    /// Reads 8 bytes in network order; nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 8 else { return nil }
        var value: UInt64 = 0
        for byte in bytes { value = value << 8 | UInt64(byte) }
        self.init(value)
    }

    /// Parses 16 hex digits in either case; nil for anything else.
    public init?(hex: some StringProtocol) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 16, let value = HexCoding.uint64(utf8[0..<16]) else { return nil }
        self.init(value)
    }

    public var isNone: Bool { value == 0 }
    public var hex: String { HexCoding.hex(value) }
    public var bytes: [UInt8] { HexCoding.bytes(value) }

    public static func < (lhs: SpanID, rhs: SpanID) -> Bool { lhs.value < rhs.value }
}

/// Hex and byte conversions shared by the id types.
enum HexCoding {
    private static let digits = Array("0123456789abcdef".utf8)

    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                buffer[index] = digits[Int((value >> UInt64(60 - index * 4)) & 0xF)]
            }
            return 16
        }
    }

    static func bytes(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> UInt64(56 - $0 * 8)) }
    }

    static func uint64(_ utf8: ArraySlice<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        for char in utf8 {
            guard let nibble = nibble(char) else { return nil }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }

    static func nibble(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): char - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): char - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): char - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
