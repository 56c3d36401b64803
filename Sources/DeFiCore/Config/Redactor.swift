import Chain

/// Hides secrets before a value is shown: API keys, and the key-bearing parts of URLs.
public enum Redactor {
    /// The text that replaces a secret.
    public static let mask = "<redacted>"

    /// True for config keys whose values are secrets (`api_key`, `*_secret`, `password`…).
    public static func isSecretKey(_ key: String) -> Bool {
        let k = key.lowercased()
        return k == "api_key" || k.hasSuffix("_key") || k.contains("secret") || k.contains("password") || k == "token"
    }

    /// A URL with its userinfo, the path after a `/v2/`-style version segment, key-like path segments and
    /// secret query values masked (the same rules the RPC client uses in its errors).
    ///
    /// `https://eth-mainnet.g.alchemy.com/v2/abcDEF123…` becomes `https://eth-mainnet.g.alchemy.com/v2/<redacted>`.
    public static func redactURL(_ url: String) -> String { Endpoint.redact(url, mask: mask) }

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
