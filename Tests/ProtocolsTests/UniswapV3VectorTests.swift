import Foundation
import Primitives
import TestSupport
import Testing

@testable import Protocols

/// The Uniswap v3-core snapshot and spec vectors in ../shared/vectors/univ3_swaps.json, case by case.
@Suite struct UniswapV3VectorTests {
    static let enabled = Fixtures.hasVector("univ3_swaps")

    static func corpus() throws -> [String: Any] { try Fixtures.vector("univ3_swaps") }

    @Test(.enabled(if: enabled, "vector univ3_swaps.json absent"))
    func tickMathMatchesSnapshot() throws {
        let cases = try Parse.list(try Self.corpus(), "tickmath_cases")
        #expect(cases.count == 52)
        for c in cases {
            let fn = try Parse.string(c, "fn")
            if fn == "getSqrtRatioAtTick" {
                let tick = Int32(try Parse.int(c, "tick"))
                if let reason = c["reverts"] as? String {
                    #expect(throws: V3Error.tickOutOfRange(tick: tick), "tick \(tick) should revert \(reason)") {
                        try TickMath.sqrtRatio(atTick: tick)
                    }
                    continue
                }
                let got = try TickMath.sqrtRatio(atTick: tick)
                #expect(got == (try Parse.u256(c, "sqrtPriceX96")), "getSqrtRatioAtTick(\(tick)) got \(got)")
            } else {
                let p = try Parse.u256(c, "sqrtPriceX96")
                if c["reverts"] != nil {
                    #expect(throws: V3Error.sqrtRatioOutOfRange(sqrtPriceX96: p)) { try TickMath.tick(atSqrtRatio: p) }
                    continue
                }
                let got = try TickMath.tick(atSqrtRatio: p)
                let expected = Int32(try Parse.int(c, "tick"))
                #expect(got == expected, "getTickAtSqrtRatio(\(p)) got \(got) expected \(expected)")
            }
        }
    }

    @Test(.enabled(if: enabled, "vector univ3_swaps.json absent"))
    func sqrtPriceMathMatchesSpec() throws {
        let cases = try Parse.list(try Self.corpus(), "sqrtpricemath_cases")
        #expect(cases.count == 35)
        for c in cases {
            let name = try Parse.string(c, "name")
            let a = try Parse.dict(c, "args")
            let result: Result<U256, V3Error>
            switch try Parse.string(c, "fn") {
            case "getNextSqrtPriceFromInput":
                let p = try Parse.u256(a, "sqrtPX96")
                let l = try Parse.u128(a, "liquidity")
                let amount = try Parse.u256(a, "amountIn")
                let z = try Parse.bool(a, "zeroForOne")
                result = Result { () throws(V3Error) in
                    try SqrtPriceMath.nextSqrtPriceFromInput(
                        sqrtPriceX96: p, liquidity: l, amountIn: amount, zeroForOne: z)
                }
            case "getNextSqrtPriceFromOutput":
                let p = try Parse.u256(a, "sqrtPX96")
                let l = try Parse.u128(a, "liquidity")
                let amount = try Parse.u256(a, "amountOut")
                let z = try Parse.bool(a, "zeroForOne")
                result = Result { () throws(V3Error) in
                    try SqrtPriceMath.nextSqrtPriceFromOutput(
                        sqrtPriceX96: p, liquidity: l, amountOut: amount, zeroForOne: z)
                }
            case "getAmount0Delta", "getAmount1Delta":
                let pa = try Parse.u256(a, "sqrtRatioAX96")
                let pb = try Parse.u256(a, "sqrtRatioBX96")
                let l = try Parse.u128(a, "liquidity")
                let up = try Parse.bool(a, "roundUp")
                let zero = try Parse.string(c, "fn") == "getAmount0Delta"
                result = Result { () throws(V3Error) in
                    zero
                        ? try SqrtPriceMath.amount0Delta(sqrtRatioA: pa, sqrtRatioB: pb, liquidity: l, roundUp: up)
                        : try SqrtPriceMath.amount1Delta(sqrtRatioA: pa, sqrtRatioB: pb, liquidity: l, roundUp: up)
                }
            default:
                Issue.record("unknown fn in \(name)")
                continue
            }
            let expected = try Parse.string(c, "expected")
            switch result {
            case .success(let v): #expect(v.description == expected, "\(name): got \(v) expected \(expected)")
            case .failure(let e): #expect(expected == "reverts", "\(name): threw \(e), expected \(expected)")
            }
        }
    }

    @Test(.enabled(if: enabled, "vector univ3_swaps.json absent"))
    func computeSwapStepMatchesSpec() throws {
        let cases = try Parse.list(try Self.corpus(), "swapmath_cases")
        #expect(cases.count == 9)
        for c in cases {
            let name = try Parse.string(c, "name")
            let step = try SwapMath.computeSwapStep(
                sqrtRatioCurrentX96: try Parse.u256(c, "sqrtRatioCurrentX96"),
                sqrtRatioTargetX96: try Parse.u256(c, "sqrtRatioTargetX96"), liquidity: try Parse.u128(c, "liquidity"),
                amountRemaining: try Parse.i256(c, "amountRemaining"), feePips: UInt32(try Parse.int(c, "feePips")))
            let e = try Parse.dict(c, "all_outputs")
            let got = [step.sqrtRatioNextX96, step.amountIn, step.amountOut, step.feeAmount].map(\.description)
            let expected = try ["sqrtRatioNextX96", "amountIn", "amountOut", "feeAmount"].map {
                try Parse.string(e, $0)
            }
            #expect(got == expected, "\(name): got \(got) expected \(expected)")
        }
    }

    @Test(.enabled(if: enabled, "vector univ3_swaps.json absent"))
    func poolSwapsMatchSnapshot() throws {
        let corpus = try Self.corpus()
        var fixtures: [String: V3PoolState] = [:]
        for f in try Parse.list(corpus, "pool_fixtures") {
            let positions = try Parse.list(f, "positions").map {
                (
                    Int32(try Parse.int($0, "tickLower")), Int32(try Parse.int($0, "tickUpper")),
                    try Parse.u128($0, "liquidity")
                )
            }
            fixtures[try Parse.string(f, "description")] = try PoolBuilder.pool(
                sqrtPriceX96: try Parse.u256(try Parse.dict(f, "startingPrice"), "sqrtPriceX96"),
                fee: UInt32(try Parse.int(f, "feeAmount")), tickSpacing: Int32(try Parse.int(f, "tickSpacing")),
                positions: positions)
        }
        let cases = try Parse.list(corpus, "swap_cases")
        #expect(cases.count == 240)
        var ran = 0
        for c in cases {
            let id = try Parse.string(c, "id")
            guard let pool = fixtures[try Parse.string(c, "pool")] else {
                Issue.record("\(id): unknown pool")
                continue
            }
            let s = try Parse.dict(c, "swap")
            let e = try Parse.dict(c, "expected")
            #expect(Int(pool.tick) == (try Parse.int(e, "tickBefore")), "\(id): tickBefore got \(pool.tick)")
            let zeroForOne = try Parse.bool(s, "zeroForOne")
            let amount = try Parse.i256(s, "amountSpecified")
            let limit = try Parse.u256(s, "sqrtPriceLimitX96")
            let result = Result { () throws(V3Error) in
                try pool.swap(zeroForOne: zeroForOne, amountSpecified: amount, sqrtPriceLimitX96: limit)
            }
            ran += 1
            if try Parse.bool(e, "reverts") {
                let reason = try Parse.string(e, "swapError")
                switch result {
                case .success(let r): Issue.record("\(id): expected revert \(reason), got \(r.amount0)/\(r.amount1)")
                case .failure(let err):
                    #expect(
                        err.revertReason.map { reason.hasSuffix(" " + $0) } == true,
                        "\(id): got \(err), expected \(reason)")
                }
                continue
            }
            switch result {
            case .failure(let err): Issue.record("\(id): threw \(err)")
            case .success(let r):
                let got = [
                    r.amount0.description, r.amount1.description, "\(r.newState.tick)",
                    r.newState.feeGrowthGlobal0X128.description, r.newState.feeGrowthGlobal1X128.description,
                ]
                let expected = try [
                    "amount0Delta", "amount1Delta", "tickAfter", "feeGrowthGlobal0X128Delta",
                    "feeGrowthGlobal1X128Delta",
                ].map { try Parse.string(e, $0) }
                #expect(got == expected, "\(id): got \(got) expected \(expected)")
                if let d = c["derived_exact"] as? [String: Any] {
                    #expect(
                        r.newState.sqrtPriceX96 == (try Parse.u256(d, "sqrtPriceX96After")),
                        "\(id): sqrtPriceX96After got \(r.newState.sqrtPriceX96)")
                    #expect(
                        r.newState.liquidity == (try Parse.u128(d, "liquidityAfter")),
                        "\(id): liquidityAfter got \(r.newState.liquidity)")
                }
            }
        }
        #expect(ran == 240)
    }
}
