import Chain
import DeFiCore
import Foundation
import Primitives
import TestSupport
import Testing

@testable import Protocols

/// The aggregator clients and `defi quote`'s aggregator rows against the stand-in priced from the devnet's real
/// Uniswap V2 routers: amounts equal the routers' own getAmountsOut (and the pool math) to the wei, validation
/// refuses doctored answers, and the swap transactions each API returns, executed on the devnet from a fresh
/// funded key, deliver at least the quoted amount. Reverts to an evm_snapshot afterwards.
@Suite(.enabled(if: Devnet.available, Devnet.reason), .serialized) struct AggregatorDevnetTests {
    let server: AggregatorStandIn

    init() throws { server = try AggregatorStandIn(rpc: Devnet.url, deployment: Devnet.deploymentPath) }

    var routers: [Address] {
        get throws { [try QuoteDevnet.router("uniswap_v2_a"), try QuoteDevnet.router("uniswap_v2_b")] }
    }

    func settings(_ kind: AggregatorKind, fault: String? = nil) throws -> AggregatorSettings {
        AggregatorSettings(
            kind: kind, apiKey: kind == .oneInch ? AggregatorStandIn.oneInchKey : AggregatorStandIn.zeroExKey,
            baseURL: fault.map(server.fault) ?? server.url, chainID: 31337, allowedTargets: Set(try routers))
    }

    /// The devnet config (tokens, both V2 venues, V3) plus both aggregators pointed at the stand-in.
    func config(zeroExKey: String = AggregatorStandIn.zeroExKey) throws -> DefiConfig {
        let r = try routers.map { "\"\($0.checksummed)\"" }.joined(separator: ", ")
        var venues = ""
        for v in try QuoteDevnet.v2Venues() {
            venues +=
                "    \(v.name): {kind: uniswap_v2, factory: \"\(v.factory.checksummed)\", init_code_hash: \"\(v.initCodeHash)\", fee_bps: 30}\n"
        }
        let yaml = """
            defi:
              rpc_url: "\(Devnet.url ?? "")"
              multicall: "\(try Devnet.address("multicall").checksummed)"
              tokens:
                WETH: {address: "\(try QuoteDevnet.token("WETH").checksummed)", decimals: 18}
                USDC: {address: "\(try QuoteDevnet.token("USDC").checksummed)", decimals: 6}
              venues:
            \(venues)
              aggregators:
                oneinch: {api_key: "\(AggregatorStandIn.oneInchKey)", base_url: "\(server.url)", allowed_targets: [\(r)]}
                zerox: {api_key: "\(zeroExKey)", base_url: "\(server.url)", allowed_targets: [\(r)]}
            """
        return try ConfigValidator().validate(try ConfigYAML.parse(yaml, path: "aggregators-test.yaml"))
    }

    @Test func aConfiguredCurveOrBalancerPoolWithoutCodeIsAWarning() async throws {
        // The devnet has no Curve or Balancer bytecode: a venue pointing at an address without code must not break
        // the V2/V3 quote.
        var cfg = try config()
        let nowhere = "0x00000000000000000000000000000000000c0de0"
        cfg.venues["curve_x"] = VenueConfig(kind: .curve, pools: [nowhere])
        cfg.venues["balancer_x"] = VenueConfig(kind: .balancer, pools: [nowhere])
        let r = try await QuoteService.run(
            QuoteRequest(
                amount: "1", tokenIn: "WETH", tokenOut: "USDC", venues: ["uniswap_v2_a", "curve_x", "balancer_x"]),
            config: cfg)
        #expect(r.outcome.quotes.map(\.venue) == ["uniswap_v2_a"])
        #expect(r.warnings.count == 2 && r.warnings.allSatisfy { $0.contains("pools not read") })
    }

    func amountsOut(_ router: Address, _ amount: U256, _ a: Address, _ b: Address, _ c: RPCClient) async throws -> U256
    {
        let data = try ABIFunction(signature: "getAmountsOut(uint256,address[])").encodeCall([
            .uint(amount), .array([.address(a), .address(b)]),
        ])
        let out = try #require(try await c.call(CallRequest(to: router, data: data), at: .latest).returnData)
        return try ABIWords(out, function: "getAmountsOut", count: 4).uint(3)
    }

    @Test func quoteRowsEqualTheRoutersAndVenuesFilterThem() async throws {
        let c = try Devnet.client()
        let (weth, usdc) = (try QuoteDevnet.token("WETH"), try QuoteDevnet.token("USDC"))
        let cfg = try config()
        let r = try await QuoteService.run(QuoteRequest(amount: "1.5", tokenIn: "WETH", tokenOut: "USDC"), config: cfg)
        #expect(r.warnings.isEmpty)
        let byName = Dictionary(uniqueKeysWithValues: r.aggregatorQuotes.map { ($0.aggregator, $0) })
        let amount = U256(1_500_000_000_000_000_000 as UInt64)
        let a = try await amountsOut(try routers[0], amount, weth, usdc, c)
        let b = try await amountsOut(try routers[1], amount, weth, usdc, c)
        // 1inch's stand-in routes through uniswap_v2_a only; 0x takes the better router.
        #expect(byName["1inch"]?.buyAmount == a)
        #expect(byName["0x"]?.buyAmount == max(a, b))
        // And both equal the pure pool math of the same block.
        let v2 = r.outcome.quotes.filter { $0.kind == "uniswap_v2" }
        #expect(v2.first { $0.venue == "uniswap_v2_a" }?.amountOut == a)
        #expect(v2.map(\.amountOut).max() == max(a, b))
        #expect(byName["0x"]?.gas != nil && byName["1inch"]?.route == "UNISWAP_V2 100%")

        let only = try await QuoteService.run(
            QuoteRequest(amount: "1", tokenIn: "WETH", tokenOut: "USDC", venues: ["0x"]), config: cfg)
        #expect(only.aggregatorQuotes.map(\.aggregator) == ["0x"] && only.outcome.quotes.isEmpty)
        let none = try await QuoteService.run(
            QuoteRequest(amount: "1", tokenIn: "WETH", tokenOut: "USDC", venues: ["uniswap_v2_a"]), config: cfg)
        #expect(none.aggregatorQuotes.isEmpty && none.outcome.quotes.count == 1)
    }

    @Test func anAggregatorFailureIsAWarningNotAFailure() async throws {
        let r = try await QuoteService.run(
            QuoteRequest(amount: "1", tokenIn: "WETH", tokenOut: "USDC"), config: try config(zeroExKey: "wrong"))
        #expect(r.aggregatorQuotes.map(\.aggregator) == ["1inch"])
        #expect(r.warnings == ["0x refused the api key (http 401)"])
        #expect(!r.outcome.quotes.isEmpty)
        // Only the failing aggregator asked: its error is the answer, with its exit code.
        do {
            _ = try await QuoteService.run(
                QuoteRequest(amount: "1", tokenIn: "WETH", tokenOut: "USDC", venues: ["0x"]),
                config: try config(zeroExKey: "wrong"))
            Issue.record("expected a failure")
        } catch {
            let e = error as? QuoteError
            #expect(e?.exitCode == .usage && e?.code == "aggregator_unauthorized")
        }
    }

    @Test func doctoredAnswersAreRefusedAndV5SpellingsAccepted() async throws {
        let (weth, usdc) = (try QuoteDevnet.token("WETH"), try QuoteDevnet.token("USDC"))
        let req = AggregatorRequest(
            sellToken: weth, buyToken: usdc, sellAmount: U256(1_000_000_000_000_000 as UInt64),
            taker: try QuoteDevnet.account(1))
        let v5 = try await OneInchClient(settings: try settings(.oneInch, fault: "v5")).quote(req)
        let v6 = try await OneInchClient(settings: try settings(.oneInch)).quote(req)
        #expect(v5.buyAmount == v6.buyAmount && v5.gas == v6.gas)
        for fault in ["shortsell", "zerobuy", "wrongrouter"] {
            for kind in AggregatorKind.allCases {
                do {
                    switch kind {
                    case .oneInch: _ = try await OneInchClient(settings: try settings(kind, fault: fault)).swap(req)
                    case .zeroEx: _ = try await ZeroExClient(settings: try settings(kind, fault: fault)).quote(req)
                    }
                    Issue.record("\(kind) \(fault) accepted")
                } catch {
                    #expect(
                        (error as? AggregatorError)?.code == "aggregator_invalid_quote", "\(kind) \(fault): \(error)")
                }
            }
        }
        // A pair without a pool (WBTC/USDC on the devnet): each API's own "no route" answer.
        let none = AggregatorRequest(
            sellToken: try QuoteDevnet.token("WBTC"), buyToken: usdc, sellAmount: U256(100_000_000))
        do {
            _ = try await ZeroExClient(settings: try settings(.zeroEx)).price(none)
            Issue.record("0x quoted a pair without liquidity")
        } catch { #expect(error as? AggregatorError == .noLiquidity(aggregator: "0x")) }
        do {
            _ = try await OneInchClient(settings: try settings(.oneInch)).quote(none)
            Issue.record("1inch quoted a pair without liquidity")
        } catch {
            #expect(
                error as? AggregatorError == .badRequest(aggregator: "1inch", description: "insufficient liquidity"))
        }
        // A quote below the caller's minimum is refused too.
        var greedy = req
        greedy.minBuyAmount = v6.buyAmount + U256.one
        do {
            _ = try await ZeroExClient(settings: try settings(.zeroEx)).price(greedy)
            Issue.record("a quote below the minimum was accepted")
        } catch { #expect((error as? AggregatorError)?.exitCode == .refused) }
    }

    @Test func executedSwapTransactionsDeliverAtLeastTheQuote() async throws {
        let c = try Devnet.client()
        let snapshotID = try await c.call("evm_snapshot")
        defer { Task { _ = try? await c.call("evm_revert", [snapshotID]) } }
        let key = PrivateKey.random()
        let me = try Address(bytes: key.addressBytes)
        _ = try await c.call("anvil_setBalance", [.address(me), .quantity(U256(100) * Units.powerOfTen(18))])
        let sender = try TransactionSender(
            client: c, signer: LocalSigner(key: key, source: "test"),
            journal: HistoryJournal(path: Devnet.tempPath("agg-journal")), chainID: 31337,
            receiptTimeout: .seconds(30), pollInterval: .milliseconds(50))
        let (weth, usdc) = (try QuoteDevnet.token("WETH"), try QuoteDevnet.token("USDC"))
        func send(_ to: Address, _ data: [UInt8], value: U256 = .zero) async throws -> Receipt {
            let out = try await sender.send(TxIntent(key: "agg-\(UUID())", to: to, value: value, data: data))
            let r = try #require(out.receipt)
            #expect(r.succeeded)
            return r
        }
        _ = try await send(weth, [0xd0, 0xe3, 0x0d, 0xb0], value: U256(10) * Units.powerOfTen(18))
        let amount = U256(2) * Units.powerOfTen(18)
        let req = AggregatorRequest(sellToken: weth, buyToken: usdc, sellAmount: amount, taker: me, slippageBps: 50)
        let one = try await OneInchClient(settings: try settings(.oneInch)).swap(req)
        let zero = try await ZeroExClient(settings: try settings(.zeroEx)).quote(req)
        for q in [one, zero] {
            let tx = try #require(q.transaction)
            let spender = try #require(q.allowanceTarget)
            _ = try await send(
                weth,
                try ABIFunction(signature: "approve(address,uint256)").encodeCall([.address(spender), .uint(amount)]))
            let before = try await QuoteDevnet.balance(usdc, of: me, client: c)
            let receipt = try await send(tx.to, tx.data, value: tx.value)
            let got = try await QuoteDevnet.balance(usdc, of: me, client: c) - before
            #expect(got >= q.buyAmount, "\(q.aggregator): received \(got), quoted \(q.buyAmount)")
            #expect(got >= (q.minBuyAmount ?? q.buyAmount))
            if let g = q.gas { #expect(receipt.gasUsed <= g, "\(q.aggregator): gas used above the API's estimate") }
        }
        _ = try await c.call("evm_revert", [snapshotID])
    }
}
