// The only Swift file that imports CCurl (the shim rule).
import CCurl
import Foundation

/// One HTTP reply: the status code and the body bytes.
public struct HTTPReply: Sendable {
    /// HTTP status code.
    public var status: Int
    /// The body as received.
    public var body: [UInt8]

    /// A reply value.
    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}

/// Something that POSTs a JSON body to an endpoint and returns the reply, blocking the calling thread.
public protocol HTTPTransport: Sendable {
    /// POSTs `body` to `endpoint` with a whole-call timeout; throws only transport failures (never on a status).
    func post(_ body: [UInt8], to endpoint: Endpoint, timeout: Duration) throws(RPCError) -> HTTPReply
}

/// libcurl transport: a small pool of easy handles per endpoint so TCP connections are reused across calls.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    // Guarded by `lock`; each easy handle is used by one thread at a time (taken out of the pool while in use).
    private var idle: [String: [UnsafeMutableRawPointer]] = [:]
    private let lock = NSLock()
    private let maxIdlePerEndpoint: Int
    private let connectTimeout: Duration

    private static let globalInit: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    /// A transport keeping at most `maxIdlePerEndpoint` idle connections per endpoint.
    public init(maxIdlePerEndpoint: Int = 8, connectTimeout: Duration = .seconds(5)) {
        _ = CurlTransport.globalInit
        self.maxIdlePerEndpoint = maxIdlePerEndpoint
        self.connectTimeout = connectTimeout
    }

    deinit {
        for handles in idle.values { for h in handles { curl_easy_cleanup(h) } }
    }

    /// The libcurl version string (for diagnostics).
    public static var curlVersion: String { String(cString: curl_version()) }

    /// POSTs a JSON body to `url` with extra request headers (a relay's signature, an API's access key) on a
    /// one-off handle; `label` names the endpoint in errors (never a header value). Never throws on a status.
    public func post(_ body: [UInt8], url: String, headers: [(String, String)], timeout: Duration, label: String)
        throws(RPCError) -> HTTPReply
    {
        guard let handle = curl_easy_init() else {
            throw .transport(code: -1, message: "curl_easy_init failed", endpoint: label)
        }
        defer { curl_easy_cleanup(handle) }
        let sink = Sink()
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        var list: UnsafeMutablePointer<curl_slist>? = nil
        list = curl_slist_append(list, "Content-Type: application/json")
        list = curl_slist_append(list, "Accept: application/json")
        list = curl_slist_append(list, "Expect:")
        for (name, value) in headers { list = curl_slist_append(list, "\(name): \(value)") }
        defer { curl_slist_free_all(list) }
        let timeoutMS = max(1, Int(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
        _ = ccurl_setopt_string(handle, CURLOPT_URL, url)
        _ = ccurl_setopt_long(handle, CURLOPT_POST, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeoutMS)
        _ = ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, min(5000, timeoutMS))
        _ = ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
        _ = ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
        _ = ccurl_setopt_write_fn(handle, curlWrite)
        _ = ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, unmanaged.toOpaque())
        let code: CURLcode = body.withUnsafeBufferPointer { bp in
            let r: CURLcode = bp.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: body.count) { cp in
                    ccurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: cp))
                }
            } ?? ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
            guard r == CURLE_OK else { return r }
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else {
            if code == CURLE_OPERATION_TIMEDOUT { throw .timeout(after: timeout, endpoint: label) }
            throw .transport(code: Int(code.rawValue), message: String(cString: curl_easy_strerror(code)), endpoint: label)
        }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPReply(status: status, body: sink.bytes)
    }

    /// POSTs a JSON body; connection failures and timeouts throw `RPCError.transport` / `.timeout`.
    public func post(_ body: [UInt8], to endpoint: Endpoint, timeout: Duration) throws(RPCError) -> HTTPReply {
        guard let handle = take(endpoint) else {
            throw .transport(code: -1, message: "curl_easy_init failed", endpoint: endpoint.redacted)
        }
        var keep = true
        defer { give(handle, endpoint, keep: keep) }
        let sink = Sink()
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        var headers: UnsafeMutablePointer<curl_slist>? = nil
        headers = curl_slist_append(headers, "Content-Type: application/json")
        headers = curl_slist_append(headers, "Accept: application/json")
        headers = curl_slist_append(headers, "Expect:")
        defer { curl_slist_free_all(headers) }

        let timeoutMS = max(1, Int(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
        let connectMS = max(1, Int(connectTimeout.components.seconds * 1000
            + connectTimeout.components.attoseconds / 1_000_000_000_000_000))
        _ = ccurl_setopt_string(handle, CURLOPT_URL, endpoint.url)
        _ = ccurl_setopt_long(handle, CURLOPT_POST, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeoutMS)
        _ = ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, min(connectMS, timeoutMS))
        _ = ccurl_setopt_long(handle, CURLOPT_TCP_NODELAY, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1)
        _ = ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
        _ = ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
        _ = ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        _ = ccurl_setopt_write_fn(handle, curlWrite)
        _ = ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, unmanaged.toOpaque())
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { eb in
            _ = ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, eb.baseAddress)
            // COPYPOSTFIELDS copies the body, so no buffer has to outlive this call.
            let r: CURLcode = body.withUnsafeBufferPointer { bp in
                bp.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: body.count) { cp in
                        ccurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: cp))
                    }
                } ?? ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
            }
            guard r == CURLE_OK else { return r }
            let performed = curl_easy_perform(handle)
            _ = ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, nil)
            return performed
        }
        guard code == CURLE_OK else {
            keep = false
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            if code == CURLE_OPERATION_TIMEDOUT {
                throw .timeout(after: timeout, endpoint: endpoint.redacted)
            }
            throw .transport(
                code: Int(code.rawValue), message: Endpoint.redactURLs(in: message), endpoint: endpoint.redacted)
        }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPReply(status: status, body: sink.bytes)
    }

    private func take(_ endpoint: Endpoint) -> UnsafeMutableRawPointer? { take(key: endpoint.url) }

    func takeHandle(_ key: String) -> UnsafeMutableRawPointer? { take(key: key) }

    func giveHandle(_ handle: UnsafeMutableRawPointer, key: String, keep: Bool) { give(handle, key: key, keep: keep) }

    private func take(key: String) -> UnsafeMutableRawPointer? {
        lock.lock()
        let h = idle[key]?.popLast()
        lock.unlock()
        return h ?? curl_easy_init()
    }

    private func give(_ handle: UnsafeMutableRawPointer, _ endpoint: Endpoint, keep: Bool) {
        give(handle, key: endpoint.url, keep: keep)
    }

    private func give(_ handle: UnsafeMutableRawPointer, key: String, keep: Bool) {
        if keep {
            lock.lock()
            var list = idle[key, default: []]
            if list.count < maxIdlePerEndpoint {
                list.append(handle)
                idle[key] = list
                lock.unlock()
                return
            }
            lock.unlock()
        }
        curl_easy_cleanup(handle)
    }
}

