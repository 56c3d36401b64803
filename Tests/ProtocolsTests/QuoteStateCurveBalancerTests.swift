import Primitives
import TestSupport
import Testing

@testable import Protocols

/// `defi quote --state` over Curve and Balancer pools: state files built from the oracle cases (curvesim and the
/// Vyper transcriptions for Curve; balancer-maths for Balancer), written and read back through the
/// defi.market-state/1 JSON, quoted by QuoteEngine, equal the oracles' own amounts to the wei.
@Suite struct QuoteStateCurveBalancerTests {
    static let hash = try! Hash32(hex: "0x" + String(repeating: "ab", count: 32))

    /// Distinct token addresses 0x…0101, 0x…0102, …
    static func token(_ k: Int) -> Address {
        var b = [UInt8](repeating: 0, count: 20)
        b[18] = 1
        b[19] = UInt8(k + 1)
        return try! Address(bytes: b)
    }

    static func roundTrip(_ pools: [PoolEntry], coins: Int) throws -> MarketSnapshot {
        let snap = MarketSnapshot(
            chainID: 1, blockNumber: 7, blockHash: hash,
            tokens: (0..<coins).map { SnapshotToken(address: token($0), symbol: "T\($0)", decimals: 18) }, pools: pools)
        let back = try MarketSnapshot(jsonText: try snap.jsonText())
        #expect(back == snap)
        return back
    }

    /// The engine's single quote, or the failure text.
    static func engine(_ s: MarketSnapshot, _ i: Int, _ j: Int, _ amount: U256, _ side: QuoteSide) -> String {
        let o = QuoteEngine.quote(s, tokenIn: token(i), tokenOut: token(j), amount: amount, side: side)
        if let q = o.quotes.first { return (side == .exactIn ? q.amountOut : q.amountIn).description }
        return o.failures.first.map { "failure \($0.failure)" } ?? "no pool"
    }

    static let pool = try! Address(parsing: "0x00000000000000000000000000000000000000c0")

    @Test(.enabled(if: CurveOracleTests.enabled, "oracle curve.json absent: run scripts/test"))
    func curveStateQuotesEqualTheOracles() throws {
        var checked = 0
        for kind in ["classic", "template", "ng"] {
            for (n, c) in try CurveOracleTests.cases(kind).prefix(400).enumerated() {
                if c["revert"] != nil || c["revert_D"] != nil { continue }
                let balances = try CurveOracleTests.us(c, "balances")
                let rates = try CurveOracleTests.us(c, "rates")
                let amp = try CurveOracleTests.u(c, "amp"), fee = try CurveOracleTests.u(c, "fee")
                let state: CurvePool =
                    kind == "ng"
                    ? .ng(
                        try CurveStableSwapNG(
                            balances: balances, rates: rates, amp: amp, fee: fee,
                            offpegFeeMultiplier: try CurveOracleTests.u(c, "offpeg")))
                    : .classic(
                        try CurveStableSwapClassic(
                            generation: kind == "classic" ? .pool3 : .template, balances: balances, rates: rates,
                            amp: amp, fee: fee, adminFee: try CurveOracleTests.u(c, "admin_fee")))
                let entry = try CurvePoolEntry(coins: (0..<balances.count).map(Self.token), pool: state)
                let snap = try Self.roundTrip(
                    [PoolEntry(venue: "curve_\(kind)", address: Self.pool, state: .curve(entry))], coins: balances.count
                )
                let i = try CurveOracleTests.int(c, "i"), j = try CurveOracleTests.int(c, "j")
                let dx = try CurveOracleTests.u(c, "dx")
                // What exchange pays: curvesim's exchange dy (classic), get_dy (template: the exchange formula;
                // ng: the shared get_dy/exchange body).
                let want = (kind == "template" ? c["get_dy"] : c["dy"]) as? String
                let got = Self.engine(snap, i, j, dx, .exactIn)
                #expect(got == want, "\(kind) case \(n) i=\(i) j=\(j) dx=\(dx): engine \(got), oracle \(want ?? "")")
                if kind == "ng", c["revert_dx"] == nil, let wantDx = c["get_dx"] as? String {
                    let dy = try CurveOracleTests.u(c, "dy_want")
                    let gotDx = Self.engine(snap, i, j, dy, .exactOut)
                    #expect(gotDx == wantDx, "ng case \(n) get_dx(\(dy)): engine \(gotDx), oracle \(wantDx)")
                }
                if kind == "classic" {
                    #expect(Self.engine(snap, i, j, dx, .exactOut).hasPrefix("failure"))  // classic pools: no get_dx
                }
                checked += 1
            }
        }
        #expect(checked > 900)
    }

    @Test(.enabled(if: BalancerOracleTests.enabled, "oracle balancer.json absent: run scripts/test"))
    func balancerWeightedStateQuotesEqualTheOracle() throws {
        var numeric = 0
        for (n, c) in try BalancerOracleTests.cases("swap").prefix(600).enumerated() {
            let u = { (k: String) throws -> U256 in try BalancerOracleTests.u(c, k) }
            let entry = try BalancerPoolEntry(
                poolId: Self.hash, tokens: [Self.token(0), Self.token(1)], balances: [try u("bi"), try u("bo")],
                scalingFactors: [try u("sfi"), try u("sfo")], swapFeePercentage: try u("fee"),
                kind: .weighted(normalizedWeights: [try u("wi"), try u("wo")]))
            let snap = try Self.roundTrip(
                [PoolEntry(venue: "bal", address: Self.pool, state: .balancer(entry))], coins: 2)
            for (side, amount, want) in [(QuoteSide.exactIn, try u("ai"), c["out"]), (.exactOut, try u("ao"), c["in"])]
            {
                let got = Self.engine(snap, 0, 1, amount, side)
                guard let want else { continue }
                if want.first?.isNumber == true {
                    #expect(got == want, "case \(n) \(side) \(amount): engine \(got), oracle \(want)")
                    numeric += 1
                } else {
                    #expect(got.hasPrefix("failure"), "case \(n) \(side) \(amount): engine \(got), oracle \(want)")
                }
            }
        }
        #expect(numeric > 300)
    }

