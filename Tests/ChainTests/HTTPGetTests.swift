import Chain
import Foundation
import TestSupport
import Testing

/// CurlTransport.get: custom request headers reach the server, status codes and response headers (Retry-After)
/// come back, pooled handles are reset between calls, and transport failures are typed. Served by the aggregator
/// stand-in (devnet/stubs/aggregators.py) without a devnet.
@Suite struct HTTPGetTests {
    let server: AggregatorStandIn
    let transport = CurlTransport()

    init() throws { server = try AggregatorStandIn() }

    var spender: String { server.url + "/swap/v6.0/31337/approve/spender" }
    let auth = [("Authorization", "Bearer \(AggregatorStandIn.oneInchKey)")]

    @Test func headersStatusAndBodyRoundTrip() throws {
        let ok = try transport.get(spender, headers: auth, timeout: .seconds(5), label: "stand-in")
        #expect(ok.status == 200 && ok.headers["content-type"] == "application/json")
        #expect(
            String(decoding: ok.body, as: UTF8.self) == #"{"address": "0x1111111111111111111111111111111111111111"}"#)
        // The same pooled handle without the header: the previous call's headers did not stick.
        let no = try transport.get(spender, headers: [], timeout: .seconds(5), label: "stand-in")
        #expect(no.status == 401)
        for _ in 0..<20 {
            #expect(try transport.get(spender, headers: auth, timeout: .seconds(5), label: "s").status == 200)
        }
    }

    @Test func retryAfterIsReadFromTheResponseHeaders() throws {
        let r = try transport.get(
            server.fault("rate429x1s7") + "/swap/v6.0/31337/approve/spender", headers: auth, timeout: .seconds(5),
            label: "stand-in")
        #expect(r.status == 429 && r.retryAfterSeconds == 7)
        #expect(
            HTTPResponse(status: 429, headers: ["retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"], body: [])
                .retryAfterSeconds == nil)
    }

    @Test func refusedConnectionsAndTimeoutsAreTyped() throws {
        #expect {
            _ = try transport.get("http://127.0.0.1:9/x", headers: [], timeout: .seconds(2), label: "dead")
        } throws: { e in
            if case .transport(_, _, "dead") = e as? RPCError { return true }
            return false
        }
        #expect(throws: RPCError.timeout(after: .milliseconds(300), endpoint: "slow")) {
            _ = try transport.get(
                server.fault("delay2000") + "/swap/v6.0/31337/approve/spender", headers: auth,
                timeout: .milliseconds(300), label: "slow")
        }
    }
}
