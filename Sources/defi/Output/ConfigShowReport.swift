import DeFiCore
import Foundation

/// `defi config show`: the merged tree (redacted) and the source of every leaf.
struct ConfigShowReport: Report {
    var file: String?
    var tree: ConfigNode
    var sources: [String: String]

    init(_ loaded: LoadedConfig) {
        file = loaded.file
        tree = Redactor.redact(loaded.effective)
        sources = loaded.sources.mapValues(\.description)
    }

    enum CodingKeys: String, CodingKey { case file, config, sources }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let file { try c.encode(file, forKey: .file) } else { try c.encodeNil(forKey: .file) }
        try c.encode(ConfigNodeView(node: tree), forKey: .config)
        try c.encode(sources, forKey: .sources)
    }

    var columns: [String] { ["key", "value", "source"] }

    var rows: [[String]] {
        tree.leafPaths().map { path in
            let key = path.joined(separator: ".")
            return [key, tree.value(at: path).map(Self.flat) ?? "", sources[key] ?? ""]
        }
    }

    func humanText(style: TextStyle) -> String {
        var out = "# effective configuration from \(file ?? "defaults (no defi.yaml found)")\n"
        emit(tree, path: [], indent: "", into: &out, style: style)
        return out
    }

    private func emit(_ node: ConfigNode, path: [String], indent: String, into out: inout String, style: TextStyle) {
        guard case .mapping(let pairs) = node else { return }
        for pair in pairs {
            let childPath = path + [pair.key]
            if case .mapping(let inner) = pair.value, !inner.isEmpty {
                out += "\(indent)\(pair.key):\n"
                emit(pair.value, path: childPath, indent: indent + "  ", into: &out, style: style)
            } else {
                let source = sources[childPath.joined(separator: ".")] ?? ""
                out += "\(indent)\(pair.key): \(Self.yaml(pair.value))" + style.dim("  # \(source)") + "\n"
            }
        }
    }

    /// A leaf in YAML flow form: numbers bare, strings double-quoted.
    static func yaml(_ node: ConfigNode) -> String {
        switch node {
        case .null: return "null"
        case .scalar(let text, _): return ExactDecimal(text) != nil ? text : quoted(text)
        case .sequence(let items): return "[" + items.map(yaml).joined(separator: ", ") + "]"
        case .mapping: return "{}"
        }
    }

    static func flat(_ node: ConfigNode) -> String {
        switch node {
        case .null: return ""
        case .scalar(let text, _): return text
        case .sequence(let items): return items.map(flat).joined(separator: " ")
        case .mapping: return ""
        }
    }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
    }
}

/// A raw config tree as JSON: mappings as objects, lists as arrays, scalars as strings, null as null.
struct ConfigNodeView: Encodable {
    var node: ConfigNode

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch node {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .scalar(let text, _):
            var c = encoder.singleValueContainer()
            try c.encode(text)
        case .sequence(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(ConfigNodeView(node: item)) }
        case .mapping(let pairs):
            var c = encoder.container(keyedBy: Key.self)
            for pair in pairs { try c.encode(ConfigNodeView(node: pair.value), forKey: Key(stringValue: pair.key)) }
        }
    }
}
