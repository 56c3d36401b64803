/// Columns and rows, rendered aligned for humans or as RFC 4180 CSV.
struct Table {
    var columns: [String]
    var rows: [[String]]

    /// Space-aligned columns with an upper-case header (bold when colour is on).
    func aligned(style: TextStyle) -> String {
        let all = [columns.map { $0.uppercased() }] + rows
        var widths = Array(repeating: 0, count: columns.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        let lines = all.enumerated().map { index, row in
            let text = row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
            return index == 0 ? style.bold(text) : text
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// CSV with a header row; cells holding `,` `"` or newlines are quoted.
    var csv: String {
        ([columns] + rows).map { row in row.map(Self.quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
