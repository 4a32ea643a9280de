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

    /// The nearest of the 16 standard colours within the colour's family, so a pastel theme colour
    /// keeps its hue instead of collapsing into grey (plain RGB distance maps #f7768e to grey):
    /// colours with chroma below 64 pick among black, bright black, white and bright white; others
    /// pick the normal or bright variant of their hue sector (red below 20° and from 335°, yellow
    /// from 20°, green from 62°, cyan from 160°, blue from 205°, magenta from 265°; the sectors
    /// lean towards where themes put their ANSI yellows and greens). Nearest is by squared RGB
    /// distance to xterm's defaults, ties to the lower index.
    public static func nearest16(to color: RGB) -> BasicColor {
        let red = Int(color.red)
        let green = Int(color.green)
        let blue = Int(color.blue)
        let highest = max(red, green, blue)
        let chroma = highest - min(red, green, blue)
        let candidates: [BasicColor]
        if chroma < 64 {
            candidates = [.black, .brightBlack, .white, .brightWhite]
        } else {
            let family = hueFamily(red: red, green: green, blue: blue, highest: highest, chroma: chroma)
            candidates = [family, BasicColor(rawValue: family.rawValue + 8) ?? family]
        }
        var best = candidates[0]
        var bestDistance = Int.max
        for candidate in candidates {
            let distance = standard[candidate.rawValue].squaredDistance(to: color)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }

    /// The hue sector of a colour with non-zero chroma, as one of the six normal ANSI hues.
    static func hueFamily(red: Int, green: Int, blue: Int, highest: Int, chroma: Int) -> BasicColor {
        let c = Double(chroma)
        var hue: Double
        if highest == red {
            hue = 60 * (Double(green - blue) / c)
        } else if highest == green {
            hue = 60 * (Double(blue - red) / c + 2)
        } else {
            hue = 60 * (Double(red - green) / c + 4)
        }
        if hue < 0 { hue += 360 }
        switch hue {
        case 20..<62: return .yellow
        case 62..<160: return .green
        case 160..<205: return .cyan
        case 205..<265: return .blue
        case 265..<335: return .magenta
        default: return .red
        }
    }
}
