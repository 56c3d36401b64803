import Foundation
import Primitives
import TestSupport
import Testing

@testable import Protocols

/// V2 quotes and V3 math against the exact-integer Python reference (Tests/oracles/gen_uniswap.py).
@Suite struct UniswapOracleTests {
    static let enabled = Fixtures.hasOracle("uniswap")

    static func cases(_ kind: String) throws -> [[String: Any]] {
        let all = try Parse.list(try Fixtures.oracle("uniswap"), "cases")
        return all.filter { ($0["kind"] as? String) == kind }
    }

    /// The result as the oracle writes it: the decimal value or "revert".
    static func render<E: Error>(_ body: () throws(E) -> U256) -> String {
        do { return try body().description } catch { return "revert" }
    }

    @Test(.enabled(if: enabled, "oracle uniswap.json absent: run scripts/test"))
    func v2QuotesMatchReference() throws {
        let cases = try Self.cases("v2")
        #expect(cases.count >= 1000)
        for (i, c) in cases.enumerated() {
            let rin = try Parse.u256(c, "reserve_in")
            let rout = try Parse.u256(c, "reserve_out")
            let a = try Parse.u256(c, "amount")
            let fee = UInt32(try Parse.int(c, "fee_bps"))
            let out = Self.render { () throws(V2Error) in
                try V2Math.getAmountOut(amountIn: a, reserveIn: rin, reserveOut: rout, feeBps: fee)
            }
            let inn = Self.render { () throws(V2Error) in
                try V2Math.getAmountIn(amountOut: a, reserveIn: rin, reserveOut: rout, feeBps: fee)
            }
            #expect(
                out == (try Parse.string(c, "amount_out")),
                "v2 case \(i) getAmountOut(\(a), \(rin), \(rout), \(fee)) got \(out)")
            #expect(
                inn == (try Parse.string(c, "amount_in")),
                "v2 case \(i) getAmountIn(\(a), \(rin), \(rout), \(fee)) got \(inn)")
        }
    }

    @Test(.enabled(if: enabled, "oracle uniswap.json absent: run scripts/test"))
    func tickMathMatchesReference() throws {
        let cases = try Self.cases("tickmath")
        #expect(cases.count >= 1000)
        for (i, c) in cases.enumerated() {
            let t = Int32(try Parse.int(c, "tick"))
            let p = try Parse.u256(c, "price")
            let got = try TickMath.sqrtRatio(atTick: t)
            #expect(got.description == (try Parse.string(c, "sqrt_at_tick")), "tickmath case \(i) tick \(t) got \(got)")
            let tick: String
            do { tick = "\(try TickMath.tick(atSqrtRatio: p))" } catch { tick = "revert" }
            #expect(tick == (try Parse.string(c, "tick_at_price")), "tickmath case \(i) price \(p) got \(tick)")
        }
    }

    @Test(.enabled(if: enabled, "oracle uniswap.json absent: run scripts/test"))
    func sqrtPriceMathMatchesReference() throws {
        let cases = try Self.cases("sqrtpricemath")
        #expect(cases.count >= 1000)
        for (i, c) in cases.enumerated() {
            let p = try Parse.u256(c, "p")
            let q = try Parse.u256(c, "q")
            let l = try Parse.u128(c, "liquidity")
            let a = try Parse.u256(c, "amount")
            let z = try Parse.bool(c, "zero_for_one")
            let got: [String: String] = [
                "next_in": Self.render { () throws(V3Error) in
                    try SqrtPriceMath.nextSqrtPriceFromInput(sqrtPriceX96: p, liquidity: l, amountIn: a, zeroForOne: z)
                },
                "next_out": Self.render { () throws(V3Error) in
                    try SqrtPriceMath.nextSqrtPriceFromOutput(
                        sqrtPriceX96: p, liquidity: l, amountOut: a, zeroForOne: z)
                },
                "amount0_up": Self.render { () throws(V3Error) in
                    try SqrtPriceMath.amount0Delta(sqrtRatioA: p, sqrtRatioB: q, liquidity: l, roundUp: true)
                },
                "amount0_down": Self.render { () throws(V3Error) in
                    try SqrtPriceMath.amount0Delta(sqrtRatioA: p, sqrtRatioB: q, liquidity: l, roundUp: false)
                },
                "amount1_up": Self.render { () throws(V3Error) in
                    try SqrtPriceMath.amount1Delta(sqrtRatioA: p, sqrtRatioB: q, liquidity: l, roundUp: true)
                },
                "amount1_down": Self.render { () throws(V3Error) in
                    try SqrtPriceMath.amount1Delta(sqrtRatioA: p, sqrtRatioB: q, liquidity: l, roundUp: false)
                },
            ]
            for (key, value) in got.sorted(by: { $0.key < $1.key }) {
                let expected = try Parse.string(c, key)
                #expect(
                    value == expected,
                    "sqrtpricemath case \(i) \(key): p=\(p) q=\(q) L=\(l) amount=\(a) z=\(z) got \(value) expected \(expected)"
                )
            }
        }
    }

    @Test(.enabled(if: enabled, "oracle uniswap.json absent: run scripts/test"))
    func computeSwapStepMatchesReference() throws {
        let cases = try Self.cases("swapmath")
        #expect(cases.count >= 1000)
        for (i, c) in cases.enumerated() {
            let got: [String]
            do {
                let s = try SwapMath.computeSwapStep(
                    sqrtRatioCurrentX96: try Parse.u256(c, "current"), sqrtRatioTargetX96: try Parse.u256(c, "target"),
                    liquidity: try Parse.u128(c, "liquidity"), amountRemaining: try Parse.i256(c, "remaining"),
                    feePips: UInt32(try Parse.int(c, "fee")))
                got = [s.sqrtRatioNextX96, s.amountIn, s.amountOut, s.feeAmount].map(\.description)
            } catch is V3Error {
                got = ["revert"]
            }
            let expected = (c["result"] as? [String]) ?? ["revert"]
            #expect(got == expected, "swapmath case \(i): \(c) got \(got)")
        }
    }

    @Test(.enabled(if: enabled, "oracle uniswap.json absent: run scripts/test"))
    func poolSwapsMatchReference() throws {
        let cases = try Self.cases("swap")
        #expect(cases.count >= 1000)
        var completed = 0
        for (i, c) in cases.enumerated() {
            let p = try Parse.dict(c, "pool")
            let ticks = try (p["ticks"] as? [[Any]] ?? []).map { pair -> V3Tick in
                guard let t = pair.first as? Int, let n = pair.last as? String, let net = Int128(n) else {
                    throw Parse.Missing(key: "ticks")
                }
                return V3Tick(index: Int32(t), liquidityNet: net)
            }
            let pool = try V3PoolState(
                sqrtPriceX96: try Parse.u256(p, "sqrtPriceX96"), tick: Int32(try Parse.int(p, "tick")),
                liquidity: try Parse.u128(p, "liquidity"), fee: UInt32(try Parse.int(p, "fee")),
                tickSpacing: Int32(try Parse.int(p, "tickSpacing")), ticks: ticks)
            let r = try Parse.dict(c, "result")
            let z = try Parse.bool(c, "zero_for_one")
            let amount = try Parse.i256(c, "amount")
            let limit = try Parse.u256(c, "limit")
            let result = Result { () throws(V3Error) in
                try pool.swap(zeroForOne: z, amountSpecified: amount, sqrtPriceLimitX96: limit)
            }
            switch result {
            case .success(let s):
                let got = [
                    s.amount0.description, s.amount1.description, s.newState.sqrtPriceX96.description,
                    "\(s.newState.tick)", "\(s.newState.liquidity)",
                ]
                let expected = try ["amount0", "amount1", "sqrtPriceX96", "tick", "liquidity"].map {
                    try Parse.string(r, $0)
                }
                #expect(
                    got == expected,
                    "swap case \(i): z=\(z) amount=\(amount) limit=\(limit) got \(got) expected \(expected)")
                completed += 1
            case .failure(let error):
                let expected = (r["revert"] as? String) ?? "no revert"
                // The reference names contract reverts by their string and its own checks by a word.
                if ["SPL", "AS", "LS", "LA", "T", "R"].contains(expected) {
                    #expect(error.revertReason == expected, "swap case \(i): threw \(error), expected \(expected)")
                } else {
                    #expect(expected != "no revert", "swap case \(i): threw \(error), reference completed")
                }
            }
        }
        #expect(completed >= 500)
    }
}
