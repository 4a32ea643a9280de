/// Turns the bytes a terminal sends into keys, pastes and mouse reports, whatever `TERM` says.
///
/// A pure state machine: `feed` takes bytes as they arrive (a sequence may be split across
/// reads at any byte) and returns the events they complete; `pending` says whether it holds the
/// start of something, and the terminal layer calls `flush` when no more bytes came for a while
/// (a lone Esc becomes the Esc key, a broken sequence is dropped). It never sees a clock.
///
/// Recognised: UTF-8 characters; control keys (Enter as CR or LF, Tab, Backspace as DEL or BS,
/// Ctrl-letter); the cursor, editing and function keys in their common encodings (`ESC [ A`,
/// `ESC O A`, `ESC [ 1 ; 5 C`, `ESC [ H`, `ESC O F`, `ESC [ 1~` … `ESC [ 8~`, `ESC O P` … `S`,
/// `ESC [ 11~` … `24~`, the Linux console's `ESC [ [ A` … `E`, `ESC [ 27 ; m ; c ~` and
/// `ESC [ c ; m u`); Alt as an Esc prefix; SGR (`ESC [ < b ; x ; y M/m`) and X10 (`ESC [ M b x y`)
/// mouse reports; bracketed paste (`ESC [ 200~` … `ESC [ 201~`). Any other CSI or SS3 sequence,
/// and OSC, DCS, APC, PM and SOS strings (to BEL or ST), are swallowed whole: their bytes never
/// become keys.
public struct InputParser: Hashable, Sendable {
    /// Parameter bytes kept of one CSI or SS3 sequence; longer ones are swallowed unread.
    public static let maxSequenceBytes = 32
    /// Bytes kept of one paste; the rest is dropped (the paste still ends where it should).
    public static let defaultMaxPasteBytes = 4_096

    /// What the parser holds, which decides how long the terminal waits before `flush`.
    public enum Pending: Hashable, Sendable {
        /// A lone Esc: the Esc key, unless the rest of a sequence follows at once.
        case escape
        /// Part of a sequence or of a UTF-8 character.
        case sequence
        /// Inside a bracketed paste.
        case paste
    }

    private enum State: Hashable, Sendable {
        case ground
        case escape
        case csi
        case ss3
        /// OSC, DCS, APC, PM or SOS: swallowed to BEL or ST; `escape` after an ESC inside.
        case string(escape: Bool)
        case utf8(remaining: Int, alt: Bool)
        /// `ESC [ [`: the Linux console's F1–F5 follow as one letter.
        case linuxFunction
        /// `ESC [ M`: three bytes of an X10 mouse report follow.
        case x10Mouse
        case paste(matched: Int)
    }

    private static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    public let maxPasteBytes: Int
    private var state = State.ground
    /// Parameter bytes of the sequence, the bytes of a UTF-8 character or of an X10 report.
    private var collected: [UInt8] = []
    /// The sequence grew past `maxSequenceBytes`: it is swallowed, not interpreted.
    private var overflowed = false
    private var pasted: [UInt8] = []

    public init(maxPasteBytes: Int = InputParser.defaultMaxPasteBytes) {
        self.maxPasteBytes = max(0, maxPasteBytes)
    }

    /// What the parser holds; nil when it holds nothing and `flush` has nothing to do.
    public var pending: Pending? {
        switch state {
        case .ground: nil
        case .escape: .escape
        case .paste: .paste
        default: .sequence
        }
    }

    /// Reads bytes; returns the events they complete, in order.
    public mutating func feed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [InputEvent] {
        var events: [InputEvent] = []
        for byte in bytes { consume(byte, into: &events) }
        return events
    }

    /// No more bytes came: a lone Esc is the Esc key, `ESC [` and `ESC O` are Alt-[ and Alt-O, a
    /// paste ends with what arrived, anything else held is dropped.
    public mutating func flush() -> [InputEvent] {
        var events: [InputEvent] = []
        switch state {
        case .escape: events.append(.key(.escape))
        case .csi where collected.isEmpty && !overflowed: events.append(.key(Key.character("[").with(.alt)))
        case .ss3 where collected.isEmpty: events.append(.key(Key.character("O").with(.alt)))
        case .paste: if let paste = finishPaste() { events.append(paste) }
        default: break
        }
        reset()
        return events
    }

    private mutating func reset() {
        state = .ground
        collected.removeAll(keepingCapacity: true)
        overflowed = false
        pasted.removeAll(keepingCapacity: true)
    }

    private mutating func consume(_ byte: UInt8, into events: inout [InputEvent]) {
        switch state {
        case .ground: ground(byte, into: &events)
        case .escape: escape(byte, into: &events)
        case .csi: csi(byte, into: &events)
        case .ss3: ss3(byte, into: &events)
        case .string(let escape): string(byte, afterEscape: escape, into: &events)
        case .utf8(let remaining, let alt): utf8(byte, remaining: remaining, alt: alt, into: &events)
        case .linuxFunction:
            reset()
            switch byte {
            case 0x41...0x45: events.append(.key(.function(Int(byte) - 0x40)))
            case 0x40...0x7E: break
            default: consume(byte, into: &events)
            }
        case .x10Mouse:
            collected.append(byte)
            guard collected.count == 3 else { return }
            let report = collected
            reset()
            if let mouse = MouseEvent(buttonCode: Int(report[0]) - 32, column: Int(report[1]) - 32,
                                      row: Int(report[2]) - 32, released: false) {
                events.append(.mouse(mouse))
            }
        case .paste(let matched): paste(byte, matched: matched, into: &events)
        }
    }

