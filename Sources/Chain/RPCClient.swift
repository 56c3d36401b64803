import Foundation
import Primitives

/// Settings of an `RPCClient`.
public struct RPCConfiguration: Sendable {
    /// The chain every endpoint must serve; checked on each endpoint's first use (nil: learn it from the first).
    public var expectedChainID: UInt64?
    /// Time allowed for one HTTP exchange.
    public var callTimeout: Duration
    /// Time allowed for a call including all its retries and failovers.
    public var totalTimeout: Duration
    /// Backoff schedule for transient failures.
    public var retry: RetryPolicy
    /// How long a failing endpoint is skipped.
    public var coolDown: Duration
    /// Most requests in one HTTP batch; bigger batches are split.
    public var maxBatchSize: Int

    /// A configuration; the defaults suit a public provider.
    public init(expectedChainID: UInt64? = nil, callTimeout: Duration = .seconds(10), totalTimeout: Duration = .seconds(30),
                retry: RetryPolicy = RetryPolicy(), coolDown: Duration = .seconds(30), maxBatchSize: Int = 100) {
        self.expectedChainID = expectedChainID
        self.callTimeout = callTimeout
        self.totalTimeout = totalTimeout
        self.retry = retry
        self.coolDown = coolDown
        self.maxBatchSize = max(1, maxBatchSize)
    }
}

/// A thread-safe JSON-RPC 2.0 client over one or more endpoints of one chain, with retries, failover and
/// health tracking; connections are reused by the transport.
public final class RPCClient: Sendable {
    /// The endpoints, in preference order.
    public let endpoints: [Endpoint]
    /// The settings.
    public let configuration: RPCConfiguration
    let transport: any HTTPTransport
    let state: Locked<ClientState>

    struct ClientState {
        var health: EndpointHealth
        var nextID = 1
        var chainID: UInt64?
        var roundTrips = 0
    }

    /// A client over `endpoints` (at least one).
    public init(endpoints: [Endpoint], configuration: RPCConfiguration = RPCConfiguration(),
                transport: any HTTPTransport = CurlTransport()) throws(RPCError) {
        guard !endpoints.isEmpty else { throw .noEndpoint }
        self.endpoints = endpoints
        self.configuration = configuration
        self.transport = transport
        state = Locked(ClientState(health: EndpointHealth(count: endpoints.count, coolDown: configuration.coolDown),
                                   chainID: configuration.expectedChainID))
    }

    /// A client over URL strings (e.g. `--rpc-url` values or ETH_RPC_URL).
    public convenience init(urls: [String], configuration: RPCConfiguration = RPCConfiguration(),
                            transport: any HTTPTransport = CurlTransport()) throws(RPCError) {
        var eps: [Endpoint] = []
        for u in urls { eps.append(try Endpoint(u)) }
        try self.init(endpoints: eps, configuration: configuration, transport: transport)
    }

    /// HTTP exchanges made so far (each single call or batch chunk is one).
    public var roundTrips: Int { state.withLock { $0.roundTrips } }

    /// Endpoint health snapshot (for diagnostics and tests).
    public var health: EndpointHealth { state.withLock { $0.health } }

    /// The chain id: the configured one, else the first endpoint's; verifies the preferred endpoint.
    public func chainID() async throws(RPCError) -> UInt64 {
        if let id = state.withLock({ $0.chainID }) {
            _ = try await call("eth_chainId")
            return id
        }
        let v = try await call("eth_chainId")
        let id = try v.u64("chain id")
        state.withLock { if $0.chainID == nil { $0.chainID = id } }
        return id
    }

    /// Calls one method; retries transient failures with backoff and fails over between endpoints.
    public func call(_ method: String, _ params: [JSONValue] = []) async throws(RPCError) -> JSONValue {
        let request = RPCRequest(method, params)
        return try await withRetries { (ep: Int) async throws(RPCError) -> JSONValue in
            let id = self.state.withLock { s -> Int in
                s.nextID += 1
                return s.nextID
            }
            let reply = try await self.exchange(JSONRPC.encode(request, id: id), on: ep)
            return try JSONRPC.decode(reply, id: id, method: method)
        }
    }

    /// Sends requests as JSON-RPC batches (split at `maxBatchSize`); one result per request, in order. Items that
    /// fail transiently are re-sent; other per-item errors are returned as that item's failure.
    public func batch(_ requests: [RPCRequest]) async throws(RPCError) -> [Result<JSONValue, RPCError>] {
        var results = [Result<JSONValue, RPCError>?](repeating: nil, count: requests.count)
        var start = 0
        while start < requests.count {
            let end = min(start + configuration.maxBatchSize, requests.count)
            let chunk = Array(requests[start..<end])
            let got = try await batchChunk(chunk)
            for (i, r) in got.enumerated() { results[start + i] = r }
            start = end
        }
        return results.map { $0 ?? .failure(.malformedReply(what: "missing batch item", bodyPrefix: "")) }
    }