private final class Sink {
    var bytes: [UInt8] = []
}

private let curlWrite: curl_write_callback = { data, size, count, user in
    guard let user, let data else { return 0 }
    let n = size * count
    let sink = Unmanaged<Sink>.fromOpaque(user).takeUnretainedValue()
    data.withMemoryRebound(to: UInt8.self, capacity: n) { p in
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    }
    return n
}

// A generic HTTPS GET for REST APIs (aggregators): custom request headers, the status code and the response
// headers (Retry-After) kept. Lives beside the JSON-RPC POST on the same libcurl handle pool.

/// One REST reply: status, response headers (names lower-cased, last value wins) and body.
public struct HTTPResponse: Sendable, Equatable {
    /// HTTP status code.
    public var status: Int
    /// Response headers by lower-cased name.
    public var headers: [String: String]
    /// The body as received.
    public var body: [UInt8]

    /// A response value.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// `Retry-After` as whole seconds (RFC 9110 §10.2.3 delay-seconds form; an HTTP-date is ignored).
    public var retryAfterSeconds: Int? {
        guard let v = headers["retry-after"]?.trimmingCharacters(in: .whitespaces), let n = Int(v), n >= 0 else {
            return nil
        }
        return n
    }
}

/// Something that GETs a URL with headers and returns the reply, blocking the calling thread.
public protocol HTTPGetTransport: Sendable {
    /// GETs `url` (query included) with `headers`; throws only transport failures (`RPCError.transport` /
    /// `.timeout`, naming `label`, never a header value), never on a status.
    func get(_ url: String, headers: [(String, String)], timeout: Duration, label: String) throws(RPCError)
        -> HTTPResponse
}

