import Primitives

/// Why a JSON-RPC call failed; every message is safe to print (URLs redacted, no key material).
public enum RPCError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No endpoint was configured.
    case noEndpoint
    /// The endpoint URL is unusable.
    case invalidEndpoint(String, hint: String)
    /// libcurl failed before an HTTP reply (connect refused, reset, DNS); `code` is the CURLcode.
    case transport(code: Int, message: String, endpoint: String)
    /// The server answered with a non-2xx HTTP status.
    case http(status: Int, bodyPrefix: String, endpoint: String)
    /// The node answered with a JSON-RPC error object.
    case rpc(code: Int, message: String, data: String?, method: String)
    /// The reply was not the JSON-RPC we asked for (garbled JSON, missing id, a bad hex quantity).
    case malformedReply(what: String, bodyPrefix: String)
    /// The call (or the whole retry budget, when `endpoint` is "all endpoints") ran out of time.
    case timeout(after: Duration, endpoint: String)
    /// The endpoint serves another chain than the configured one.
    case chainIDMismatch(expected: UInt64, got: UInt64, endpoint: String)

    /// A stable short code for the JSON envelope and the history store.
    public var code: String {
        switch self {
        case .noEndpoint: return "rpc.no_endpoint"
        case .invalidEndpoint: return "rpc.invalid_endpoint"
        case .transport: return "rpc.transport"
        case .http: return "rpc.http"
        case .rpc: return "rpc.error"
        case .malformedReply: return "rpc.malformed_reply"
        case .timeout: return "rpc.timeout"
        case .chainIDMismatch: return "rpc.chain_id_mismatch"
        }
    }

    /// A lower-case one-line description with the evidence and, where the user can act, a hint.
    public var description: String {
        switch self {
        case .noEndpoint:
            return "no rpc endpoint configured (set ETH_RPC_URL or pass --rpc-url)"
        case .invalidEndpoint(let url, let hint):
            return "invalid rpc url \(url) (\(hint))"
        case .transport(let code, let message, let endpoint):
            return "cannot reach \(endpoint): \(message.lowercasedFirst) (curl \(code)); check the url and the network"
        case .http(let status, let body, let endpoint):
            let hint = status == 401 || status == 403 ? "; check the api key" : status == 429 ? "; rate limited" : ""
            return "http \(status) from \(endpoint): \(body.debugQuoted)\(hint)"
        case .rpc(let code, let message, let data, let method):
            return "\(method) failed: \(message.lowercasedFirst) (code \(code))" + (data.map { ", data \($0)" } ?? "")
        case .malformedReply(let what, let body):
            return "malformed rpc reply: \(what); body starts \(body.debugQuoted)"
        case .timeout(let after, let endpoint):
            return "no reply from \(endpoint) within \(after.shortDescription)"
        case .chainIDMismatch(let expected, let got, let endpoint):
            return "\(endpoint) serves chain id \(got), expected \(expected); check --rpc-url and --chain"
        }
    }

    /// Whether a retry (here or on another endpoint) may succeed: connect failures, timeouts, 429/502/503/504,
    /// -32005 limit exceeded, "header not found". Never a revert (3), a nonce or fee refusal, or invalid params.
    public var isTransient: Bool {
        switch self {
        case .transport(let code, _, _):
            return code != 1 && code != 3  // unsupported protocol, malformed URL: retrying cannot help
        case .timeout: return true
        case .http(let status, _, _): return [408, 429, 502, 503, 504].contains(status)
        case .rpc(let code, let message, _, _):
            if code == 3 || code == -32602 || code == -32601 || code == -32600 || code == -32700 { return false }
            let m = message.lowercased()
            if code == -32005 && !m.contains("query returned more than") && !m.contains("block range") { return true }
            return m.contains("header not found") || m.contains("limit exceeded") && !m.contains("range")
                || m.contains("too many requests")
        default: return false
        }
    }

    /// Whether the failure is about this endpoint (so the next call should prefer another one).
    public var blamesEndpoint: Bool {
        switch self {
        case .transport, .timeout, .http: return isTransient
        case .rpc: return isTransient
        default: return false
        }
    }

    /// The revert payload when this is an EVM revert (code 3, or a message starting "execution reverted").
    public var revertData: [UInt8]? {
        guard case .rpc(let code, let message, let data, _) = self else { return nil }
        guard code == 3 || message.lowercased().hasPrefix("execution reverted") else { return nil }
        guard let data else { return [] }
        var text = Substring(data)
        if text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2 { text = text.dropFirst().dropLast() }
        return (try? Hex.decode(text)) ?? []
    }
}

extension String {
    var lowercasedFirst: String {
        guard let f = first else { return self }
        return f.lowercased() + dropFirst()
    }

    var debugQuoted: String {
        var s = ""
        for u in unicodeScalars {
            switch u {
            case "\n": s += "\\n"
            case "\r": s += "\\r"
            case "\t": s += "\\t"
            case "\"": s += "\\\""
            default: s.unicodeScalars.append(u.value < 0x20 ? "?" : u)
            }
        }
        return "\"" + s + "\""
    }

    /// The first `n` characters of a body, redacted of URLs, for evidence in error messages.
    static func bodyPrefix(_ bytes: [UInt8], _ n: Int = 120) -> String {
        Endpoint.redactURLs(in: String(decoding: bytes.prefix(n), as: UTF8.self))
    }
}

extension Duration {
    var shortDescription: String {
        let ms = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
        return ms % 1000 == 0 ? "\(ms / 1000)s" : "\(ms)ms"
    }

    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