    func batchChunk(_ requests: [RPCRequest]) async throws(RPCError) -> [Result<JSONValue, RPCError>] {
        var results = [Result<JSONValue, RPCError>](
            repeating: .failure(.malformedReply(what: "not sent", bodyPrefix: "")), count: requests.count)
        var pending = Array(requests.indices)
        var retry = 0
        while true {
            let subset = pending.map { requests[$0] }
            let got = try await withRetries { (ep: Int) async throws(RPCError) -> [Result<JSONValue, RPCError>] in
                let first = self.state.withLock { s -> Int in
                    let f = s.nextID + 1
                    s.nextID += subset.count
                    return f
                }
                let reply = try await self.exchange(JSONRPC.encodeBatch(subset, firstID: first), on: ep)
                return try JSONRPC.decodeBatch(reply, requests: subset, firstID: first)
            }
            var again: [Int] = []
            for (k, r) in got.enumerated() {
                results[pending[k]] = r
                if case .failure(let e) = r, e.isTransient { again.append(pending[k]) }
            }
            retry += 1
            if again.isEmpty || retry >= configuration.retry.maxAttempts { return results }
            pending = again
            try await sleep(configuration.retry.delay(beforeRetry: retry, unit: Double.random(in: 0..<1)))
        }
    }

    /// One HTTP exchange on endpoint `ep`; a non-2xx status becomes `.http` unless its body is a JSON-RPC error.
    func exchange(_ body: [UInt8], on ep: Int, timeout: Duration? = nil) async throws(RPCError) -> [UInt8] {
        let endpoint = endpoints[ep]
        let transport = self.transport
        let t = timeout ?? configuration.callTimeout
        state.withLock { $0.roundTrips += 1 }
        let result = await offload { () -> Result<HTTPReply, RPCError> in
            do throws(RPCError) { return .success(try transport.post(body, to: endpoint, timeout: t)) } catch {
                return .failure(error)
            }
        }
        let reply = try result.get()
        guard (200..<300).contains(reply.status) else {
            if let v = try? JSONRPC.parse(reply.body), let err = v["error"], err != .null {
                throw JSONRPC.rpcError(err, method: "http \(reply.status)")
            }
            throw .http(status: reply.status, bodyPrefix: .bodyPrefix(reply.body), endpoint: endpoint.redacted)
        }
        return reply.body
    }

    /// Runs `op` on the preferred endpoint, retrying transient failures (immediately on another endpoint when one
    /// is healthy, else after the backoff delay) within the total timeout.
    func withRetries<T>(_ op: (Int) async throws(RPCError) -> T) async throws(RPCError) -> T {
        let clock = ContinuousClock()
        let start = clock.now
        var attempt = 0
        while true {
            let now = Self.nanos(clock.now - epoch)
            let ep = state.withLock { $0.health.pick(now: now) }
            do {
                try await verifyChain(ep)
                let value = try await op(ep)
                state.withLock { $0.health.succeeded(ep) }
                return value
            } catch {
                guard error.isTransient else { throw error }
                let failedAt = Self.nanos(clock.now - epoch)
                let alternative = state.withLock { s -> Bool in
                    s.health.failed(ep, now: failedAt)
                    return s.health.hasAlternative(to: ep, now: failedAt)
                }
                attempt += 1
                if attempt >= configuration.retry.maxAttempts { throw error }
                let delay = alternative
                    ? Duration.zero : configuration.retry.delay(beforeRetry: attempt, unit: Double.random(in: 0..<1))
                if clock.now - start + delay >= configuration.totalTimeout {
                    throw .timeout(after: configuration.totalTimeout, endpoint: "all endpoints (last: \(error.description))")
                }
                try await sleep(delay)
            }
        }
    }

    /// Checks the chain id of endpoint `ep` once.
    func verifyChain(_ ep: Int) async throws(RPCError) {
        let (verified, expected) = state.withLock { ($0.health.states[ep].chainVerified, $0.chainID) }
        if verified { return }
        let id = state.withLock { s -> Int in
            s.nextID += 1
            return s.nextID
        }
        let reply = try await exchange(JSONRPC.encode(RPCRequest("eth_chainId"), id: id), on: ep)
        let got = try JSONRPC.decode(reply, id: id, method: "eth_chainId").u64("chain id")
        if let expected, expected != got {
            throw .chainIDMismatch(expected: expected, got: got, endpoint: endpoints[ep].redacted)
        }
        state.withLock { s in
            if s.chainID == nil { s.chainID = got }
            s.health.verified(ep)
        }
    }

    private let epoch = ContinuousClock().now

    static func nanos(_ d: Duration) -> Int64 {
        d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000
    }

    func sleep(_ d: Duration) async throws(RPCError) {
        if d <= .zero { return }
        do { try await Task.sleep(for: d) } catch { throw .timeout(after: d, endpoint: "cancelled") }
    }
}