    private mutating func ground(_ byte: UInt8, into events: inout [InputEvent]) {
        switch byte {
        case 0x1B: state = .escape
        case 0x00...0x7F:
            if let key = Key(scalar: Unicode.Scalar(byte)) { events.append(.key(key)) }
        default: beginCharacter(byte, alt: false)
        }
    }

    private mutating func escape(_ byte: UInt8, into events: inout [InputEvent]) {
        state = .ground
        switch byte {
        case 0x5B: state = .csi
        case 0x4F: state = .ss3
        case 0x50, 0x58, 0x5D, 0x5E, 0x5F: state = .string(escape: false)
        case 0x1B:
            events.append(.key(.escape))
            state = .escape
        case 0x00...0x7F:
            if let key = Key(scalar: Unicode.Scalar(byte)) { events.append(.key(key.with(.alt))) }
        default: beginCharacter(byte, alt: true)
        }
    }

    private mutating func csi(_ byte: UInt8, into events: inout [InputEvent]) {
        switch byte {
        case 0x20...0x3F:
            if collected.count < Self.maxSequenceBytes { collected.append(byte) } else { overflowed = true }
        case 0x40...0x7E:
            if collected.isEmpty, !overflowed, byte == 0x4D {
                state = .x10Mouse
                return
            }
            if collected.isEmpty, !overflowed, byte == 0x5B {
                state = .linuxFunction
                return
            }
            let parameters = collected
            let complete = !overflowed
            reset()
            guard complete else { return }
            if parameters == Array("200".utf8), byte == 0x7E {
                state = .paste(matched: 0)
                return
            }
            if let event = CSISequence(parameters: parameters, final: byte).event { events.append(event) }
        default:
            // A control or non-ASCII byte cannot be inside a sequence: it broke off; read the byte afresh.
            reset()
            consume(byte, into: &events)
        }
    }

    private mutating func ss3(_ byte: UInt8, into events: inout [InputEvent]) {
        switch byte {
        case 0x30...0x3F:
            if collected.count < Self.maxSequenceBytes { collected.append(byte) } else { overflowed = true }
        case 0x40...0x7E:
            let parameters = collected
            let complete = !overflowed
            reset()
            if complete, let key = CSISequence.ss3Key(parameters: parameters, final: byte) { events.append(.key(key)) }
        default:
            reset()
            consume(byte, into: &events)
        }
    }

    /// OSC, DCS and friends end at BEL or ST (`ESC \`); an ESC followed by anything else ends the
    /// string and starts a new sequence.
    private mutating func string(_ byte: UInt8, afterEscape: Bool, into events: inout [InputEvent]) {
        if afterEscape {
            state = .ground
            if byte != 0x5C { escape(byte, into: &events) }
            return
        }
        switch byte {
        case 0x07: state = .ground
        case 0x1B: state = .string(escape: true)
        default: break
        }
    }

    private mutating func beginCharacter(_ lead: UInt8, alt: Bool) {
        let remaining = switch lead {
        case 0xC2...0xDF: 1
        case 0xE0...0xEF: 2
        case 0xF0...0xF4: 3
        default: 0
        }
        guard remaining > 0 else { return }
        collected = [lead]
        state = .utf8(remaining: remaining, alt: alt)
    }

    private mutating func utf8(_ byte: UInt8, remaining: Int, alt: Bool, into events: inout [InputEvent]) {
        guard (0x80...0xBF).contains(byte) else {
            reset()
            consume(byte, into: &events)
            return
        }
        collected.append(byte)
        guard remaining == 1 else {
            state = .utf8(remaining: remaining - 1, alt: alt)
            return
        }
        var bytes = collected.makeIterator()
        var decoder = UTF8()
        let decoded = decoder.decode(&bytes)
        reset()
        if case .scalarValue(let scalar) = decoded, let key = Key(scalar: scalar) {
            events.append(.key(alt ? key.with(.alt) : key))
        }
    }

    private mutating func paste(_ byte: UInt8, matched: Int, into events: inout [InputEvent]) {
        if byte == Self.pasteEnd[matched] {
            if matched + 1 < Self.pasteEnd.count {
                state = .paste(matched: matched + 1)
                return
            }
            let paste = finishPaste()
            reset()
            if let paste { events.append(paste) }
            return
        }
        // What looked like the end marker was text after all.
        for earlier in Self.pasteEnd[0..<matched] { keepPasted(earlier) }
        if byte == Self.pasteEnd[0] {
            state = .paste(matched: 1)
        } else {
            keepPasted(byte)
            state = .paste(matched: 0)
        }
    }

    private mutating func keepPasted(_ byte: UInt8) {
        if pasted.count < maxPasteBytes { pasted.append(byte) }
    }

    private func finishPaste() -> InputEvent? {
        let text = PasteText.clean(pasted)
        return text.isEmpty ? nil : .paste(text)
    }
}
