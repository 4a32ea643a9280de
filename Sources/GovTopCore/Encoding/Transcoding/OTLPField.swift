/// One field of an OTLP message: its number, its OTLP/JSON name and type, and whether it repeats.
struct OTLPField: Sendable {
    let number: Int
    let name: String
    let type: OTLPFieldType
    let repeated: Bool

    init(_ number: Int, _ name: String, _ type: OTLPFieldType, repeated: Bool = false) {
        self.number = number
        self.name = name
        self.type = type
        self.repeated = repeated
    }
}

/// A protobuf field type as OTLP uses it, with how OTLP/JSON writes it.
enum OTLPFieldType: Sendable, Equatable {
    case message(OTLPMessage)
    /// UTF-8 text.
    case string
    /// base64.
    case bytes
    /// A trace or span id: bytes written as lower-case hex.
    case id
    case bool
    /// 32-bit integers and enums: JSON numbers.
    case int32, sint32, uint32, enumeration, fixed32
    /// 64-bit integers: decimal strings.
    case int64, uint64, fixed64, sfixed64
    /// A number, or "NaN", "Infinity", "-Infinity".
    case double

    /// The wire type of one value of this type, unpacked.
    var wireType: UInt8 {
        switch self {
        case .message, .string, .bytes, .id: 2
        case .bool, .int32, .sint32, .uint32, .enumeration, .int64, .uint64: 0
        case .fixed64, .sfixed64, .double: 1
        case .fixed32: 5
        }
    }
}
