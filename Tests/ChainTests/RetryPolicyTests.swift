import Testing

@testable import Chain

@Suite struct RetryPolicyTests {
    @Test func exponentialWithCapAndJitter() {
        let p = RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(100), maxDelay: .seconds(1), jitter: 0.5)
        #expect(p.delay(beforeRetry: 1, unit: 1) == .milliseconds(100))
        #expect(p.delay(beforeRetry: 1, unit: 0) == .milliseconds(50))
        #expect(p.delay(beforeRetry: 2, unit: 1) == .milliseconds(200))
        #expect(p.delay(beforeRetry: 3, unit: 1) == .milliseconds(400))
        #expect(p.delay(beforeRetry: 5, unit: 1) == .seconds(1))
        #expect(p.delay(beforeRetry: 40, unit: 0.5) == .milliseconds(750))
    }

    @Test func classifiesTransientErrorsOnly() {
        let transient: [RPCError] = [
            .transport(code: 7, message: "couldn't connect", endpoint: "e"), .timeout(after: .seconds(1), endpoint: "e"),
            .http(status: 429, bodyPrefix: "", endpoint: "e"), .http(status: 502, bodyPrefix: "", endpoint: "e"),
            .http(status: 503, bodyPrefix: "", endpoint: "e"), .http(status: 504, bodyPrefix: "", endpoint: "e"),
            .rpc(code: -32005, message: "limit exceeded", data: nil, method: "m"),
            .rpc(code: -32000, message: "header not found", data: nil, method: "m"),
        ]
        let permanent: [RPCError] = [
            .rpc(code: 3, message: "execution reverted: x", data: "0x", method: "eth_call"),
            .rpc(code: -32000, message: "nonce too low: address 0x..", data: nil, method: "m"),
            .rpc(code: -32602, message: "invalid params", data: nil, method: "m"),
            .http(status: 500, bodyPrefix: "", endpoint: "e"), .http(status: 401, bodyPrefix: "", endpoint: "e"),
            .malformedReply(what: "x", bodyPrefix: ""), .chainIDMismatch(expected: 1, got: 2, endpoint: "e"),
            .rpc(code: -32005, message: "query returned more than 10000 results", data: nil, method: "eth_getLogs"),
        ]
        for e in transient { #expect(e.isTransient, "\(e)") }
        for e in permanent { #expect(!e.isTransient, "\(e)") }
    }

    @Test func healthSkipsFailedEndpointForCoolDown() {
        var h = EndpointHealth(count: 2, coolDown: .seconds(10))
        #expect(h.pick(now: 0) == 0)
        h.failed(0, now: 0)
        #expect(h.pick(now: 1) == 1)
        #expect(h.pick(now: 10_000_000_001) == 0)
        h.failed(1, now: 5)
        #expect(h.pick(now: 6) == 0)  // both down: the one whose cool-down ends first
        h.succeeded(0)
        #expect(h.pick(now: 6) == 0 && h.states[0].failures == 0)
    }

    @Test func revertDataIsExtracted() {
        let e = RPCError.rpc(code: 3, message: "execution reverted: K", data: "0x08c379a0", method: "eth_call")
        #expect(e.revertData == [0x08, 0xc3, 0x79, 0xa0])
        #expect(RPCError.rpc(code: -32000, message: "nonce too low", data: nil, method: "m").revertData == nil)
    }
}
