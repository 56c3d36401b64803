/// A raw configuration tree: what the YAML said, before any validation, with every scalar kept as its text.
///
/// Numbers stay text so money never passes through `Double`; the validator reads each leaf at its key path.
public indirect enum ConfigNode: Sendable, Equatable {
    /// An explicit null (`null`, `~`, or an empty value).
    case null
    /// A scalar as written; `quoted` is true for `'…'` and `"…"` scalars.
    case scalar(String, quoted: Bool)
    /// A list.
    case sequence([ConfigNode])
    /// A mapping with its keys in file order.
    case mapping([Pair])

    /// One key and its value in a mapping.
    public struct Pair: Sendable, Equatable {
        /// The key text.
        public var key: String
        /// The value under the key.
        public var value: ConfigNode

        /// Pairs a key with its value.
        public init(key: String, value: ConfigNode) {
            self.key = key
            self.value = value
        }
    }

    /// An empty mapping.
    public static let emptyMapping = ConfigNode.mapping([])

    /// The value under `key` when this is a mapping.
    public subscript(key: String) -> ConfigNode? {
        guard case .mapping(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// The value at a key path below this node.
    public func value(at path: [String]) -> ConfigNode? {
        var node = self
        for key in path {
            guard let next = node[key] else { return nil }
            node = next
        }
        return node
    }

    /// This tree with `value` at `path`, creating mappings on the way and replacing what was there.
    public func setting(_ value: ConfigNode, at path: [String]) -> ConfigNode {
        guard let key = path.first else { return value }
        var pairs: [Pair] = []
        if case .mapping(let existing) = self { pairs = existing }
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            pairs[index].value = pairs[index].value.setting(value, at: Array(path.dropFirst()))
        } else {
            pairs.append(Pair(key: key, value: ConfigNode.emptyMapping.setting(value, at: Array(path.dropFirst()))))
        }
        return .mapping(pairs)
    }

    /// The key paths of every leaf (scalar, null, list, or empty mapping) below this node, in tree order.
    public func leafPaths(prefix: [String] = []) -> [[String]] {
        guard case .mapping(let pairs) = self, !pairs.isEmpty else { return [prefix] }
        return pairs.flatMap { $0.value.leafPaths(prefix: prefix + [$0.key]) }
    }

    /// A short rendering of a leaf for error messages: `"high"`, `12`, `a list`, `a mapping`, `null`.
    public var shortDescription: String {
        switch self {
        case .null: "null"
        case .scalar(let text, _): "\"\(text)\""
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
