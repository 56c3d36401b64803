/// A terminal area chart of cumulative net P&L drawn with Unicode eighth blocks, fitted to a width.
public enum CumulativeChart {
    static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Draws `values` (cumulative net in whole quote units, one per execution in time order) in at most `width`
    /// columns and `height` rows; each column shows the last value of its bucket. The y axis shows the range with
    /// `unit`; a `┈` line marks zero when it lies inside the range. Returns the lines, each ending in "\n".
    public static func render(
        values: [Double], width: Int, height: Int = 10, unit: String, from: String, to: String
    ) -> String {
        guard !values.isEmpty else { return "no valued executions to chart\n" }
        let lo = min(0, values.min() ?? 0)
        let hi = max(0, values.max() ?? 0)
        let top = label(hi, unit), bottom = label(lo, unit)
        let gutter = max(top.count, bottom.count) + 1
        let columns = max(8, min(values.count, width - gutter - 1))
        var points: [Double] = []
        for c in 0..<columns {
            let end = min(values.count, (c + 1) * values.count / columns)
            points.append(values[max(0, end - 1)])
        }
        let span = hi - lo
        let rows = max(2, height)
        // Height in eighths of a row above the chart's bottom.
        let levels = points.map { span > 0 ? Int((($0 - lo) / span * Double(rows * 8)).rounded()) : 0 }
        let zeroRow = span > 0 ? Int(((0 - lo) / span * Double(rows)).rounded(.down)) : 0
        var out = ""
        for r in stride(from: rows - 1, through: 0, by: -1) {
            let yLabel = r == rows - 1 ? top : (r == 0 ? bottom : "")
            out += String(repeating: " ", count: gutter - 1 - yLabel.count) + yLabel + " │"
            for level in levels {
                let filled = level - r * 8
                if filled >= 8 {
                    out.append("█")
                } else if filled > 0 {
                    out.append(eighths[filled])
                } else {
                    out.append(r == zeroRow && lo < 0 ? "┈" : " ")
                }
            }
            out += "\n"
        }
        out += String(repeating: " ", count: gutter) + "└" + String(repeating: "─", count: columns) + "\n"
        let axis = from + String(repeating: " ", count: max(1, columns - from.count - to.count)) + to
        out += String(repeating: " ", count: gutter + 1) + axis + "\n"
        return out
    }

    static func label(_ v: Double, _ unit: String) -> String {
        let rounded = (v * 100).rounded() / 100
        var text = String(rounded)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text + " " + unit
    }
}
