// The HTTP exchange shared by both clients: URL with an encoded query, auth headers, status → typed error, a
// bounded retry on 429 honouring Retry-After, and the body parsed as JSON.
import Chain
import Foundation
import Primitives

/// Sends one GET for a client and maps every failure to ``AggregatorError``.
struct AggregatorHTTP: Sendable {
    let settings: AggregatorSettings
    let transport: any HTTPGetTransport

    var name: String { settings.kind.displayName }

    /// `base + path + ?query` with RFC 3986 unreserved characters kept and everything else percent-encoded.
    func url(_ path: String, _ query: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let q = query.map { k, v in
            (k.addingPercentEncoding(withAllowedCharacters: allowed) ?? k) + "="
                + (v.addingPercentEncoding(withAllowedCharacters: allowed) ?? v)
        }.joined(separator: "&")
        return settings.baseURL + path + (q.isEmpty ? "" : "?" + q)
    }

    /// GETs `path` and returns the JSON body of a 200; 429 is retried up to `maxAttempts` times.
    func get(_ path: String, _ query: [(String, String)], headers: [(String, String)]) async throws(AggregatorError)
        -> JSONValue
    {
        let target = url(path, query)
        let label = "\(name) \(Endpoint.redact(settings.baseURL))\(path)"
        var attempt = 0
        while true {
            attempt += 1
            let reply: HTTPResponse
            do {
                reply = try transport.get(target, headers: headers, timeout: settings.timeout, label: label)
            } catch { throw .unreachable(aggregator: name, error) }
            switch reply.status {
            case 200..<300:
                let text = String(decoding: reply.body, as: UTF8.self)
                do { return try JSONValue(parsing: text) } catch {
                    throw .malformed(
                        aggregator: name,
                        what: "\(error); body starts \(String(text.prefix(80)).debugQuotedForAggregator)")
                }
            case 429:
                let wait = Duration.seconds(reply.retryAfterSeconds ?? 1)
                guard attempt < settings.maxAttempts, wait <= settings.maxRetryAfter else {
                    throw .rateLimited(aggregator: name, attempts: attempt)
                }
                do { try await Task.sleep(for: wait) } catch { throw .rateLimited(aggregator: name, attempts: attempt) }
            case 401, 403:
                throw .unauthorized(aggregator: name, status: reply.status)
            case 400..<500:
                throw .badRequest(aggregator: name, description: Self.errorDescription(reply))
            default:
                throw .server(
                    aggregator: name, status: reply.status,
                    bodyPrefix: String(String(decoding: reply.body.prefix(120), as: UTF8.self)))
            }
        }
    }

    /// The API's own error text: 1inch `{error, description, statusCode, meta}`, 0x v2 `{name, message,
    /// data.details[{field, reason}]}`, 0x v1 `{code, reason, validationErrors[{field, reason}]}`.
    static func errorDescription(_ reply: HTTPResponse) -> String {
        let text = String(decoding: reply.body, as: UTF8.self)
        guard let json = try? JSONValue(parsing: text) else {
            return "http \(reply.status) \(String(text.prefix(120)).debugQuotedForAggregator)"
        }
        func s(_ v: JSONValue?) -> String? { if case .string(let x)? = v { x } else { nil } }
        var parts: [String] = []
        if let d = s(json["description"]) { parts.append(d) }
        if let n = s(json["name"]) { parts.append(n) }
        if let m = s(json["message"]) { parts.append(m) }
        if parts.isEmpty, let r = s(json["reason"]) { parts.append(r) }
        if parts.isEmpty, let e = s(json["error"]) { parts.append(e) }
        var details: [JSONValue] = []
        if case .array(let a)? = json["data"]?["details"] { details = a }
        if case .array(let a)? = json["validationErrors"] { details += a }
        for d in details {
            if let f = s(d["field"]), let r = s(d["reason"]) { parts.append("\(f): \(r)") }
        }
        return parts.isEmpty ? "http \(reply.status)" : parts.joined(separator: "; ")
    }
}

/// Field readers that turn a missing or mistyped member into ``AggregatorError/malformed(aggregator:what:)``.
struct AggregatorJSON {
    let name: String

    func string(_ v: JSONValue?, _ what: String) throws(AggregatorError) -> String {
        switch v {
        case .string(let s)?: return s
        case .number(let n)?: return n
        default: throw .malformed(aggregator: name, what: "\(what) missing or not a string")
        }
    }

    func amount(_ v: JSONValue?, _ what: String) throws(AggregatorError) -> U256 {
        let s = try string(v, what)
        guard !s.isEmpty, s.allSatisfy(\.isASCII), s.allSatisfy(\.isNumber), let n = try? U256(decimalDigits: s) else {
            throw .malformed(aggregator: name, what: "\(what) \"\(s)\" is not a decimal integer")
        }
        return n
    }

    func optionalAmount(_ v: JSONValue?, _ what: String) throws(AggregatorError) -> U256? {
        guard let v, v != .null else { return nil }
        return try amount(v, what)
    }

    func gas(_ v: JSONValue?, _ what: String) throws(AggregatorError) -> UInt64? {
        guard let v, v != .null else { return nil }
        let n = try amount(v, what)
        guard n <= U256(UInt64.max) else { throw .malformed(aggregator: name, what: "\(what) is out of range") }
        return UInt64(truncatingIfNeeded: n)
    }

    func address(_ v: JSONValue?, _ what: String) throws(AggregatorError) -> Address {
        let s = try string(v, what)
        do { return try Address(parsing: s) } catch {
            throw .malformed(aggregator: name, what: "\(what) \"\(s)\" is not an address")
        }
    }

    func bytes(_ v: JSONValue?, _ what: String) throws(AggregatorError) -> [UInt8] {
        let s = try string(v, what)
        do { return try Hex.decode(s) } catch { throw .malformed(aggregator: name, what: "\(what) is not hex data") }
    }

    /// A quantity that may be decimal (`"0"`) or 0x-hex.
    func quantity(_ v: JSONValue?, _ what: String) throws(AggregatorError) -> U256 {
        let s = try string(v, what)
        if s.hasPrefix("0x") {
            guard let n = try? U256(parsing: s) else { throw .malformed(aggregator: name, what: "\(what) \"\(s)\"") }
            return n
        }
        return try amount(v, what)
    }
}
