import Chain
import DeFiCore
import Primitives
import TestSupport
import Testing

@testable import Protocols

/// The clients over real HTTP (libcurl) against the stand-in, without a devnet: the key header each API requires,
/// the status → error mapping with exit codes, the bounded 429 retry honouring Retry-After, timeouts, garbled
/// bodies, and allowlist refusal of a spender.
@Suite struct AggregatorHTTPTests {
    let server: AggregatorStandIn
    static let weth = try! Address(parsing: "0x5FbDB2315678afecb367f032d93F642f64180aa3")
    static let usdc = try! Address(parsing: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512")
    /// The stand-in's spender without a deployment.
    static let spender = try! Address(parsing: "0x1111111111111111111111111111111111111111")

    init() throws { server = try AggregatorStandIn() }

    var request: AggregatorRequest {
        AggregatorRequest(sellToken: Self.weth, buyToken: Self.usdc, sellAmount: U256(1000))
    }

    func settings(
        _ kind: AggregatorKind, base: String? = nil, key: String? = nil, timeout: Duration = .seconds(10),
        attempts: Int = 3, maxRetryAfter: Duration = .seconds(5)
    ) -> AggregatorSettings {
        AggregatorSettings(
            kind: kind, apiKey: key ?? (kind == .oneInch ? AggregatorStandIn.oneInchKey : AggregatorStandIn.zeroExKey),
            baseURL: base ?? server.url, chainID: 31337, allowedTargets: [Self.spender], timeout: timeout,
            maxAttempts: attempts, maxRetryAfter: maxRetryAfter)
    }

    func failure(_ body: () async throws(AggregatorError) -> Void) async -> AggregatorError? {
        do {
            try await body()
            return nil
        } catch { return error }
    }

    @Test func oneInchSpenderWithTheBearerKeyIsAcceptedAndAWrongKeyIs401() async throws {
        let c = OneInchClient(settings: settings(.oneInch))
        #expect(try await c.spender() == Self.spender)
        let bad = OneInchClient(settings: settings(.oneInch, key: "nope"))
        let e = await failure { () async throws(AggregatorError) in _ = try await bad.spender() }
        #expect(e == .unauthorized(aggregator: "1inch", status: 401))
        #expect(e?.exitCode == .usage)
        let text = e.map { "\($0)" } ?? ""
        #expect(!text.contains("nope"))
    }

    @Test func aSpenderOutsideTheAllowlistIsRefused() async throws {
        let c = OneInchClient(settings: settings(.oneInch, base: server.fault("wrongrouter")))
        let e = await failure { () async throws(AggregatorError) in _ = try await c.spender() }
        #expect(e?.code == "aggregator_invalid_quote" && e?.exitCode == .refused)
    }

    @Test func validRequestsPassEveryCheckAndReachPricing() async throws {
        // Without a devnet the stand-in answers 500 only after the path, headers and query passed its checks.
        let one = await failure { () async throws(AggregatorError) in
            _ = try await OneInchClient(settings: settings(.oneInch)).quote(request)
        }
        guard case .server(_, 500, let body)? = one else { Issue.record("got \(String(describing: one))"); return }
        #expect(body.contains("no pricing source"))
        let zx = await failure { () async throws(AggregatorError) in
            _ = try await ZeroExClient(settings: settings(.zeroEx)).price(request)
        }
        guard case .server(_, 500, _)? = zx else { Issue.record("got \(String(describing: zx))"); return }
        var firm = request
        firm.taker = Self.spender
        let swap = await failure { () async throws(AggregatorError) in
            _ = try await OneInchClient(settings: settings(.oneInch)).swap(firm)
        }
        guard case .server(_, 500, _)? = swap else { Issue.record("got \(String(describing: swap))"); return }
    }

    @Test func zeroExWithoutItsKeyIs401AndExitCode2() async throws {
        let e = await failure { () async throws(AggregatorError) in
            _ = try await ZeroExClient(settings: settings(.zeroEx, key: "wrong")).price(request)
        }
        #expect(e == .unauthorized(aggregator: "0x", status: 401))
    }

    @Test func rateLimitIsRetriedAfterRetryAfterThenExhaustedIsExitCode3() async throws {
        // Two 429s with Retry-After: 0, then the real answer (here the 500 of a stand-in without pricing).
        let ok = await failure { () async throws(AggregatorError) in
            _ = try await OneInchClient(settings: settings(.oneInch, base: server.fault("rate429x2s0"))).quote(request)
        }
        guard case .server(_, 500, _)? = ok else { Issue.record("got \(String(describing: ok))"); return }
        let always = await failure { () async throws(AggregatorError) in
            _ = try await ZeroExClient(settings: settings(.zeroEx, base: server.fault("rate429x9s0"))).price(request)
        }
        #expect(always == .rateLimited(aggregator: "0x", attempts: 3))
        #expect(always?.exitCode == .networkUnavailable)
        // A Retry-After beyond the bound ends the retries at once instead of sleeping.
        let long = await failure { () async throws(AggregatorError) in
            _ = try await OneInchClient(
                settings: settings(.oneInch, base: server.fault("rate429x9s120"), maxRetryAfter: .seconds(2))
            ).quote(request)
        }
        #expect(long == .rateLimited(aggregator: "1inch", attempts: 1))
    }

    @Test func serverErrorsTimeoutsGarbledBodiesAndDeadPortsAreTyped() async throws {
        let s503 = await failure { () async throws(AggregatorError) in
            _ = try await OneInchClient(settings: settings(.oneInch, base: server.fault("http503"))).quote(request)
        }
        guard case .server(_, 503, _)? = s503 else { Issue.record("got \(String(describing: s503))"); return }
        let slow = await failure { () async throws(AggregatorError) in
            _ = try await ZeroExClient(
                settings: settings(.zeroEx, base: server.fault("delay3000"), timeout: .milliseconds(300))
            ).price(request)
        }
        guard case .unreachable(_, .timeout)? = slow else { Issue.record("got \(String(describing: slow))"); return }
        let garbled = await failure { () async throws(AggregatorError) in
            _ = try await OneInchClient(settings: settings(.oneInch, base: server.fault("garbled"))).quote(request)
        }
        #expect(garbled?.code == "aggregator_malformed_reply" && garbled?.exitCode == .networkUnavailable)
        let dead = await failure { () async throws(AggregatorError) in
            _ = try await ZeroExClient(settings: settings(.zeroEx, base: "http://127.0.0.1:9")).price(request)
        }
        guard case .unreachable(_, .transport)? = dead else { Issue.record("got \(String(describing: dead))"); return }
        #expect(dead?.exitCode == .networkUnavailable)
    }

    @Test func the400BodyOfEachAPIIsSurfaced() async throws {
        // A chain the stand-in does not serve: 1inch's {error, description} and 0x's {name, message, data.details}.
        var s = settings(.oneInch)
        s.chainID = 5
        let one = await failure { () async throws(AggregatorError) in
            _ = try await OneInchClient(settings: s).quote(request)
        }
        #expect(one == .badRequest(aggregator: "1inch", description: "chain 5 is not supported"))
        var z = settings(.zeroEx)
        z.chainID = 5
        let zx = await failure { () async throws(AggregatorError) in
            _ = try await ZeroExClient(settings: z).price(request)
        }
        #expect(
            zx
                == .badRequest(
                    aggregator: "0x", description: "INPUT_INVALID; chain is not supported; chainId: not supported"))
        #expect(zx?.exitCode == .failure)
    }
}
