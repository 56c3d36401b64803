import DeFiCore
import Foundation

/// The one rendering seam: a report or an error goes out as a human table, CSV, or the JSON envelope.
struct Renderer {
    var display: DisplayOptions

    /// Writes `report` on stdout in the chosen format.
    func emit(_ report: some Report) throws {
        switch display.format {
        case .human: Diagnostics.writeOutput(report.humanText(style: TextStyle(mode: display.color, fd: 1)))
        case .csv: Diagnostics.writeOutput(Table(columns: report.columns, rows: report.rows).csv)
        case .json:
            let envelope = Envelope(data: report, error: nil, warnings: Diagnostics.shared.warnings)
            Diagnostics.writeOutput(try Self.json(envelope))
        }
    }

    /// Reports a failure: the one-line error on stderr, and with `--json` the failed envelope on stdout.
    static func fail(code: String, label: String, message: String, hint: String?, exitCode: Int32, json: Bool) {
        Diagnostics.shared.error(label: label, message: message, hint: hint)
        guard json else { return }
        let error = ErrorView(code: code, message: message, hint: hint, exitCode: exitCode)
        let envelope = Envelope<NoData>(data: nil, error: error, warnings: Diagnostics.shared.warnings)
        if let text = try? Renderer.json(envelope) { Diagnostics.writeOutput(text) }
    }

    /// Sorted keys, unescaped slashes, pretty-printed, one trailing newline.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
