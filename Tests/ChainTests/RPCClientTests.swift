import Primitives
import Testing

@testable import Chain

/// A scripted transport: per endpoint URL, a queue of behaviours; the default echoes a chain id and a result.
final class FakeTransport: HTTPTransport, @unchecked Sendable {
    enum Step { case fail(RPCError), status(Int, String), result(String), error(Int, String), chainID(UInt64) }
    let script = Locked<[String: [Step]]>([:])
    let posts = Locked<[String]>([])
    let chain: UInt64

    init(chain: UInt64 = 31337) { self.chain = chain }

    func queue(_ url: String, _ steps: [Step]) { script.withLock { $0[url, default: []] += steps } }

    func post(_ body: [UInt8], to endpoint: Endpoint, timeout: Duration) throws(RPCError) -> HTTPReply {
        posts.withLock { $0.append(endpoint.url) }
        let text = String(decoding: body, as: UTF8.self)
        guard let req = try? JSONValue(parsing: text) else { return HTTPReply(status: 400, body: []) }
        func reply(_ id: JSONValue, _ inner: String) -> String { #"{"jsonrpc":"2.0","id":\#(id),\#(inner)}"# }
        func answer(_ r: JSONValue, _ step: Step?) throws(RPCError) -> String {
            let id = r["id"] ?? .null
            if case .string("eth_chainId")? = r["method"], step == nil || { if case .chainID = step { return false }; return true }() {
                return reply(id, #""result":"\#(JSONValue.quantity(chain).description.dropFirst().dropLast())""#)
            }
            switch step {
            case .result(let s)?: return reply(id, #""result":\#(s)"#)
            case .error(let c, let m)?: return reply(id, #""error":{"code":\#(c),"message":"\#(m)"}"#)
            case .chainID(let c)?: return reply(id, #""result":"0x\#(String(c, radix: 16))""#)
            default: return reply(id, #""result":"0x2a""#)
            }
        }
        let isChainID: Bool = { if case .string("eth_chainId")? = req["method"] { return true }; return false }()
        var step: Step? = nil
        if !isChainID || script.withLock({ if case .chainID? = $0[endpoint.url]?.first { return true }; return false }) {
            step = script.withLock { s -> Step? in
                guard var q = s[endpoint.url], !q.isEmpty else { return nil }
                let first = q.removeFirst()
                s[endpoint.url] = q
                return first
            }
        }
        switch step {
        case .fail(let e)?: throw e
        case .status(let code, let body)?: return HTTPReply(status: code, body: Array(body.utf8))
        default: break
        }
        if case .array(let items) = req {
            var parts: [String] = []
            for it in items.reversed() { parts.append(try answer(it, nil)) }  // out of order on purpose
            return HTTPReply(status: 200, body: Array(("[" + parts.joined(separator: ",") + "]").utf8))
        }
        return HTTPReply(status: 200, body: Array(try answer(req, step).utf8))
    }
}

@Suite struct RPCClientTests {
    // The retry and failover tests are about logic, not time: the budget is generous because a loaded test
    // process (CPU-bound suites on the same 2-thread pool) once starved them past a 5 s budget.
    let fast = RPCConfiguration(expectedChainID: 31337, callTimeout: .seconds(1), totalTimeout: .seconds(600),
                                retry: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5)),
                                coolDown: .seconds(60))

    @Test func retriesTransientErrorsThenSucceeds() async throws {
        let t = FakeTransport()
        t.queue("http://a", [.fail(.transport(code: 7, message: "connection refused", endpoint: "a")), .status(503, "busy"),
                             .error(-32000, "header not found"), .result(#""0x7""#)])
        let c = try RPCClient(urls: ["http://a"], configuration: fast, transport: t)
        #expect(try await c.call("eth_blockNumber") == .string("0x7"))
    }

    @Test func neverRetriesRevertsOrNonceErrors() async throws {
        let t = FakeTransport()
        t.queue("http://a", [.error(-32000, "nonce too low: x"), .result(#""0x7""#)])
        let c = try RPCClient(urls: ["http://a"], configuration: fast, transport: t)
        await #expect(throws: RPCError.rpc(code: -32000, message: "nonce too low: x", data: nil, method: "eth_sendRawTransaction")) {
            try await c.call("eth_sendRawTransaction", [])
        }
        t.queue("http://b", [.error(3, "execution reverted")])
        let d = try RPCClient(urls: ["http://b"], configuration: fast, transport: t)
        let n = t.posts.withLock { $0.count }
        await #expect(throws: RPCError.self) { try await d.call("eth_call", []) }
        #expect(t.posts.withLock { $0.count } == n + 2)  // chain id check + one call, no retry
    }

    @Test func failsOverToSecondEndpointAndSkipsTheDeadOne() async throws {
        let t = FakeTransport()
        t.queue("http://a", [.fail(.transport(code: 7, message: "refused", endpoint: "a"))])
        let c = try RPCClient(urls: ["http://a", "http://b"], configuration: fast, transport: t)
        #expect(try await c.call("eth_blockNumber") == .string("0x2a"))
        #expect(c.health.states[0].failures == 1)
        let before = t.posts.withLock { $0.count }
        _ = try await c.call("eth_blockNumber")
        #expect(t.posts.withLock { Array($0[before...]) } == ["http://b"])  // a is cooling down
    }

    @Test func wrongChainIDNamesBothIDs() async throws {
        let t = FakeTransport(chain: 1)
        let c = try RPCClient(urls: ["http://a"], configuration: fast, transport: t)
        await #expect(throws: RPCError.chainIDMismatch(expected: 31337, got: 1, endpoint: "http://a")) {
            try await c.call("eth_blockNumber")
        }
    }

    @Test func http500AndGarbledAreClearErrorsWithoutRetry() async throws {
        let t = FakeTransport()
        t.queue("http://a", [.status(500, "oops"), .status(200, "{not json")])
        let c = try RPCClient(urls: ["http://a"], configuration: fast, transport: t)
        await #expect(throws: RPCError.http(status: 500, bodyPrefix: "oops", endpoint: "http://a")) { try await c.call("x") }
        do { _ = try await c.call("x"); Issue.record("accepted garbage") } catch { #expect(error.code == "rpc.malformed_reply") }
    }

    @Test func batchMatchesIDsInOrderAndSplitsChunks() async throws {
        let t = FakeTransport()
        var cfg = fast
        cfg.maxBatchSize = 3
        let c = try RPCClient(urls: ["http://a"], configuration: cfg, transport: t)
        let r = try await c.batch((0..<7).map { _ in RPCRequest("eth_blockNumber") })
        #expect(r.count == 7)
        for x in r { #expect(try x.get() == .string("0x2a")) }
        #expect(c.roundTrips == 4)  // chain id + 3 chunks
    }

    @Test func totalTimeoutBoundsRetries() async throws {
        let t = FakeTransport()
        t.queue("http://a", Array(repeating: .status(503, "x"), count: 50))
        var cfg = fast
        cfg.retry = RetryPolicy(maxAttempts: 50, baseDelay: .milliseconds(50), maxDelay: .milliseconds(50), jitter: 0)
        cfg.totalTimeout = .milliseconds(200)
        let c = try RPCClient(urls: ["http://a"], configuration: cfg, transport: t)
        do { _ = try await c.call("x"); Issue.record("no timeout") } catch { #expect(error.code == "rpc.timeout") }
    }
}
