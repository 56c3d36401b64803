import DeFiCore

/// `defi abi decode`: one value per line for humans (as cast prints them); types and values in JSON.
struct ABIDecodeReport: Report {
    var result: ABIDecodeResult

    enum CodingKeys: String, CodingKey { case types, values }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(result.types.map(\.description), forKey: .types)
        try c.encode(result.values.map(ABIValueView.field), forKey: .values)
    }

    var columns: [String] { ["index", "type", "value"] }
    var rows: [[String]] {
        zip(result.types, result.values).enumerated().map { i, pair in
            ["\(i)", pair.0.description, ABIValueView.field(pair.1).humanText]
        }
    }

    func humanText(style: TextStyle) -> String { result.values.map { $0.description + "\n" }.joined() }
}
