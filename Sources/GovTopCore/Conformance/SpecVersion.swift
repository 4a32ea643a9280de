/// A GenOps specification version, `MAJOR.MINOR.PATCH` (Semantic Versioning 2.0.0, section 11.3),
/// optionally with a pre-release or build suffix.
public struct SpecVersion: Sendable, Hashable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int

    /// The version the checker judges against: 0.1.x.
    public static let checked = SpecVersion(major: 0, minor: 1, patch: 0)

    public init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Nil unless the text is a SemVer version: three non-negative integers without leading zeros,
    /// then optionally `-pre.release` and `+build` of `[0-9A-Za-z.-]`.
    public init?(_ text: String) {
        let core = text.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)
        guard let main = core.first, core.count == 1 || Self.isIdentifierList(core[1]) else { return nil }
        let release = main.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard release.count == 1 || Self.isIdentifierList(release[1]) else { return nil }
        let numbers = release[0].split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3 else { return nil }
        var values: [Int] = []
        for number in numbers {
            guard !number.isEmpty, number.count <= 9, number.allSatisfy({ $0.isASCII && $0.isNumber }),
                  number == "0" || number.first != "0", let value = Int(number) else { return nil }
            values.append(value)
        }
        (major, minor, patch) = (values[0], values[1], values[2])
    }

    private static func isIdentifierList(_ text: Substring) -> Bool {
        !text.isEmpty && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// Whether the checker knows this version's rules (same major and minor as `checked`: before 1.0
    /// a minor version may change the rules, section 11.1).
    public var isChecked: Bool { major == Self.checked.major && minor == Self.checked.minor }

    public var description: String { "\(major).\(minor).\(patch)" }
}
