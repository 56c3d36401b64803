/// A JSON-shaped value for key-value reports: strings, integers, booleans, null, lists and ordered objects.
indirect enum FieldValue: Encodable {
    case string(String), number(UInt64), bool(Bool), null, list([FieldValue]), object(Fields)

    /// Optional text: the string, or null.
    static func text(_ s: String?) -> FieldValue { s.map(FieldValue.string) ?? .null }

    /// Optional number: the number, or null.
    static func int(_ n: UInt64?) -> FieldValue { n.map(FieldValue.number) ?? .null }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        case .list(let items): try c.encode(items)
        case .object(let fields): try c.encode(fields)
        }
    }

    /// One-line text for humans: bare strings and numbers, `-` for null, JSON-like lists and objects.
    var humanText: String {
        switch self {
        case .string(let s): s
        case .number(let n): "\(n)"
        case .bool(let b): b ? "true" : "false"
        case .null: "-"
        case .list(let items): "[" + items.map(\.humanText).joined(separator: ", ") + "]"
        case .object(let f): "{" + f.pairs.map { "\($0.0): \($0.1.humanText)" }.joined(separator: ", ") + "}"
        }
    }
}

/// Ordered key-value pairs: a JSON object (keys sorted by the encoder) and aligned `key  value` lines for humans.
struct Fields: Encodable {
    var pairs: [(String, FieldValue)]

    init(_ pairs: [(String, FieldValue)]) { self.pairs = pairs }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for (k, v) in pairs { try c.encode(v, forKey: Key(stringValue: k)) }
    }

    /// `key  value` lines, keys padded to one width, in the given order.
    var aligned: String {
        let width = pairs.map(\.0.count).max() ?? 0
        return pairs.map { k, v in k + String(repeating: " ", count: width - k.count + 2) + v.humanText }
            .joined(separator: "\n") + "\n"
    }

    /// The pairs as CSV columns (`key`) and one row (`value`).
    var columns: [String] { pairs.map(\.0) }
    var row: [String] { pairs.map { $0.1.humanText } }
}
