/// One JSON-RPC endpoint: its URL (kept private to the transport) and the redacted form used in every message.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// The full URL, possibly with an API key; never put it in a message, use `redacted`.
    public let url: String
    /// The URL with API keys, tokens and userinfo replaced by `***`.
    public let redacted: String

    /// An endpoint from a URL string; throws when it is not an http(s) URL.
    public init(_ url: String) throws(RPCError) {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), url.count > 7,
            !url.contains(where: { $0 == " " || $0 == "\n" })
        else {
            throw .invalidEndpoint(Endpoint.redact(url), hint: "an RPC URL starts with http:// or https://")
        }
        self.url = url
        self.redacted = Endpoint.redact(url)
    }

    /// The redacted URL.
    public var description: String { redacted }

    /// Redacts userinfo, path segments after `/v2/` or `/v3/`, long token-like path segments and every query value.
    public static func redact(_ url: String, mask: String = "***") -> String {
        var rest = Substring(url)
        var scheme = ""
        if let r = rest.range(of: "://") {
            scheme = String(rest[..<r.upperBound])
            rest = rest[r.upperBound...]
        }
        var fragment = ""
        if let h = rest.firstIndex(of: "#") {
            fragment = "#" + mask
            rest = rest[..<h]
        }
        var query: Substring? = nil
        if let q = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<slash]
        let path = rest[slash...]
        if let at = authority.lastIndex(of: "@") { authority = Substring(mask + "@") + authority[authority.index(after: at)...] }

        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var afterVersion = false
        for i in segments.indices {
            let s = segments[i]
            if afterVersion && !s.isEmpty {
                segments[i] = mask
            } else if looksLikeToken(s) {
                segments[i] = mask
            }
            if ["v1", "v2", "v3", "rpc"].contains(s.lowercased()) && i > 0 { afterVersion = s.lowercased() != "rpc" }
        }
        var out = scheme + authority + segments.joined(separator: "/")
        if let query {
            // Every query value is masked: providers put keys under many names (apikey, key, token, auth...).
            let parts = query.split(separator: "&", omittingEmptySubsequences: false).map { part -> String in
                guard let eq = part.firstIndex(of: "=") else { return part.isEmpty ? "" : mask }
                return part[..<eq] + "=" + mask
            }
            out += "?" + parts.joined(separator: "&")
        }
        return out + fragment
    }

    /// Redacts every http(s) URL inside a free-text message (error strings from libcurl or a node).
    public static func redactURLs(in text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let r = rest.range(of: "http", options: .caseInsensitive) {
            let tail = rest[r.lowerBound...]
            let lower = tail.prefix(8).lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
                out += rest[..<r.upperBound]
                rest = rest[r.upperBound...]
                continue
            }
            out += rest[..<r.lowerBound]
            let end = tail.firstIndex(where: { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\n" || $0 == ")" })
                ?? tail.endIndex
            out += redact(String(tail[..<end]))
            rest = tail[end...]
        }
        return out + rest
    }

    // Provider keys are long alphanumeric runs (Infura 32 hex, Alchemy 32 chars, QuickNode 40 hex).
    private static func looksLikeToken(_ s: String) -> Bool {
        guard s.count >= 20 else { return false }
        let alnum = s.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_"
        }
        let digits = s.unicodeScalars.filter { $0 >= "0" && $0 <= "9" }.count
        return alnum && digits >= 3
    }
}