extension CurlTransport: HTTPGetTransport {
    /// GETs `url` with the given headers over a pooled libcurl handle (keyed by scheme + host + port).
    public func get(_ url: String, headers: [(String, String)], timeout: Duration, label: String) throws(RPCError)
        -> HTTPResponse
    {
        let key = Self.originKey(url)
        guard let handle = takeHandle(key) else {
            throw .transport(code: -1, message: "curl_easy_init failed", endpoint: label)
        }
        var keep = true
        defer { giveHandle(handle, key: key, keep: keep) }
        let sink = HeaderBodySink()
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        var list: UnsafeMutablePointer<curl_slist>? = nil
        for (name, value) in headers { list = curl_slist_append(list, "\(name): \(value)") }
        list = curl_slist_append(list, "Accept: application/json")
        defer { curl_slist_free_all(list) }
        let timeoutMS = max(1, Int(timeout.milliseconds))
        curl_easy_reset(handle)
        _ = ccurl_setopt_string(handle, CURLOPT_URL, url)
        _ = ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeoutMS)
        _ = ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, min(5000, timeoutMS))
        _ = ccurl_setopt_long(handle, CURLOPT_TCP_NODELAY, 1)
        _ = ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
        _ = ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        _ = ccurl_setopt_write_fn(handle, bodyWrite)
        _ = ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, unmanaged.toOpaque())
        _ = ccurl_setopt_header_fn(handle, headerWrite)
        _ = ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, unmanaged.toOpaque())
        let code = curl_easy_perform(handle)
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        // The handle goes back to the pool: reset it so no header list or sink pointer outlives this call.
        curl_easy_reset(handle)
        guard code == CURLE_OK else {
            keep = false
            if code == CURLE_OPERATION_TIMEDOUT { throw .timeout(after: timeout, endpoint: label) }
            throw .transport(
                code: Int(code.rawValue), message: String(cString: curl_easy_strerror(code)), endpoint: label)
        }
        return HTTPResponse(status: status, headers: sink.headers, body: sink.body)
    }

    /// `scheme://host:port` of a URL, the pool key for GET handles.
    static func originKey(_ url: String) -> String {
        guard let c = URLComponents(string: url) else { return url }
        return "GET \(c.scheme ?? "")://\(c.host ?? ""):\(c.port.map(String.init) ?? "")"
    }
}

private final class HeaderBodySink {
    var body: [UInt8] = []
    var headers: [String: String] = [:]
}

private let bodyWrite: curl_write_callback = { data, size, count, user in
    guard let user, let data else { return 0 }
    let n = size * count
    let sink = Unmanaged<HeaderBodySink>.fromOpaque(user).takeUnretainedValue()
    data.withMemoryRebound(to: UInt8.self, capacity: n) { p in
        sink.body.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    }
    return n
}

private let headerWrite: curl_write_callback = { data, size, count, user in
    guard let user, let data else { return 0 }
    let n = size * count
    let sink = Unmanaged<HeaderBodySink>.fromOpaque(user).takeUnretainedValue()
    let line = data.withMemoryRebound(to: UInt8.self, capacity: n) { p in
        String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }
    if line.hasPrefix("HTTP/") {
        sink.headers = [:]  // a new response (after a 100 Continue or a redirect): forget the previous headers
    } else if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        sink.headers[name] = value
    }
    return n
}
