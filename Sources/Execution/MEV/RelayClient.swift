import Chain
import Primitives

/// POSTs a body with extra headers; the seam between the relay/API clients and libcurl (tests use the real one).
public protocol HTTPPoster: Sendable {
    /// POSTs `body` to `url` with `headers`; throws only transport failures, never on a status.
    func post(_ body: [UInt8], url: String, headers: [(String, String)], timeout: Duration, label: String)
        throws(RPCError) -> HTTPReply
}

extension CurlTransport: HTTPPoster {}

/// Why a relay or builder call failed; every message is safe to print (URL redacted, no key material).
public enum RelayError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No reply (connect refused, timeout).
    case transport(RPCError)
    /// A non-2xx status with the relay's message (`{"error": "…"}` bodies, e.g. 403 `error in signature check`).
    case http(status: Int, message: String, builder: String)
    /// A JSON-RPC error object.
    case rpc(code: Int, message: String, builder: String)
    /// The reply was not what the method returns.
    case malformedReply(String, builder: String)
    /// The authentication key could not sign.
    case signer(SignerError)

    /// A stable short code.
    public var code: String {
        switch self {
        case .transport: return "relay.transport"
        case .http: return "relay.http"
        case .rpc: return "relay.rpc"
        case .malformedReply: return "relay.malformed_reply"
        case .signer: return "relay.signer"
        }
    }

    /// A lower-case one-line description.
    public var description: String {
        switch self {
        case .transport(let e): return e.description
        case .http(let status, let message, let builder): return "http \(status) from \(builder): \(message)"
        case .rpc(let code, let message, let builder): return "\(builder) refused: \(message) (code \(code))"
        case .malformedReply(let what, let builder): return "malformed reply from \(builder): \(what)"
        case .signer(let e): return "cannot sign the relay request: \(e)"
        }
    }
}

/// One builder or relay endpoint speaking the Flashbots bundle JSON-RPC, every request signed with the
/// `X-Flashbots-Signature` header over the exact bytes sent.
public struct RelayClient: Sendable {
    /// The endpoint URL (may carry a key; only `label` is ever shown).
    public let url: String
    /// The URL with secrets masked, for messages and reports.
    public let label: String
    /// The relay-authentication signer (a reputation key, not the trading key).
    public let authSigner: any Signer
    /// The HTTP transport.
    public let transport: any HTTPPoster
    /// Timeout per request.
    public let timeout: Duration

    /// A client for `url` signing with `authSigner`.
    public init(
        url: String, authSigner: any Signer, transport: any HTTPPoster = CurlTransport(),
        timeout: Duration = .seconds(10)
    ) {
        self.url = url
        self.label = Endpoint.redact(url)
        self.authSigner = authSigner
        self.transport = transport
        self.timeout = timeout
    }

    /// Sends one signed JSON-RPC body and returns its `result`.
    public func send(_ body: [UInt8], method: String) throws(RelayError) -> JSONValue {
        let header: String
        do { header = try FlashbotsAuth.header(for: body, signer: authSigner) } catch { throw .signer(error) }
        let reply: HTTPReply
        do {
            reply = try transport.post(
                body, url: url, headers: [(FlashbotsAuth.headerName, header)], timeout: timeout, label: label)
        } catch { throw .transport(error) }
        let parsed = try? JSONValue(parsing: String(decoding: reply.body, as: UTF8.self))
        guard (200..<300).contains(reply.status) else {
            throw .http(status: reply.status, message: Self.message(parsed, reply.body), builder: label)
        }
        guard let parsed else { throw .malformedReply("not json", builder: label) }
        if let err = parsed["error"] {
            if case .string(let s) = err { throw .rpc(code: 0, message: s, builder: label) }
            var code = 0
            if case .number(let n)? = err["code"] { code = Int(n) ?? 0 }
            var message = "no message"
            if case .string(let m)? = err["message"] { message = m }
            throw .rpc(code: code, message: message, builder: label)
        }
        guard let result = parsed["result"], result != .null else {
            throw .malformedReply("\(method) reply has no result", builder: label)
        }
        return result
    }

    /// `eth_callBundle` for `block` on the latest state.
    public func callBundle(_ bundle: FlashbotsBundle, block: UInt64) throws(RelayError) -> BundleSimulation {
        let result = try send(BundleRPC.callBundleBody(bundle, block: block), method: "eth_callBundle")
        do { return try BundleRPC.parseCallBundle(result) } catch {
            throw .malformedReply(error.description, builder: label)
        }
    }

    /// `eth_sendBundle` for `block`; returns the bundle hash.
    public func sendBundle(_ bundle: FlashbotsBundle, block: UInt64) throws(RelayError) -> Hash32 {
        let result = try send(BundleRPC.sendBundleBody(bundle, block: block), method: "eth_sendBundle")
        do { return try BundleRPC.parseSendBundle(result) } catch {
            throw .malformedReply(error.description, builder: label)
        }
    }

    static func message(_ parsed: JSONValue?, _ body: [UInt8]) -> String {
        if case .string(let s)? = parsed?["error"] { return s }
        if case .string(let s)? = parsed?["error"]?["message"] { return s }
        return String(decoding: body.prefix(120), as: UTF8.self)
    }
}