    @Test(.enabled(if: BalancerOracleTests.enabled, "oracle balancer.json absent: run scripts/test"))
    func balancerStableStateQuotesEqualTheOracle() throws {
        // The oracle is StableMath on upscaled balances; a pool of 18-decimal tokens (scaling factor 1e18) with a
        // zero swap fee makes onSwap's fee and scaling steps identities, so the pool quote must equal it.
        var numeric = 0
        let one = U256(1_000_000_000_000_000_000 as UInt64)
        for (n, c) in try BalancerOracleTests.cases("stable").prefix(600).enumerated() {
            let balances = try (c["balances"] ?? "").split(separator: ",").map { s throws in try U256(parsing: s) }
            guard let i = Int(c["i"] ?? ""), let j = Int(c["j"] ?? ""), c["inv"]?.first?.isNumber == true else {
                continue
            }
            let entry = try BalancerPoolEntry(
                poolId: Self.hash, tokens: (0..<balances.count).map(Self.token), balances: balances,
                scalingFactors: Array(repeating: one, count: balances.count), swapFeePercentage: .zero,
                kind: .stable(amp: try BalancerOracleTests.u(c, "amp")))
            let snap = try Self.roundTrip(
                [PoolEntry(venue: "bal", address: Self.pool, state: .balancer(entry))], coins: balances.count)
            for (side, key, amount) in [
                (QuoteSide.exactIn, "out", try BalancerOracleTests.u(c, "ai")),
                (.exactOut, "in", try BalancerOracleTests.u(c, "ao")),
            ] {
                guard let want = c[key] else { continue }
                let got = Self.engine(snap, i, j, amount, side)
                if want.first?.isNumber == true {
                    #expect(got == want, "case \(n) \(side) \(i)->\(j) \(amount): engine \(got), oracle \(want)")
                    numeric += 1
                } else {
                    #expect(got.hasPrefix("failure"), "case \(n) \(side): engine \(got), oracle \(want)")
                }
            }
        }
        #expect(numeric > 300)
    }

    @Test func mixedStateRanksAllFamiliesAndRefusesBadFields() throws {
        let one = U256(1_000_000_000_000_000_000 as UInt64)
        let e18 = { (n: UInt64) in U256(n) * one }
        let (a, b) = (Self.token(0), Self.token(1))
        let v2 = try V2Pair(token0: a, token1: b, reserve0: e18(1000), reserve1: e18(1000), feeBps: 30)
        let ng = try CurvePoolEntry(
            coins: [a, b],
            pool: .ng(
                try CurveStableSwapNG(
                    balances: [e18(1000), e18(1000)], rates: [one, one], amp: U256(200_000), fee: U256(1_000_000),
                    offpegFeeMultiplier: U256(20_000_000_000))))
        let bal = try BalancerPoolEntry(
            poolId: Self.hash, tokens: [b, a], balances: [e18(1000), e18(1000)], scalingFactors: [one, one],
            swapFeePercentage: U256(1_000_000_000_000_000), kind: .stable(amp: U256(200_000)))
        let addr = { (k: UInt8) in try! Address(bytes: [UInt8](repeating: 0, count: 19) + [k]) }
        let snap = try Self.roundTrip(
            [
                PoolEntry(venue: "v2", address: addr(1), state: .uniswapV2(v2)),
                PoolEntry(venue: "curve", address: addr(2), state: .curve(ng)),
                PoolEntry(venue: "balancer", address: addr(3), state: .balancer(bal)),
            ], coins: 2)
        let o = QuoteEngine.quote(snap, tokenIn: a, tokenOut: b, amount: e18(10), side: .exactIn)
        #expect(o.quotes.map(\.kind) == ["curve", "balancer", "uniswap_v2"])
        #expect(o.quotes[0].amountOut == (try ng.pool.amountOut(i: 0, j: 1, dx: e18(10))))
        #expect(o.quotes[1].amountOut == (try bal.swapGivenIn(i: 1, j: 0, amountIn: e18(10))))
        #expect(o.quotes[0].fee == 100 && o.quotes[1].fee == 1000)  // 0.01 % and 0.1 % in parts of 1e6
        let text = try snap.jsonText()
        for (from, to, reason) in [
            ("\"variant\" : \"ng\"", "\"variant\" : \"v9\"", "variant"),
            ("\"pool_type\" : \"stable\"", "\"pool_type\" : \"boosted\"", "pool_type"),
            ("\"offpeg_fee_multiplier\"", "\"offpeg\"", "offpeg_fee_multiplier missing"),
        ] {
            #expect(text.contains(from))
            #expect {
                _ = try MarketSnapshot(jsonText: text.replacingOccurrences(of: from, with: to))
            } throws: { e in "\(e)".contains(reason) }
        }
    }
}
