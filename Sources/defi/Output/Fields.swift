/// A JSON-shaped value for key-value reports: strings, integers, booleans, null, lists and ordered objects.
enum FieldValue: Encodable {
    case string(String), number(UInt64), bool(Bool), null, list([FieldValue]), object([FieldPair])

    /// Optional text: the string, or null.
    static func text(_ s: String?) -> FieldValue {
        guard let s else { return .null }
        return .string(s)
    }

    /// Optional number: the number, or null.
    static func int(_ n: UInt64?) -> FieldValue {
        guard let n else { return .null }
        return .number(n)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        case .list(let items): try c.encode(items)
        case .object(let pairs): try c.encode(Fields(pairs: pairs))
        }
    }

    /// One-line text for humans: bare strings and numbers, `-` for null, JSON-like lists and objects.
    var humanText: String {
        switch self {
        case .string(let s): return s
        case .number(let n): return "\(n)"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "-"
        case .list(let items): return "[" + items.map(\.humanText).joined(separator: ", ") + "]"
        case .object(let pairs):
            return "{" + pairs.map { "\($0.key): \($0.value.humanText)" }.joined(separator: ", ") + "}"
        }
    }
}

/// One key and its value.
struct FieldPair {
    var key: String
    var value: FieldValue
}

/// Ordered key-value pairs: a JSON object (keys sorted by the encoder) and aligned `key  value` lines for humans.
struct Fields: Encodable {
    var pairs: [FieldPair]

    init(pairs: [FieldPair]) { self.pairs = pairs }

    init(_ pairs: [(String, FieldValue)]) { self.pairs = pairs.map { FieldPair(key: $0.0, value: $0.1) } }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for pair in pairs { try c.encode(pair.value, forKey: Key(stringValue: pair.key)) }
    }

    /// `key  value` lines, keys padded to one width, in the given order.
    var aligned: String {
        let width = pairs.map(\.key.count).max() ?? 0
        return pairs.map { $0.key + String(repeating: " ", count: width - $0.key.count + 2) + $0.value.humanText }
            .joined(separator: "\n") + "\n"
    }

    /// The keys, as CSV columns.
    var columns: [String] { pairs.map(\.key) }
    /// The values as text, as one CSV row.
    var row: [String] { pairs.map(\.value.humanText) }
}
