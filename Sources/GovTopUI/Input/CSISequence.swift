/// What a complete CSI sequence (`ESC [` parameters final) means as input, and the SS3 keys
/// (`ESC O` final): the meaning half of `InputParser`, which does the framing.
struct CSISequence {
    var parameters: [UInt8]
    var final: UInt8

    /// The key or mouse report, or nil for anything else (which the parser then swallows).
    var event: InputEvent? {
        if parameters.first == UInt8(ascii: "<") { return mouse.map(InputEvent.mouse) }
        guard let numbers = Self.numbers(parameters) else { return nil }
        return key(numbers).map(InputEvent.key)
    }

    /// `ESC O` with an optional xterm modifier digit (`ESC O 5 A`, as old xterms send it).
    static func ss3Key(parameters: [UInt8], final: UInt8) -> Key? {
        guard let numbers = numbers(parameters), numbers.count <= 1 else { return nil }
        guard let modifiers = modifiers(numbers.first ?? nil) else { return nil }
        let base: Key? = switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        case UInt8(ascii: "P")...UInt8(ascii: "S"): .function(Int(final - UInt8(ascii: "P")) + 1)
        case UInt8(ascii: "M"): .enter
        case UInt8(ascii: "p")...UInt8(ascii: "y"): .character(Character(Unicode.Scalar(final - 0x40)))
        case UInt8(ascii: "j"): .character("*")
        case UInt8(ascii: "k"): .character("+")
        case UInt8(ascii: "l"): .character(",")
        case UInt8(ascii: "m"): .character("-")
        case UInt8(ascii: "n"): .character(".")
        case UInt8(ascii: "o"): .character("/")
        case UInt8(ascii: "X"): .character("=")
        default: nil
        }
        return base?.with(modifiers)
    }

    private func key(_ numbers: [Int?]) -> Key? {
        switch final {
        case UInt8(ascii: "A"), UInt8(ascii: "B"), UInt8(ascii: "C"), UInt8(ascii: "D"),
             UInt8(ascii: "H"), UInt8(ascii: "F"), UInt8(ascii: "P"), UInt8(ascii: "Q"), UInt8(ascii: "R"), UInt8(ascii: "S"):
            // No parameters, or `1 ; modifier`.
            guard numbers.count <= 2, (numbers.first ?? nil) ?? 1 == 1,
                  let modifiers = Self.modifiers(numbers.count == 2 ? numbers[1] : nil) else { return nil }
            return Self.ss3Key(parameters: [], final: final)?.with(modifiers)
        case UInt8(ascii: "Z"):
            return numbers.isEmpty ? .backTab : nil
        case UInt8(ascii: "~"):
            guard numbers.count <= 3, let first = numbers.first ?? nil,
                  let modifiers = Self.modifiers(numbers.count >= 2 ? numbers[1] : nil) else { return nil }
            if first == 27 {
                // xterm's modifyOtherKeys: `27 ; modifier ; code ~`.
                guard numbers.count == 3, let code = numbers[2] else { return nil }
                return Self.key(code: code, modifiers: modifiers)
            }
            guard numbers.count <= 2 else { return nil }
            return Self.tildeKey(first)?.with(modifiers)
        case UInt8(ascii: "u"):
            // `code ; modifier u` (fixterms, kitty's basic form).
            guard numbers.count <= 2, let code = numbers.first ?? nil,
                  let modifiers = Self.modifiers(numbers.count == 2 ? numbers[1] : nil) else { return nil }
            return Self.key(code: code, modifiers: modifiers)
        default:
            return nil
        }
    }

    /// SGR mouse: `< button ; column ; row` with `M` for a press, `m` for a release.
    private var mouse: MouseEvent? {
        guard final == UInt8(ascii: "M") || final == UInt8(ascii: "m"),
              let numbers = Self.numbers(Array(parameters.dropFirst())), numbers.count == 3,
              let code = numbers[0], let column = numbers[1], let row = numbers[2] else { return nil }
        return MouseEvent(buttonCode: code, column: column, row: row, released: final == UInt8(ascii: "m"))
    }

    private static func tildeKey(_ number: Int) -> Key? {
        switch number {
        case 1, 7: .home
        case 2: .insert
        case 3: .delete
        case 4, 8: .end
        case 5: .pageUp
        case 6: .pageDown
        case 11...15: .function(number - 10)
        case 17...21: .function(number - 11)
        case 23...26: .function(number - 12)
        case 28, 29: .function(number - 13)
        case 31...34: .function(number - 14)
        default: nil
        }
    }

    /// A key given by its code point with modifiers: Ctrl with a letter is `.ctrl`, Shift with a
    /// letter its capital.
    private static func key(code: Int, modifiers: KeyModifiers) -> Key? {
        guard let scalar = Unicode.Scalar(UInt32(clamping: code)), let base = Key(scalar: scalar) else { return nil }
        var remaining = modifiers
        var key = base
        if case .character(let character) = base, character.isASCII, character.isLetter {
            if remaining.contains(.ctrl) {
                key = .ctrl(Character(character.lowercased()))
                remaining.remove([.ctrl, .shift])
            } else if remaining.contains(.shift) {
                key = .character(Character(character.uppercased()))
                remaining.remove(.shift)
            }
        }
        return key.with(remaining)
    }

    /// A modifier parameter; absent means none, a value no terminal sends makes the sequence unknown.
    private static func modifiers(_ parameter: Int?) -> KeyModifiers? {
        guard let parameter else { return [] }
        return KeyModifiers(xtermParameter: parameter)
    }

    /// Parameters split at ";" as numbers (nil where empty); nil when they hold anything else
    /// (private markers, sub-parameters, intermediates) or a number too long to be real.
    private static func numbers(_ parameters: [UInt8]) -> [Int?]? {
        guard !parameters.isEmpty else { return [] }
        var numbers: [Int?] = []
        var current: Int?
        var digits = 0
        for byte in parameters {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                guard digits <= 7 else { return nil }
                current = (current ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: ";"):
                numbers.append(current)
                current = nil
                digits = 0
            default:
                return nil
            }
        }
        numbers.append(current)
        return numbers
    }
}
