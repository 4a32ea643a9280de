import GovTopRender
import Testing

@Suite struct RenderOptionsTests {
    @Test(arguments: [("120x40", 120, 40), ("80X24", 80, 24), ("20x5", 20, 5), ("1000x500", 1000, 500)])
    func parsesSizes(text: String, width: Int, height: Int) throws {
        let size = try RenderSize(parsing: text)
        #expect(size.width == width && size.height == height)
        #expect(size.description == "\(width)x\(height)")
    }

    @Test(arguments: ["120", "120x", "x40", "120x40x2", "a x b", "-1x40", "19x40", "120x4", "1001x40", "120x501",
                      "99999999999999999999x1", "１２０x40"])
    func refusesBadSizes(text: String) {
        #expect(throws: RenderError.self) { try RenderSize(parsing: text) }
    }

    @Test(arguments: [("shot.svg", RenderFormat.svg), ("out/DASH.TXT", .txt), ("a.b.ansi", .ansi)])
    func formatFromFileName(name: String, format: RenderFormat) {
        #expect(RenderFormat(fileName: name) == format)
    }

    @Test(arguments: ["shot.png", "shot", "dir.svg/file", "svg"])
    func noFormatFromOtherNames(name: String) {
        #expect(RenderFormat(fileName: name) == nil)
    }
}
