import Primitives
import Testing

@testable import Protocols

/// TickMath and TickBitmap boundaries, the swap loop's edge cases, quotes, flash fees and pool addresses.
@Suite struct V3PoolStateTests {
    static let e18 = UInt128(1_000_000_000_000_000_000)
    static let q96 = U256.one << 96

    static func fullRange(fee: UInt32 = 3000, spacing: Int32 = 60, liquidity: UInt128 = 2 * e18) throws -> V3PoolState {
        let hi = (TickMath.maxTick / spacing) * spacing
        return try PoolBuilder.pool(
            sqrtPriceX96: q96, fee: fee, tickSpacing: spacing, positions: [(-hi, hi, liquidity)])
    }

    @Test func tickMathBoundaries() throws {
        #expect(try TickMath.sqrtRatio(atTick: TickMath.minTick) == TickMath.minSqrtRatio)
        #expect(try TickMath.sqrtRatio(atTick: TickMath.maxTick) == TickMath.maxSqrtRatio)
        #expect(try TickMath.sqrtRatio(atTick: 0) == Self.q96)
        #expect(try TickMath.tick(atSqrtRatio: TickMath.minSqrtRatio) == TickMath.minTick)
        #expect(try TickMath.tick(atSqrtRatio: TickMath.maxSqrtRatio - .one) == TickMath.maxTick - 1)
        #expect(throws: V3Error.sqrtRatioOutOfRange(sqrtPriceX96: TickMath.maxSqrtRatio)) {
            try TickMath.tick(atSqrtRatio: TickMath.maxSqrtRatio)
        }
        #expect(throws: V3Error.tickOutOfRange(tick: TickMath.minTick - 1)) {
            try TickMath.sqrtRatio(atTick: TickMath.minTick - 1)
        }
        for t: Int32 in [-887272, -500000, -1, 0, 1, 12345, 887271] {
            let p = try TickMath.sqrtRatio(atTick: t)
            #expect(try TickMath.tick(atSqrtRatio: p) == t)
            if t > TickMath.minTick { #expect(try TickMath.tick(atSqrtRatio: p - .one) == t - 1) }
        }
    }

    @Test func bitmapFloorsNegativeTicksAcrossWords() throws {
        #expect(TickBitmap.compress(-1, tickSpacing: 60) == -1)
        #expect(TickBitmap.compress(-60, tickSpacing: 60) == -1)
        #expect(TickBitmap.compress(-61, tickSpacing: 60) == -2)
        #expect(TickBitmap.position(-1) == (-1, 255))
        #expect(TickBitmap.position(-256) == (-1, 0))
        #expect(TickBitmap.position(-257) == (-2, 255))
        // v3-core TickBitmap.spec.ts: initialized ticks -200, -55, -4, 70, 78, 84, 139, 240, 535 (spacing 1).
        let ticks: [Int32] = [-200, -55, -4, 70, 78, 84, 139, 240, 535]
        let pool = try V3PoolState(
            sqrtPriceX96: Self.q96, tick: 0, liquidity: 0, fee: 3000, tickSpacing: 1,
            ticks: ticks.map { V3Tick(index: $0, liquidityNet: 1) })
        func next(_ t: Int32, _ lte: Bool) throws -> (Int32, Bool) {
            let w = try pool.bitmapWord(at: TickBitmap.wordPosition(tick: t, tickSpacing: 1, lte: lte))
            let r = TickBitmap.nextInitializedTickWithinOneWord(tick: t, tickSpacing: 1, lte: lte, word: w)
            return (r.next, r.initialized)
        }
        #expect(try next(78, false) == (84, true))
        #expect(try next(-55, false) == (-4, true))
        #expect(try next(77, false) == (78, true))
        #expect(try next(-56, false) == (-55, true))
        #expect(try next(255, false) == (511, false))
        #expect(try next(-257, false) == (-200, true))
        #expect(try next(78, true) == (78, true))
        #expect(try next(79, true) == (78, true))
        #expect(try next(258, true) == (256, false))
        #expect(try next(-1, true) == (-4, true))
        #expect(try next(-257, true) == (-512, false))
        #expect(try next(-256, true) == (-256, false))
    }

    @Test func oneWeiSwapsRoundInThePoolsFavour() throws {
        let pool = try Self.fullRange()
        let r = try pool.swap(
            zeroForOne: true, amountSpecified: I256(1),
            sqrtPriceLimitX96: V3PoolState.defaultPriceLimit(zeroForOne: true))
        #expect(r.amount0 == I256(1) && r.amount1 == .zero)
        let out = try pool.swap(
            zeroForOne: false, amountSpecified: I256(-1),
            sqrtPriceLimitX96: V3PoolState.defaultPriceLimit(zeroForOne: false))
        #expect(out.amount0 == I256(-1) && out.amount1 > .zero)
    }

    @Test func priceLimitChecksMatchSPL() throws {
        let pool = try Self.fullRange()
        for (z, limit) in [
            (true, Self.q96), (true, TickMath.minSqrtRatio), (false, Self.q96), (false, TickMath.maxSqrtRatio),
            (true, Self.q96 + .one),
        ] {
            #expect(throws: V3Error.invalidPriceLimit(sqrtPriceLimitX96: limit, sqrtPriceX96: Self.q96, zeroForOne: z))
            {
                try pool.swap(zeroForOne: z, amountSpecified: I256(1000), sqrtPriceLimitX96: limit)
            }
        }
        #expect(throws: V3Error.zeroAmountSpecified) {
            try pool.swap(zeroForOne: true, amountSpecified: .zero, sqrtPriceLimitX96: TickMath.minSqrtRatio + .one)
        }
        var locked = pool
        locked.unlocked = false
        #expect(throws: V3Error.locked) {
            try locked.swap(zeroForOne: true, amountSpecified: I256(1), sqrtPriceLimitX96: TickMath.minSqrtRatio + .one)
        }
    }

    @Test func exactOutputStopsPartiallyAtTheLimit() throws {
        let pool = try Self.fullRange()
        let limit = try TickMath.sqrtRatio(atTick: -600)
        let big = I256(-1_000_000_000_000_000_000)
        let r = try pool.swap(zeroForOne: true, amountSpecified: big, sqrtPriceLimitX96: limit)
        #expect(r.newState.sqrtPriceX96 == limit)
        #expect(r.amount1.isNegative && r.amount1.magnitude < big.magnitude)
        // QuoterV2 with an explicit limit quotes the partial fill; without one it requires the full output.
        let q = try pool.quoteExactOutputSingle(zeroForOne: true, amountOut: big.magnitude, sqrtPriceLimitX96: limit)
        #expect(q.amount == r.amount0.magnitude)
        let thin = try Self.fullRange(liquidity: 1000)
        #expect(throws: V3Error.self) { try thin.quoteExactOutputSingle(zeroForOne: true, amountOut: big.magnitude) }
    }

    @Test func crossingTicksFlipsLiquidityNetGoingLeft() throws {
        // Full range 2e18 plus 1e18 on [-120, 120]: crossing -120 leftward removes 1e18.
        let pool = try PoolBuilder.pool(
            sqrtPriceX96: Self.q96, fee: 3000, tickSpacing: 60,
            positions: [(-887220, 887220, 2 * Self.e18), (-120, 120, Self.e18)])
        #expect(pool.liquidity == 3 * Self.e18)
        let limit = try TickMath.sqrtRatio(atTick: -180)
        let left = try pool.swap(zeroForOne: true, amountSpecified: I256(bits: U256.max >> 1), sqrtPriceLimitX96: limit)
        #expect(
            left.newState.liquidity == 2 * Self.e18 && left.newState.tick == -180 && left.initializedTicksCrossed == 1)
        let back = try left.newState.swap(
            zeroForOne: false, amountSpecified: I256(bits: U256.max >> 1), sqrtPriceLimitX96: Self.q96)
        #expect(back.newState.liquidity == 3 * Self.e18 && back.newState.tick == 0)
    }

    @Test func zeroLiquidityRegionsAreCrossedAndQuoterRejectsEmptySwaps() throws {
        // medium fee, 0 liquidity, liquidity on both sides (v3-core swaps fixture).
        let pool = try PoolBuilder.pool(
            sqrtPriceX96: Self.q96, fee: 3000, tickSpacing: 60,
            positions: [(-887220, -60, 2 * Self.e18), (60, 887220, 2 * Self.e18)])
        #expect(pool.liquidity == 0)
        let r = try pool.swap(
            zeroForOne: true, amountSpecified: I256(1_000_000), sqrtPriceLimitX96: TickMath.minSqrtRatio + .one)
        #expect(r.amount0 == I256(1_000_000) && r.amount1.isNegative && r.newState.liquidity == 2 * Self.e18)
        let limit = try TickMath.sqrtRatio(atTick: -30)
        #expect(throws: V3Error.noInputConsumed) {
            try pool.quoteExactInputSingle(zeroForOne: true, amountIn: U256(1000), sqrtPriceLimitX96: limit)
        }
        #expect(throws: V3Error.zeroLiquidity) { try pool.flashFees(amount0: .one, amount1: .one) }
    }

    @Test func swapUsingMostLiquidityReachesFarTicks() throws {
        let pool = try PoolBuilder.pool(
            sqrtPriceX96: Self.q96, fee: 500, tickSpacing: 10, positions: [(-100, 100, 2 * Self.e18)])
        let r = try pool.swap(
            zeroForOne: false, amountSpecified: I256(-9_000_000_000_000_000),
            sqrtPriceLimitX96: V3PoolState.defaultPriceLimit(zeroForOne: false))
        #expect(r.amount0 == I256(-9_000_000_000_000_000))
        #expect(r.newState.tick > 0 && r.newState.tick < 100)
        // Asking for more than the range holds walks out of it and stops at the limit with no liquidity left.
        let all = try pool.swap(
            zeroForOne: false, amountSpecified: I256(-100_000_000_000_000_000),
            sqrtPriceLimitX96: V3PoolState.defaultPriceLimit(zeroForOne: false))
        #expect(all.newState.liquidity == 0 && all.amount0.magnitude < U256(100_000_000_000_000_000))
        #expect(all.newState.sqrtPriceX96 == V3PoolState.defaultPriceLimit(zeroForOne: false))
    }

    @Test func unknownWordsAreATypedErrorNotAWrongAnswer() throws {
        let pool = try V3PoolState(
            sqrtPriceX96: Self.q96, tick: 0, liquidity: 2 * Self.e18, fee: 3000, tickSpacing: 60,
            ticks: [
                V3Tick(index: -600, liquidityNet: Int128(2 * Self.e18)),
                V3Tick(index: 600, liquidityNet: -Int128(2 * Self.e18)),
            ],
            knownWords: -1...0)
        let small = try pool.swap(
            zeroForOne: true, amountSpecified: I256(1000), sqrtPriceLimitX96: TickMath.minSqrtRatio + .one)
        #expect(small.amount0 == I256(1000))
        #expect(throws: V3Error.ranOutOfKnownTicks(wordPosition: -2, known: -1...0)) {
            try pool.swap(
                zeroForOne: true, amountSpecified: I256(bits: U256.max >> 1),
                sqrtPriceLimitX96: TickMath.minSqrtRatio + .one)
        }
    }

    @Test func quotesMatchTheSwapAndTheSDKExample() throws {
        // v3-sdk pool.test.ts: USDC/DAI 500 at 1:1, 1e18 full-range liquidity: 100 in -> 98 out; 98 out needs 100 in.
        let pool = try Self.fullRange(fee: 500, spacing: 10, liquidity: Self.e18)
        #expect(try pool.quoteExactInputSingle(zeroForOne: true, amountIn: U256(100)).amount == U256(98))
        #expect(try pool.quoteExactOutputSingle(zeroForOne: true, amountOut: U256(98)).amount == U256(100))
    }

    @Test func flashFeesRoundUp() throws {
        let pool = try Self.fullRange(fee: 500, spacing: 10)
        let (f0, f1) = try pool.flashFees(amount0: U256(1), amount1: U256(2_000_000))
        #expect(f0 == U256(1) && f1 == U256(1000))
        #expect(try pool.flashFees(amount0: U256(2_000_001), amount1: .zero).fee0 == U256(1001))
    }

    @Test func poolAddressesMatchPeripheryAndMainnet() throws {
        let factory = try Address(parsing: "0x1F98431c8aD98523631AE4a59f267346ea31F984")
        let usdc = try Address(parsing: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48")
        let weth = try Address(parsing: "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2")
        #expect(
            try V3PoolAddress.compute(factory: factory, tokenA: weth, tokenB: usdc, fee: 500)
                == (try Address(parsing: "0x88e6A0c2dDD26FEEb64F039a2c41296FcB3f5640")))
        #expect(
            try V3PoolAddress.compute(factory: factory, tokenA: usdc, tokenB: weth, fee: 3000)
                == (try Address(parsing: "0x8ad599c3A0ff1De082011EFDDc58f1908eb6e6D8")))
        let snap = try V3PoolAddress.compute(
            factory: try Address(parsing: "0x5FbDB2315678afecb367f032d93F642f64180aa3"),
            tokenA: try Address(parsing: "0x1000000000000000000000000000000000000000"),
            tokenB: try Address(parsing: "0x2000000000000000000000000000000000000000"), fee: 250)
        #expect(snap == (try Address(parsing: "0x03D8bab195A5BC23d249693F53dfA0e358F2650D")))
    }

    @Test func liquidityMathRevertsLikeTheContract() throws {
        #expect(try LiquidityMath.addDelta(1, -1) == 0)
        #expect(throws: V3Error.liquiditySub(liquidity: 1, delta: -2)) { try LiquidityMath.addDelta(1, -2) }
        #expect(throws: V3Error.liquidityAdd(liquidity: .max, delta: 1)) { try LiquidityMath.addDelta(.max, 1) }
    }
}
