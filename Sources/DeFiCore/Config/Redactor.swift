/// Hides secrets before a value is shown: API keys, and the key-bearing parts of URLs.
public enum Redactor {
    /// The text that replaces a secret.
    public static let mask = "<redacted>"

    /// True for config keys whose values are secrets (`api_key`, `*_secret`, `password`…).
    public static func isSecretKey(_ key: String) -> Bool {
        let k = key.lowercased()
        return k == "api_key" || k.hasSuffix("_key") || k.contains("secret") || k.contains("password") || k == "token"
    }

    /// A URL with its userinfo, query values and key-like path segments masked.
    ///
    /// `https://eth-mainnet.g.alchemy.com/v2/abcDEF123…` becomes `https://eth-mainnet.g.alchemy.com/v2/<redacted>`.
    public static func redactURL(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let scheme = String(url[..<schemeEnd.upperBound])
        var rest = Substring(url[schemeEnd.upperBound...])
        var fragment = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = "#" + mask
            rest = rest[..<hash]
        }
        var query = ""
        if let q = rest.firstIndex(of: "?") {
            let items = rest[rest.index(after: q)...].split(separator: "&", omittingEmptySubsequences: false)
            query = "?" + items.map { item in
                guard let eq = item.firstIndex(of: "=") else { return mask }
                return String(item[...eq]) + mask
            }.joined(separator: "&")
            rest = rest[..<q]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = String(rest[..<slash])
        if let at = authority.lastIndex(of: "@") {
            authority = mask + "@" + String(authority[authority.index(after: at)...])
        }
        let path = rest[slash...].split(separator: "/", omittingEmptySubsequences: false).map { segment in
            looksLikeKey(segment) ? mask : String(segment)
        }.joined(separator: "/")
        return scheme + authority + path + query + fragment
    }

    /// Long runs of letters, digits, `-` and `_` with at least one digit: the shape of provider API keys.
    static func looksLikeKey(_ segment: Substring) -> Bool {
        segment.count >= 16 && segment.contains(where: \.isASCIIDigit)
            && segment.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// The tree with every secret-keyed scalar masked and every URL redacted.
    public static func redact(_ node: ConfigNode, key: String = "") -> ConfigNode {
        switch node {
        case .null: return .null
        case .scalar(let text, let quoted):
            if isSecretKey(key) { return .scalar(mask, quoted: true) }
            return text.contains("://") ? .scalar(redactURL(text), quoted: quoted) : node
        case .sequence(let items): return .sequence(items.map { redact($0, key: key) })
        case .mapping(let pairs):
            return .mapping(pairs.map { ConfigNode.Pair(key: $0.key, value: redact($0.value, key: $0.key)) })
        }
    }
}
