import Primitives
import Testing

@testable import Protocols

/// UniswapV2Library quotes, UniswapV2Pair.swap's K check, flash repayment bounds and pair addresses.
@Suite struct V2PairTests {
    static func addr(_ s: String) throws -> Address { try Address(parsing: s) }
    static let e18 = U256(1_000_000_000_000_000_000)

    @Test func getAmountOutMatchesV2CoreSwapTestCases() throws {
        // v2-core test/UniswapV2Pair.spec.ts swapTestCases (protocol-notes 1.1).
        let got = try V2Math.getAmountOut(
            amountIn: Self.e18, reserveIn: Self.e18 * U256(5), reserveOut: Self.e18 * U256(10))
        #expect(got == (try U256(parsing: "1662497915624478906")))
        let got2 = try V2Math.getAmountOut(
            amountIn: Self.e18, reserveIn: Self.e18 * U256(1000), reserveOut: Self.e18 * U256(1000))
        #expect(got2 == (try U256(parsing: "996006981039903216")))
    }

    @Test func getAmountInRoundsUpAndRejectsFullReserve() throws {
        // optimisticTestCases: 0.997e18 out of (5e18, 5e18)... the +1 keeps amountIn sufficient.
        let rIn = Self.e18 * U256(5)
        let rOut = Self.e18 * U256(10)
        for out in [U256(1), U256(997), Self.e18] {
            let a = try V2Math.getAmountIn(amountOut: out, reserveIn: rIn, reserveOut: rOut)
            #expect(try V2Math.getAmountOut(amountIn: a, reserveIn: rIn, reserveOut: rOut) >= out)
        }
        #expect(throws: V2Error.outputNotBelowReserve(amountOut: rOut, reserveOut: rOut)) {
            try V2Math.getAmountIn(amountOut: rOut, reserveIn: rIn, reserveOut: rOut)
        }
        #expect(throws: V2Error.insufficientInputAmount) {
            try V2Math.getAmountOut(amountIn: .zero, reserveIn: rIn, reserveOut: rOut)
        }
    }

    @Test func feeBpsFormMatchesThe997Over1000Form() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let a = U256(UInt64.random(in: 1...UInt64.max, using: &rng))
            let r0 = U256(UInt64.random(in: 1...UInt64.max, using: &rng))
            let r1 = U256(UInt64.random(in: 1...UInt64.max, using: &rng))
            let classic = a * U256(997) * r1 / (r0 * U256(1000) + a * U256(997))
            #expect(
                try V2Math.getAmountOut(amountIn: a, reserveIn: r0, reserveOut: r1, feeBps: 30) == classic,
                "a=\(a) r0=\(r0) r1=\(r1)")
        }
    }

    @Test func kCheckAcceptsTheQuoteAndRejectsOneWeiMore() throws {
        let t0 = try Self.addr("0x1000000000000000000000000000000000000000")
        let t1 = try Self.addr("0x2000000000000000000000000000000000000000")
        let pair = try V2Pair(token0: t0, token1: t1, reserve0: Self.e18 * U256(5), reserve1: Self.e18 * U256(10))
        let amountIn = Self.e18
        let out = try pair.amountOut(amountIn: amountIn, zeroForOne: true)
        let after = try pair.swap(amount0In: amountIn, amount1In: .zero, amount0Out: .zero, amount1Out: out)
        #expect(after.reserve0 == pair.reserve0 + amountIn)
        #expect(throws: V2Error.self) {
            try pair.swap(amount0In: amountIn, amount1In: .zero, amount0Out: .zero, amount1Out: out + .one)
        }
        #expect(throws: V2Error.pairInsufficientLiquidity(amountOut: pair.reserve1, reserve: pair.reserve1)) {
            try pair.swap(amount0In: amountIn, amount1In: .zero, amount0Out: .zero, amount1Out: pair.reserve1)
        }
        #expect(throws: V2Error.pairInsufficientInputAmount) {
            try pair.swap(amount0In: .zero, amount1In: .zero, amount0Out: .zero, amount1Out: .one)
        }
        #expect(
            (try? pair.swap(amount0In: amountIn, amount1In: .zero, amount0Out: .zero, amount1Out: out + .one)) == nil)
    }

    @Test func flashRepaymentIsTheExactKBoundary() throws {
        let t0 = try Self.addr("0x1000000000000000000000000000000000000000")
        let t1 = try Self.addr("0x2000000000000000000000000000000000000000")
        for fee: UInt32 in [30, 25, 5, 100] {
            let pair = try V2Pair(
                token0: t0, token1: t1, reserve0: U256(123_456_789_012_345), reserve1: U256(987_654_321_000),
                feeBps: fee)
            for b in [U256(1), U256(997), U256(1_000_000), U256(12_345_678_901)] {
                for borrow0 in [true, false] {
                    for repay0 in [true, false] {
                        let r = try pair.flashRepayment(amountOut: b, borrowToken0: borrow0, repayInToken0: repay0)
                        let (o0, o1) = borrow0 ? (b, U256.zero) : (.zero, b)
                        func balances(_ repay: U256) -> (U256, U256) {
                            (
                                pair.reserve0 - o0 + (repay0 ? repay : .zero),
                                pair.reserve1 - o1 + (repay0 ? .zero : repay)
                            )
                        }
                        let (b0, b1) = balances(r)
                        #expect(
                            (try? pair.validateSwap(amount0Out: o0, amount1Out: o1, balance0: b0, balance1: b1)) != nil,
                            "fee \(fee) b=\(b) borrow0=\(borrow0) repay0=\(repay0): repay \(r) should pass K")
                        let (c0, c1) = balances(r - .one)
                        #expect(
                            (try? pair.validateSwap(amount0Out: o0, amount1Out: o1, balance0: c0, balance1: c1)) == nil,
                            "fee \(fee) b=\(b) borrow0=\(borrow0) repay0=\(repay0): repay \(r - .one) should fail K")
                        if borrow0 != repay0 {
                            // The library's getAmountIn is the minimum or one wei more.
                            let lib = try pair.amountIn(amountOut: b, zeroForOne: !borrow0)
                            #expect(lib == r || lib == r + .one, "getAmountIn \(lib) vs minimum \(r)")
                        }
                    }
                }
            }
        }
    }

    @Test func pairAddressesMatchMainnet() throws {
        let usdc = try Self.addr("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48")
        let weth = try Self.addr("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2")
        let uni = try V2Pair.address(
            factory: try Self.addr("0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f"), tokenA: weth, tokenB: usdc,
            initCodeHash: V2Pair.uniswapInitCodeHash)
        #expect(uni == (try Self.addr("0xB4e16d0168e52d35CaCD2c6185b44281Ec28C9Dc")))
        let sushi = try V2Pair.address(
            factory: try Self.addr("0xC0AEe478e3658e2610c5F7A4A2E1777cE9e4f2Ac"), tokenA: usdc, tokenB: weth,
            initCodeHash: V2Pair.sushiswapInitCodeHash)
        #expect(sushi == (try Self.addr("0x397FF1542f962076d0BFE58eA045FfA2d347ACa0")))
        #expect(throws: V2Error.identicalAddresses) {
            try V2Pair.address(factory: usdc, tokenA: weth, tokenB: weth, initCodeHash: V2Pair.uniswapInitCodeHash)
        }
    }

    @Test func multiHopAmountsChainAndInvert() throws {
        let a = try Self.addr("0x1000000000000000000000000000000000000000")
        let b = try Self.addr("0x2000000000000000000000000000000000000000")
        let c = try Self.addr("0x3000000000000000000000000000000000000000")
        let ab = try V2Pair(token0: a, token1: b, reserve0: Self.e18 * U256(100), reserve1: Self.e18 * U256(200))
        let bc = try V2Pair(
            token0: b, token1: c, reserve0: Self.e18 * U256(300), reserve1: Self.e18 * U256(50), feeBps: 25)
        let amounts = try V2Math.getAmountsOut(amountIn: Self.e18, path: [a, b, c], pairs: [ab, bc])
        #expect(amounts[1] == (try ab.amountOut(amountIn: Self.e18, zeroForOne: true)))
        #expect(amounts[2] == (try bc.amountOut(amountIn: amounts[1], zeroForOne: true)))
        let back = try V2Math.getAmountsIn(amountOut: amounts[2], path: [a, b, c], pairs: [ab, bc])
        #expect(back[0] <= Self.e18 + U256(2) && back[2] == amounts[2])
        #expect(throws: V2Error.invalidPath) { try V2Math.getAmountsOut(amountIn: Self.e18, path: [a], pairs: []) }
        #expect(throws: V2Error.self) { try V2Math.getAmountsOut(amountIn: Self.e18, path: [a, c], pairs: [ab]) }
    }

    @Test func reservesAboveUInt112AreRejected() throws {
        let a = try Self.addr("0x1000000000000000000000000000000000000000")
        let b = try Self.addr("0x2000000000000000000000000000000000000000")
        #expect(throws: V2Error.reserveOverflow(value: U256.one << 112)) {
            try V2Pair(token0: a, token1: b, reserve0: U256.one << 112, reserve1: .one)
        }
        #expect(throws: V2Error.unsortedTokens(token0: b, token1: a)) {
            try V2Pair(token0: b, token1: a, reserve0: .one, reserve1: .one)
        }
    }
}
