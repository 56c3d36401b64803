/// Reads one mapping of the raw tree at a key path: rejects unknown keys and parses leaves into typed values.
///
/// `origins` names the env var or flag a leaf came from, so an overridden bad value says where it came from.
struct ConfigFields {
    let path: String
    let values: [String: ConfigNode]
    let origins: [String: String]
    let addressRule: AddressRule

    /// Reads the mapping at `path`, failing on keys outside `known` (nil: any key is allowed).
    init(_ node: ConfigNode?, path: String, known: [String]?, origins: [String: String], addressRule: AddressRule)
        throws(ConfigError)
    {
        self.path = path
        self.origins = origins
        self.addressRule = addressRule
        var values: [String: ConfigNode] = [:]
        switch node {
        case nil, .null?:
            break
        case .mapping(let pairs)?:
            for pair in pairs {
                if let known, !known.contains(pair.key) {
                    throw .unknownKey(path: "\(path).\(pair.key)", suggestion: Self.closest(to: pair.key, in: known))
                }
                values[pair.key] = pair.value
            }
        case let other?:
            throw .invalidValue(path: path, expected: "a mapping", got: other.shortDescription, origin: nil)
        }
        self.values = values
    }

    /// The keys present, sorted.
    var keys: [String] { values.keys.sorted() }

    /// The full path of `key`.
    func child(_ key: String) -> String { "\(path).\(key)" }

    /// The nested mapping under `key`.
    func mapping(_ key: String, known: [String]?) throws(ConfigError) -> ConfigFields {
        try ConfigFields(values[key], path: child(key), known: known, origins: origins, addressRule: addressRule)
    }

    /// A scalar's text, or nil when absent or null.
    func text(_ key: String, expected: String) throws(ConfigError) -> String? {
        switch values[key] {
        case nil, .null?: return nil
        case .scalar(let text, _)?: return text
        case let other?: throw invalid(key, expected: expected, got: other.shortDescription)
        }
    }

    /// A non-empty string.
    func string(_ key: String) throws(ConfigError) -> String? {
        guard let text = try text(key, expected: "a string") else { return nil }
        if text.isEmpty { throw invalid(key, expected: "a non-empty string", got: "\"\"") }
        return text
    }

    /// An exact non-negative decimal, optionally capped at `maximum`.
    func decimal(_ key: String, maximum: ExactDecimal? = nil, expected: String = "a non-negative decimal number")
        throws(ConfigError) -> ExactDecimal?
    {
        guard let text = try text(key, expected: expected) else { return nil }
        guard let value = ExactDecimal(text), maximum.map({ !(value > $0) }) ?? true else {
            throw invalid(key, expected: expected, got: "\"\(text)\"")
        }
        return value
    }

    /// A whole number in `range`.
    func integer(_ key: String, in range: ClosedRange<UInt64>, expected: String) throws(ConfigError) -> UInt64? {
        guard let text = try text(key, expected: expected) else { return nil }
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit), let value = UInt64(text), range.contains(value) else {
            throw invalid(key, expected: expected, got: "\"\(text)\"")
        }
        return value
    }

    /// A small whole number in `range`, as `Int`.
    func int(_ key: String, in range: ClosedRange<Int>, expected: String) throws(ConfigError) -> Int? {
        let wide = UInt64(range.lowerBound)...UInt64(range.upperBound)
        return try integer(key, in: wide, expected: expected).map { Int($0) }
    }

    /// An address checked by the configured ``AddressRule``.
    func address(_ key: String) throws(ConfigError) -> String? {
        guard let text = try text(key, expected: addressRule.expected) else { return nil }
        if let expected = addressRule.rejection(text) { throw invalid(key, expected: expected, got: "\"\(text)\"") }
        return text
    }

    /// A 32-byte hash, `0x` plus 64 hex digits.
    func hash32(_ key: String) throws(ConfigError) -> String? {
        let expected = "a 0x-prefixed 32-byte hex hash"
        guard let text = try text(key, expected: expected) else { return nil }
        guard AddressRule.isPrefixedHex(text, digits: 64) else {
            throw invalid(key, expected: expected, got: "\"\(text)\"")
        }
        return text
    }

    /// A URL with one of `schemes` and a host.
    func url(_ key: String, schemes: [String] = ["http", "https", "ws", "wss"]) throws(ConfigError) -> String? {
        guard let text = try text(key, expected: "a URL") else { return nil }
        try checkURL(text, path: child(key), schemes: schemes)
        return text
    }

    /// A list of URLs.
    func urls(_ key: String) throws(ConfigError) -> [String] {
        switch values[key] {
        case nil, .null?: return []
        case .sequence(let items)?:
            var out: [String] = []
            for (index, item) in items.enumerated() {
                let itemPath = "\(child(key))[\(index)]"
                guard case .scalar(let text, _) = item else {
                    throw .invalidValue(path: itemPath, expected: "a URL", got: item.shortDescription, origin: nil)
                }
                try checkURL(text, path: itemPath, schemes: ["http", "https", "ws", "wss"])
                out.append(text)
            }
            return out
        case .scalar(let text, _)?:
            try checkURL(text, path: child(key), schemes: ["http", "https", "ws", "wss"])
            return [text]
        case let other?:
            throw invalid(key, expected: "a list of URLs", got: other.shortDescription)
        }
    }

    /// A list of addresses.
    func addresses(_ key: String) throws(ConfigError) -> [String] {
        switch values[key] {
        case nil, .null?: return []
        case .sequence(let items)?:
            var out: [String] = []
            for (index, item) in items.enumerated() {
                guard case .scalar(let text, _) = item, addressRule.accepts(text) else {
                    var expected = addressRule.expected
                    if case .scalar(let text, _) = item { expected = addressRule.rejection(text) ?? expected }
                    throw .invalidValue(
                        path: "\(child(key))[\(index)]", expected: expected, got: item.shortDescription, origin: nil)
                }
                out.append(text)
            }
            return out
        case let other?:
            throw invalid(key, expected: "a list of addresses", got: other.shortDescription)
        }
    }

    /// A ``ConfigError/invalidValue(path:expected:got:origin:)`` for `key`.
    func invalid(_ key: String, expected: String, got: String) -> ConfigError {
        .invalidValue(path: child(key), expected: expected, got: got, origin: origins[child(key)])
    }

    private func checkURL(_ text: String, path: String, schemes: [String]) throws(ConfigError) {
        let expected = "a URL starting with " + schemes.map { "\($0)://" }.joined(separator: ", ")
        guard let range = text.range(of: "://"), schemes.contains(text[..<range.lowerBound].lowercased()),
            range.upperBound < text.endIndex, !text.contains(" ")
        else {
            throw .invalidValue(
                path: path, expected: expected, got: "\"\(Redactor.redactURL(text))\"", origin: origins[path])
        }
    }

    /// The known key nearest to `key` by edit distance, when it is close enough to be a typo.
    static func closest(to key: String, in known: [String]) -> String? {
        let scored = known.map { ($0, editDistance(key, $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(2, key.count / 4) else { return nil }
        return best
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
