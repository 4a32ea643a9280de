import Testing
@testable import GovTopTheme
@testable import GovTopUI

@Suite struct ColorParsingTests {
    @Test(arguments: [
        ("#1e90ff", Color.rgb(30, 144, 255)), ("#1E90FF", .rgb(30, 144, 255)), ("  #000000 ", .rgb(0, 0, 0)),
        ("rgb(1,2,3)", .rgb(1, 2, 3)), ("RGB( 255 , 0 ,10 )", .rgb(255, 0, 10)),
        ("color(123)", .indexed(123)), ("color(0)", .indexed(0)), ("color( 255 )", .indexed(255)),
        ("red", .basic(.red)), ("bright-blue", .basic(.brightBlue)), ("Bright_Blue", .basic(.brightBlue)),
        ("bright white", .basic(.brightWhite)), ("gray", .basic(.brightBlack)), ("grey", .basic(.brightBlack)),
        ("black", .basic(.black)), ("default", .default), ("DEFAULT", .default),
    ])
    func parses(text: String, expected: Color) throws {
        #expect(try Color(parsing: text) == expected)
    }

    @Test(arguments: [
        ("", "empty"), ("   ", "empty"), ("#12345", "exactly 6 hex digits"), ("#1234567", "exactly 6 hex digits"),
        ("#12345g", "not a hex digit"), ("#+12345", "not a hex digit"), ("rgb(1,2)", "takes 3 numbers, found 2"),
        ("rgb(1,2,256)", "\"256\" is not a whole number"), ("rgb(1,2,3", "closing"), ("rgb(a,b,c)", "\"a\" is not a whole number"),
        ("rgb(1,,3)", "\"\" is not a whole number"), ("color(-1)", "\"-1\""), ("color(256)", "\"256\""), ("color(1,2)", "takes 1 number, found 2"),
        ("colour(3)", "not a known colour"), ("purple", "not a known colour"), ("bright-", "not a known colour"),
        ("rgb(0001,2,3)", "\"0001\""),
    ])
    func rejectsWithAClearMessage(text: String, reason: String) {
        #expect {
            try Color(parsing: text)
        } throws: { error in
            guard let error = error as? ColorParseError else { return false }
            return error.input == text && error.description.contains(reason) && error.description.contains("#rrggbb")
        }
    }

    @Test func errorMessagesDoNotCarryControlCharacters() {
        do {
            _ = try Color(parsing: "\u{1B}[31m")
            Issue.record("accepted an escape sequence")
        } catch {
            #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 })
        }
    }

    @Test(arguments: [Color.default, .basic(.magenta), .basic(.brightCyan), .indexed(42), .rgb(0x1a, 0x1b, 0x26)])
    func descriptionParsesBack(color: Color) throws {
        #expect(try Color(parsing: color.description) == color)
    }
}

@Suite struct ColorDegradationTests {
    @Test(arguments: [
        (0, RGB(red: 0, green: 0, blue: 0)), (9, RGB(red: 255, green: 0, blue: 0)),
        (16, RGB(red: 0, green: 0, blue: 0)), (21, RGB(red: 0, green: 0, blue: 255)), (67, RGB(red: 95, green: 135, blue: 175)),
        (196, RGB(red: 255, green: 0, blue: 0)), (231, RGB(red: 255, green: 255, blue: 255)),
        (232, RGB(red: 8, green: 8, blue: 8)), (244, RGB(red: 128, green: 128, blue: 128)), (255, RGB(red: 238, green: 238, blue: 238)),
    ] as [(UInt8, RGB)])
    func paletteEntries(index: UInt8, rgb: RGB) {
        #expect(XtermPalette.rgb(ofIndex: index) == rgb)
    }

    @Test(arguments: [
        (Color.rgb(0, 0, 0), Color.indexed(16)), (.rgb(255, 255, 255), .indexed(231)), (.rgb(128, 128, 128), .indexed(244)),
        (.rgb(30, 144, 255), .indexed(33)), (.rgb(0xC0, 0xCA, 0xF5), .indexed(153)), (.rgb(95, 135, 175), .indexed(67)),
        (.rgb(0x1A, 0x1B, 0x26), .indexed(234)), (.rgb(250, 5, 5), .indexed(196)),
        (.basic(.red), .basic(.red)), (.indexed(7), .indexed(7)), (.default, .default),
    ])
    func to256(color: Color, expected: Color) {
        #expect(color.degraded(to: .colors256) == expected)
    }

    @Test(arguments: [
        (Color.rgb(255, 0, 0), Color.basic(.brightRed)), (.rgb(200, 0, 0), .basic(.red)), (.rgb(30, 144, 255), .basic(.brightBlue)),
        (.rgb(128, 128, 128), .basic(.brightBlack)), (.rgb(10, 10, 10), .basic(.black)), (.rgb(240, 240, 240), .basic(.white)),
        (.rgb(0x9E, 0xCE, 0x6A), .basic(.green)), (.rgb(0, 180, 0), .basic(.green)), (.rgb(0xF7, 0x76, 0x8E), .basic(.brightRed)),
        (.rgb(0xE0, 0xAF, 0x68), .basic(.yellow)), (.rgb(0x7D, 0xCF, 0xFF), .basic(.brightCyan)), (.rgb(0x85, 0x99, 0x00), .basic(.green)),
        (.rgb(0x73, 0x7A, 0xA2), .basic(.brightBlack)), (.rgb(0xC0, 0xCA, 0xF5), .basic(.white)), (.rgb(0xBB, 0x9A, 0xF7), .basic(.brightBlue)),
        (.rgb(0xD0, 0x40, 0xD0), .basic(.magenta)),
        (.indexed(196), .basic(.brightRed)), (.indexed(9), .basic(.brightRed)), (.indexed(232), .basic(.black)),
        (.basic(.cyan), .basic(.cyan)), (.default, .default),
    ])
    func to16(color: Color, expected: Color) {
        #expect(color.degraded(to: .colors16) == expected)
    }

    @Test(arguments: [Color.rgb(1, 2, 3), .indexed(200), .basic(.red), .default])
    func noneDropsEveryColourAndTrueColorKeepsThem(color: Color) {
        #expect(color.degraded(to: .none) == .default)
        #expect(color.degraded(to: .trueColor) == color)
    }

    @Test func everyPaletteEntryAbove15IsItsOwnNearest() {
        for index in 16...255 {
            #expect(XtermPalette.nearest256(to: XtermPalette.rgb(ofIndex: UInt8(index))) == UInt8(index))
        }
        for basic in BasicColor.allCases {
            #expect(XtermPalette.nearest16(to: XtermPalette.rgb(ofIndex: UInt8(basic.rawValue))) == basic)
        }
    }

    @Test(arguments: [
        (["NO_COLOR": "1", "COLORTERM": "truecolor"], 256, ColorDepth.none),
        (["NO_COLOR": ""], 256, .colors256),
        (["COLORTERM": "truecolor"], 256, .trueColor),
        (["COLORTERM": "24BIT"], 8, .trueColor),
        (["COLORTERM": "truecolor"], 0, .none),
        ([:], 256, .colors256), ([:], 16, .colors16), ([:], 8, .colors16), ([:], 2, .none), ([:], -1, .none),
    ] as [([String: String], Int, ColorDepth)])
    func depthDetection(environment: [String: String], colors: Int, expected: ColorDepth) {
        #expect(ColorDepth.detect(environment: environment, terminalColors: colors) == expected)
    }
}
