import DeFiCore

/// `defi abi selector`: the selector (topic0 for events) for humans; kind, signature, selector, topic0 in JSON.
struct SignatureHashReport: Report {
    var hash: SignatureHash

    var fields: Fields {
        Fields([
            ("kind", .string(hash.kind)), ("signature", .string(hash.signature)),
            ("selector", .text(hash.selector?.description)), ("topic0", .text(hash.topic0?.description)),
        ])
    }

    func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }
    var columns: [String] { fields.columns }
    var rows: [[String]] { [fields.row] }

    func humanText(style: TextStyle) -> String {
        (hash.kind == "event" ? hash.topic0?.description : hash.selector?.description).map { $0 + "\n" } ?? "\n"
    }
}
