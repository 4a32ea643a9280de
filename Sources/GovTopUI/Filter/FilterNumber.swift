/// Numbers in filter values, with the units each field accepts: cost in USD with an optional `$`
/// (`cost>0.5`, `cost>$2`), durations in ms unless a unit says otherwise (`500ms`, `2s`, `1.5m`,
/// `1h`, `250us`), token counts with an optional `k` or `M` (`tokens>10k`), attributes plain
/// (and possibly negative).
enum FilterNumber {
    struct Problem: Error {
        var message: String
        /// Offset into the value where the problem starts.
        var offset: Int
        /// No digits at all (the caller words that as "expected a number after …").
        var isMissingNumber = false
    }

    static func parse(_ value: String, for field: FilterField) -> Result<Double, Problem> {
        let characters = Array(value)
        var index = 0
        var negative = false
        if field == .cost, index < characters.count, characters[index] == "$" { index += 1 }
        if field.isAttribute, index < characters.count, characters[index] == "-" {
            negative = true
            index += 1
        }
        let numberStart = index
        var digits = 0
        while index < characters.count, characters[index].isASCII, characters[index].isNumber {
            index += 1
            digits += 1
        }
        if index < characters.count, characters[index] == ".", index + 1 < characters.count,
           characters[index + 1].isASCII, characters[index + 1].isNumber {
            index += 1
            while index < characters.count, characters[index].isASCII, characters[index].isNumber {
                index += 1
                digits += 1
            }
        }
        guard digits > 0, let magnitude = Double(String(characters[numberStart..<index])) else {
            return .failure(Problem(message: "'\(value)' is not a number", offset: 0, isMissingNumber: true))
        }
        guard magnitude.isFinite else { return .failure(Problem(message: "'\(value)' is too large", offset: numberStart)) }
        let unit = String(characters[index...])
        guard let scale = scale(of: unit, for: field) else {
            return .failure(Problem(message: unitMessage(unit, field: field), offset: index))
        }
        let number = (negative ? -magnitude : magnitude) * scale
        guard number.isFinite else { return .failure(Problem(message: "'\(value)' is too large", offset: numberStart)) }
        return .success(number)
    }

    private static func scale(of unit: String, for field: FilterField) -> Double? {
        if unit.isEmpty { return 1 }
        switch field {
        case .duration:
            switch unit.lowercased() {
            case "ns": return 1e-6
            case "us", "\u{B5}s", "\u{3BC}s": return 1e-3
            case "ms": return 1
            case "s": return 1000
            case "m", "min": return 60_000
            case "h": return 3_600_000
            default: return nil
            }
        case .tokens:
            switch unit.lowercased() {
            case "k": return 1000
            case "m": return 1_000_000
            default: return nil
            }
        default:
            return nil
        }
    }

    private static func unitMessage(_ unit: String, field: FilterField) -> String {
        switch field {
        case .duration: "unknown duration unit '\(unit)': use ms, s, m or h (plain numbers are ms)"
        case .tokens: "unknown suffix '\(unit)' on a token count: use k or M"
        case .cost: "cost is in USD: write a plain number, like cost>0.5"
        default: "unexpected '\(unit)' after the number"
        }
    }
}
