import Chain
import Foundation
import Primitives
import Testing

/// Each fault mode of fault_proxy.py against the expected retry, failover or clear error.
@Suite(.enabled(if: Devnet.available, Devnet.reason)) struct FaultInjectionTests {
    let proxy: FaultProxy
    let quick = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(10), maxDelay: .milliseconds(50))

    init() throws { proxy = try FaultProxy() }

    func client(_ modes: [String], timeout: Duration = .seconds(5)) throws -> RPCClient {
        try RPCClient(urls: modes.map(proxy.path), configuration: RPCConfiguration(
            expectedChainID: 31337, callTimeout: timeout, totalTimeout: .seconds(10), retry: quick))
    }

    func failure(_ c: RPCClient) async -> RPCError? {
        do {
            _ = try await c.blockNumber()
            return nil
        } catch { return error }
    }

    @Test func droppedConnectionIsRetried() async throws {
        let c = try client(["drop2"])
        #expect(try await c.blockNumber() > 0)
    }

    @Test func delayBeyondCallTimeoutTimesOutThenClearError() async throws {
        let c = try RPCClient(urls: [proxy.path("delay1500")], configuration: RPCConfiguration(
            expectedChainID: 31337, callTimeout: .milliseconds(300), totalTimeout: .seconds(1), retry: quick))
        #expect(await failure(c)?.code == "rpc.timeout")
        let ok = try client(["delay50"])
        #expect(try await ok.blockNumber() > 0)
    }

    @Test func http500IsAClearErrorAnd503IsRetried() async throws {
        #expect(await failure(try client(["http500"]))?.code == "rpc.http")
        #expect(try await client(["http503x2"]).blockNumber() > 0)
    }

    @Test func garbledJSONIsMalformedReply() async throws {
        #expect(await failure(try client(["garbled"]))?.code == "rpc.malformed_reply")
    }

    @Test func rpc32000NonceErrorIsNotRetriedButHeaderNotFoundIs() async throws {
        let c = try client(["rpc32000"])
        let e = await failure(c)
        #expect(e?.code == "rpc.error" && e?.isTransient == false)
        #expect(try await client(["header2"]).blockNumber() > 0)
    }

    @Test func wrongChainIDIsRefusedNamingBothIDs() async throws {
        #expect(await failure(try client(["chain1"])) == .chainIDMismatch(expected: 31337, got: 1, endpoint: proxy.path("chain1")))
    }

    @Test func oneDeadEndpointOfTwoFailsOverAndIsSkipped() async throws {
        let c = try client(["dead", "ok"])
        #expect(try await c.blockNumber() > 0)
        let trips = c.roundTrips
        for _ in 0..<5 { _ = try await c.blockNumber() }
        #expect(c.roundTrips == trips + 5)  // the dead endpoint is cooling down: no wasted attempts
        #expect(c.health.states[0].failures >= 1)
    }
}
