/// Spelling of locations in a configuration document: `budgets[1].limit`, `policies[0].when["gen_ai.request.model"]`.
enum KeyPath {
    static func member(_ key: String, of parent: String) -> String {
        let isPlain = !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9") || scalar == "_" || scalar == "-"
        }
        if isPlain { return parent.isEmpty ? key : parent + "." + key }
        return parent + "[" + Quoting.quoted(key) + "]"
    }

    static func element(_ index: Int, of parent: String) -> String {
        parent + "[\(index)]"
    }
}

/// Shows text taken from the file inside a message: quoted, escaped, and cut when long.
enum Quoting {
    static let maximumShownScalars = 60

    static func quoted(_ text: String) -> String {
        var shown = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == maximumShownScalars {
                shown += "…"
                break
            }
            count += 1
            switch scalar {
            case "\"": shown += "\\\""
            case "\\": shown += "\\\\"
            case "\n": shown += "\\n"
            case "\t": shown += "\\t"
            case "\r": shown += "\\r"
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
                    shown += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    shown.unicodeScalars.append(scalar)
                }
            }
        }
        return "\"" + shown + "\""
    }
}
