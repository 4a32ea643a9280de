/// The xterm 256-colour palette: 16 standard colours (xterm's defaults), a 6×6×6 cube and 24 greys.
public enum XtermPalette {
    /// The levels of each axis of the colour cube (indices 16–231).
    public static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// xterm's default RGB for the 16 standard colours.
    public static let standard: [RGB] = [
        RGB(red: 0, green: 0, blue: 0), RGB(red: 205, green: 0, blue: 0),
        RGB(red: 0, green: 205, blue: 0), RGB(red: 205, green: 205, blue: 0),
        RGB(red: 0, green: 0, blue: 238), RGB(red: 205, green: 0, blue: 205),
        RGB(red: 0, green: 205, blue: 205), RGB(red: 229, green: 229, blue: 229),
        RGB(red: 127, green: 127, blue: 127), RGB(red: 255, green: 0, blue: 0),
        RGB(red: 0, green: 255, blue: 0), RGB(red: 255, green: 255, blue: 0),
        RGB(red: 92, green: 92, blue: 255), RGB(red: 255, green: 0, blue: 255),
        RGB(red: 0, green: 255, blue: 255), RGB(red: 255, green: 255, blue: 255),
    ]

    /// The RGB of palette entry `index`.
    public static func rgb(ofIndex index: UInt8) -> RGB {
        switch index {
        case 0..<16:
            return standard[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return RGB(red: cubeLevels[cube / 36], green: cubeLevels[(cube / 6) % 6], blue: cubeLevels[cube % 6])
        default:
            let level = UInt8(8 + 10 * (Int(index) - 232))
            return RGB(red: level, green: level, blue: level)
        }
    }

    /// The nearest entry of the cube or the grey ramp (16–255; the 16 standard colours are left out
    /// because terminals redefine them). Ties go to the cube.
    public static func nearest256(to color: RGB) -> UInt8 {
        func nearestLevel(_ component: UInt8) -> Int {
            var best = 0
            for (index, level) in cubeLevels.enumerated()
            where abs(Int(level) - Int(component)) < abs(Int(cubeLevels[best]) - Int(component)) {
                best = index
            }
            return best
        }
        let cubeIndex = 16 + 36 * nearestLevel(color.red) + 6 * nearestLevel(color.green) + nearestLevel(color.blue)
        let average = (Int(color.red) + Int(color.green) + Int(color.blue)) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let greyIndex = 232 + greyStep
        let cubeDistance = rgb(ofIndex: UInt8(cubeIndex)).squaredDistance(to: color)
        let greyDistance = rgb(ofIndex: UInt8(greyIndex)).squaredDistance(to: color)
        return UInt8(greyDistance < cubeDistance ? greyIndex : cubeIndex)
    }

    /// The nearest of the 16 standard colours (squared RGB distance; ties go to the lower index).
    public static func nearest16(to color: RGB) -> BasicColor {
        var best = 0
        var bestDistance = Int.max
        for (index, candidate) in standard.enumerated() {
            let distance = candidate.squaredDistance(to: color)
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return BasicColor(rawValue: best) ?? .white
    }
}
