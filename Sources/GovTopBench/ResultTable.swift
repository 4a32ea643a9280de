/// Prints benchmark rows as an aligned text table, with each row's speed relative to its baseline.
enum ResultTable {
    static func render(_ rows: [BenchmarkRow]) -> String {
        let header = ["section", "case", "input", "median", "runs", "MB/s", "items/s", "vs baseline"]
        var lines = [header]
        for row in rows {
            let ratio: String
            if let baseline = row.baseline,
               let reference = rows.first(where: { $0.section == row.section && $0.label == baseline }) {
                ratio = format(reference.measurement.seconds / row.measurement.seconds, decimals: 2) + "x"
            } else {
                ratio = "baseline"
            }
            lines.append([
                row.section, row.label, grouped(row.bytes) + " B / " + grouped(row.items) + " " + row.itemUnit,
                format(row.measurement.seconds * 1000, decimals: 3) + " ms",
                String(row.measurement.runs), format(row.megabytesPerSecond, decimals: 1),
                grouped(Int(row.itemsPerSecond.rounded())) + " " + row.itemUnit, ratio,
            ])
        }
        let widths = header.indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        let numeric: Set<Int> = [2, 3, 4, 5, 6, 7]
        return lines.enumerated().map { index, cells in
            let text = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return numeric.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ")
            return index == 0 ? text + "\n" + String(repeating: "-", count: text.count) : text
        }.joined(separator: "\n")
    }

    static func format(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        return decimals == 0 ? String(whole)
            : String(whole) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
