/// A command's result: encodable for `--json` (through a snake_case view), a table for `--csv`, text for humans.
protocol Report: Encodable {
    /// The CSV header row.
    var columns: [String] { get }
    /// The CSV data rows, one string per column.
    var rows: [[String]] { get }
    /// The human form; defaults to an aligned table of ``columns`` and ``rows``.
    func humanText(style: TextStyle) -> String
}

extension Report {
    func humanText(style: TextStyle) -> String { Table(columns: columns, rows: rows).aligned(style: style) }
}
