import DeFiCore

/// `defi wallet list`: a NAME ADDRESS PATH table; `{"directory": …, "keystores": [{name, address, path}]}` in JSON.
struct KeystoreListReport: Report {
    var directory: String
    var entries: [KeystoreEntry]

    enum CodingKeys: String, CodingKey { case directory, keystores }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(directory, forKey: .directory)
        try c.encode(
            entries.map { e in
                Fields([
                    ("name", .string(e.name)), ("address", .text(e.address?.checksummed)), ("path", .string(e.path)),
                ])
            }, forKey: .keystores)
    }

    var columns: [String] { ["name", "address", "path"] }
    var rows: [[String]] { entries.map { [$0.name, $0.address?.checksummed ?? "-", $0.path] } }

    func humanText(style: TextStyle) -> String {
        entries.isEmpty ? "no keystores in \(directory)\n" : Table(columns: columns, rows: rows).aligned(style: style)
    }
}
