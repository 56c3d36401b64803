import Chain
import DeFiCore
import Foundation
import History
import Primitives
import Protocols
import Strategies
import Testing
import Validation

/// `defi scan`'s engine against the devnet's demo market: both planted opportunities are found, their sizes are
/// integer optima (no better size one wei away, equal to a brute-force walk), and every reported route, executed
/// hop by hop on the real pairs and pools from a funded dev account, receives exactly the predicted amounts.
/// Executions run inside evm_snapshot / evm_revert.
@Suite(.serialized, .enabled(if: Devnet.available, Devnet.reason)) struct ScanDevnetTests {
    static func config() throws -> DefiConfig {
        let dir = URL(fileURLWithPath: try #require(Devnet.deploymentPath)).deletingLastPathComponent()
        let text = try String(contentsOf: dir.appendingPathComponent("defi.yaml"), encoding: .utf8)
        var c = try ConfigValidator().validate(try ConfigYAML.parse(text, path: "defi.yaml"))
        c.rpcURL = Devnet.url
        return c
    }

    static var seededBlock: String {
        if case .number(let n)? = Devnet.deployment["block_number"] { return n }
        return "latest"
    }

    static func planted(_ key: String, _ field: String) throws -> U256 {
        guard case .string(let s)? = Devnet.deployment["market"]?["opportunities"]?[key]?[field] else {
            throw RPCError.malformedReply(what: "deployment market.opportunities.\(key).\(field)", bodyPrefix: "")
        }
        return try U256(parsing: s)
    }

    static func pool(_ key: String) throws -> Address { try Devnet.address("pools", key, "address") }

    /// The legs of a path of deployment pool keys from `token`.
    static func legs(_ keys: [String], from token: Address, in s: MarketSnapshot) throws -> [Leg] {
        var t = token
        return try keys.map { k in
            let a = try pool(k)
            let p = try #require(s.pools.first { $0.address == a }, "pool \(k) in the snapshot")
            let l = try #require(Leg(pool: p, tokenIn: t))
            t = l.tokenOut
            return l
        }
    }

    /// Brute force over the last intermediate amount: for each y in ±w of `center`, the least input reaching y
    /// (every input above it for the same y only loses), profit from the exact replay.
    static func brute(_ legs: [Leg], center: U256, w: UInt64) -> I256 {
        var best = I256.min
        var y = center &- U256(w)
        while y <= center &+ U256(w) {
            if let x = RouteSizer.minimalInput(legs[0..<(legs.count - 1)], forOutput: y),
                let p = RouteSizer.profit(legs, amountIn: x), p > best
            {
                best = p
            }
            y = y &+ .one
        }
        return best
    }

    @Test func findsBothPlantedOpportunitiesAtTheirIntegerOptimum() async throws {
        let request = ScanRequest(block: Self.seededBlock, record: true, historyPath: Devnet.tempPath("scan") + ".sqlite")
        let result = try await ScanService.run(request, config: try Self.config())
        let s = result.snapshot
        let (weth, usdc) = (try QuoteDevnet.token("WETH"), try QuoteDevnet.token("USDC"))
        let all = result.opportunities + result.rejected

        // Cross-venue: USDC → WETH on venue A, WETH → USDC on venue B.
        let spatialLegs = try Self.legs(["uniswap_v2_a:WETH/USDC", "uniswap_v2_b:WETH/USDC"], from: usdc, in: s)
        let spatialKey = RoutePricer.route(
            strategy: .spatial, legs: spatialLegs,
            sized: SizedRoute(size: .one, outputs: [.one, .one], profit: .zero), blockNumber: nil
        ).cycleKey
        #expect(all.contains { $0.route.cycleKey == spatialKey }, "scan reports the cross-venue spread")
        let sp = try #require(ArbitrageEngine.size(spatialLegs, maxInput: nil))
        let plantedX = try Self.planted("cross_venue_spread", "optimal_usdc_in")
        let plantedP = try Self.planted("cross_venue_spread", "max_profit_usdc")
        #expect(sp.profit == I256(bits: plantedP), "cross-venue profit \(sp.profit) vs planted \(plantedP)")
        #expect(RouteSizer.profit(spatialLegs, amountIn: plantedX) == sp.profit)
        #expect(sp.profit == Self.brute(spatialLegs, center: sp.outputs[0], w: 3_000))

        // Triangle on venue A: WETH → USDC → DAI → WETH.
        let triLegs = try Self.legs(
            ["uniswap_v2_a:WETH/USDC", "uniswap_v2_a:USDC/DAI", "uniswap_v2_a:WETH/DAI"], from: weth, in: s)
        let triKey = RoutePricer.route(
            strategy: .triangular, legs: triLegs,
            sized: SizedRoute(size: .one, outputs: [.one, .one, .one], profit: .zero), blockNumber: nil
        ).cycleKey
        #expect(all.contains { $0.route.cycleKey == triKey }, "scan reports the triangle")
        let tri = try #require(ArbitrageEngine.size(triLegs, maxInput: nil))
        let plantedTX = try Self.planted("triangle", "optimal_weth_in")
        let plantedTP = try Self.planted("triangle", "max_profit_weth")
        // devnet/market.py's ternary search lands on a sawtooth tooth near the top; the integer optimum is at least it.
        #expect(tri.profit >= I256(bits: plantedTP), "triangle profit \(tri.profit) vs planted \(plantedTP)")
        #expect(RouteSizer.profit(triLegs, amountIn: plantedTX) == I256(bits: plantedTP))
        #expect(tri.profit == Self.brute(triLegs, center: tri.outputs[1], w: 3_000))

        // One wei-step: neither neighbour of either chosen size is better.
        for (legs, sized) in [(spatialLegs, sp), (triLegs, tri)] {
            for x in [sized.size &- .one, sized.size &+ .one] {
                #expect((RouteSizer.profit(legs, amountIn: x) ?? I256.min) <= sized.profit)
            }
        }
        // Recorded with route and snapshot, readable back.
        let store = try HistoryStore(path: try #require(request.historyPath))
        for o in result.opportunities {
            let id = try #require(o.id)
            let rec = try #require(try store.opportunity(id: id))
            #expect(try Route(jsonText: rec.route) == o.route)
            #expect(try MarketSnapshot(jsonText: try #require(rec.snapshot)) == s)
            #expect(rec.status == .detected && rec.blockNumber == s.blockNumber)
        }
        #expect(!result.opportunities.isEmpty)
    }

    // MARK: - executing the routes

    func send(_ c: RPCClient, from: Address, to: Address, data: [UInt8], value: U256? = nil) async throws -> Receipt {
        var tx: [String: JSONValue] = [
            "from": .address(from), "to": .address(to), "input": .data(data), "gas": .quantity(UInt64(3_000_000)),
        ]
        if let value { tx["value"] = .quantity(value) }
        let h = try await c.call("eth_sendTransaction", [.object(tx)]).hash32("tx hash")
        return try #require(try await c.receipt(h))
    }

    func call(_ sig: String, _ args: [ABIValue]) throws -> [UInt8] { try ABIFunction(signature: sig).encodeCall(args) }

    /// Funds `me` with `amount` of `token` (WETH by deposit, the others by the devnet tokens' open mint).
    func fund(_ c: RPCClient, _ me: Address, _ token: Address, _ amount: U256) async throws {
        if token == (try QuoteDevnet.token("WETH")) {
            _ = try await c.call("anvil_setBalance", [.address(me), .quantity(amount &+ U256(10) &* Units.powerOfTen(18))])
            let r = try await send(c, from: me, to: token, data: [0xd0, 0xe3, 0x0d, 0xb0], value: amount)
            #expect(r.succeeded)
        } else {
            let r = try await send(c, from: me, to: token, data: try call("mint(address,uint256)", [.address(me), .uint(amount)]))
            #expect(r.succeeded)
        }
    }

    /// Executes `route` hop by hop: V2 by transferring in and calling pair.swap, V3 through SwapRouter; returns
    /// each hop's received amount.
    func execute(_ c: RPCClient, _ me: Address, _ route: Route) async throws -> [U256] {
        var got: [U256] = []
        var amount = route.size
        for h in route.hops {
            let before = try await QuoteDevnet.balance(h.hop.tokenOut, of: me, client: c)
            switch h.hop.kind {
            case .uniswapV2:
                let t = try await send(
                    c, from: me, to: h.hop.tokenIn,
                    data: try call("transfer(address,uint256)", [.address(h.hop.pool), .uint(amount)]))
                #expect(t.succeeded)
                let zeroForOne = h.hop.tokenIn < h.hop.tokenOut
                let out = h.amountOut
                let s = try await send(
                    c, from: me, to: h.hop.pool,
                    data: try call(
                        "swap(uint256,uint256,address,bytes)",
                        [.uint(zeroForOne ? .zero : out), .uint(zeroForOne ? out : .zero), .address(me), .bytes([])]))
                #expect(s.succeeded, "pair.swap of the predicted \(out) on \(h.hop.pool)")
            case .uniswapV3:
                let router = try QuoteDevnet.router("uniswap_v3")
                _ = try await send(
                    c, from: me, to: h.hop.tokenIn,
                    data: try call("approve(address,uint256)", [.address(router), .uint(amount)]))
                let poolFee = try await v3Fee(c, h.hop.pool)
                let s = try await send(
                    c, from: me, to: router,
                    data: try call(
                        "exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))",
                        [.tuple([.address(h.hop.tokenIn), .address(h.hop.tokenOut), .uint(U256(poolFee)), .address(me),
                                 .uint(U256.one << 200), .uint(amount), .uint(.zero), .uint(h.hop.extra)])]))
                #expect(s.succeeded)
            default:
                Issue.record("hop kind \(h.hop.kind.name) not executed by this test")
            }
            let received = (try await QuoteDevnet.balance(h.hop.tokenOut, of: me, client: c)) - before
            got.append(received)
            amount = received
        }
        return got
    }

    func v3Fee(_ c: RPCClient, _ pool: Address) async throws -> UInt64 {
        let d = try #require(try await c.call(CallRequest(to: pool, data: [0xdd, 0xca, 0x3f, 0x43]), at: .latest).returnData)
        return try #require(try ABIWords(d, function: "fee", count: 1).uint(0).uint64)
    }

    @Test func everyReportedRouteReceivesExactlyThePrediction() async throws {
        let c = try Devnet.client()
        let me = try QuoteDevnet.account(7)
        let result = try await ScanService.run(ScanRequest(record: false), config: try Self.config())
        #expect(!result.opportunities.isEmpty)
        var exact = 0
        var failures: [String] = []
        for o in result.opportunities {
            let snap = try await c.call("evm_snapshot")
            do {
                // Re-checked at the head (what execute does): unchanged market, unchanged route.
                let route = try RoutePricer.replay(o.route, in: result.snapshot)
                try await fund(c, me, route.tokenIn, route.size)
                let got = try await execute(c, me, route)
                if got == route.hops.map(\.amountOut) {
                    exact += 1
                } else {
                    failures.append("\(route.path.map(\.checksummed)) predicted \(route.hops.map(\.amountOut)) got \(got)")
                }
                // The final output covers the input plus the gross profit, to the wei.
                #expect(I256(bits: got.last ?? .zero) &- I256(bits: route.size) == o.route.grossProfit)
            } catch {
                failures.append("error: \(error)")
            }
            _ = try await c.call("evm_revert", [snap])
        }
        #expect(failures.isEmpty, "\(failures)")
        FileHandle.standardError.write(Data("scan-integration: \(exact)/\(result.opportunities.count) routes executed wei-exact\n".utf8))
    }
}
