import Primitives
import Testing

@testable import Protocols

/// The pure quote over a snapshot: best pool, venue filter, exact out, failures, and the state file round trip.
@Suite struct QuoteEngineTests {
    static let weth = (try? Address(parsing: "0x5FbDB2315678afecb367f032d93F642f64180aa3")) ?? .zero
    static let usdc = (try? Address(parsing: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512")) ?? .zero
    static let e18 = Units.powerOfTen(18)
    static let e6 = Units.powerOfTen(6)

    static func snapshot() throws -> MarketSnapshot {
        // WETH < USDC by address, so token0 = WETH (as on the devnet).
        let a = try V2Pair(token0: weth, token1: usdc, reserve0: U256(20_000) * e18, reserve1: U256(40_000_000) * e6)
        let b = try V2Pair(token0: weth, token1: usdc, reserve0: U256(20_000) * e18, reserve1: U256(40_400_000) * e6)
        let sqrtP = try U256(parsing: "3543191142285914205922034")  // 2000 USDC per WETH
        let ticks = [
            V3Tick(index: -887_270, liquidityNet: 1_000_000_000_000_000),
            V3Tick(index: 887_270, liquidityNet: -1_000_000_000_000_000),
        ]
        let v3 = try V3PoolState(
            sqrtPriceX96: sqrtP, tick: -200_312, liquidity: 1_000_000_000_000_000, fee: 500,
            tickSpacing: 10, ticks: ticks)
        return MarketSnapshot(
            chainID: 31337, blockNumber: 150,
            blockHash: try Hash32(hex: "0x" + String(repeating: "ab", count: 32)),
            tokens: [
                SnapshotToken(address: weth, symbol: "WETH", decimals: 18),
                SnapshotToken(address: usdc, symbol: "USDC", decimals: 6),
            ],
            pools: [
                PoolEntry(
                    venue: "uniswap_v2_a", address: try Address(parsing: "0x57702E47f167177202d7C54E7602c1A2Dee9Ee9F"),
                    state: .uniswapV2(a)),
                PoolEntry(
                    venue: "uniswap_v2_b", address: try Address(parsing: "0x2CC141d3F5151c5Cd457688E2422Ff39e0624eF1"),
                    state: .uniswapV2(b)),
                PoolEntry(
                    venue: "uniswap_v3", address: try Address(parsing: "0x97de7B953df8093A70B12443dF1fd7a9e9F69210"),
                    state: .uniswapV3(V3PoolEntry(token0: weth, token1: usdc, state: v3))),
                // A stableswap-ng pool of two other coins: written and read back, never asked for WETH/USDC.
                PoolEntry(
                    venue: "curve_ng", address: .zero,
                    state: .curve(
                        try CurvePoolEntry(
                            coins: [
                                try Address(parsing: "0x00000000000000000000000000000000000000d1"),
                                try Address(parsing: "0x00000000000000000000000000000000000000d2"),
                            ],
                            pool: .ng(
                                try CurveStableSwapNG(
                                    balances: [U256(1_000_000) * Self.e18, U256(1_000_000) * Self.e18], rates: [Self.e18, Self.e18],
                                    amp: U256(100_000), fee: U256(4_000_000), offpegFeeMultiplier: U256(20_000_000_000)))
                        ))),
            ])
    }

    @Test func bestExactInIsTheMostOutputAndEqualsV2Math() throws {
        let s = try Self.snapshot()
        let o = QuoteEngine.quote(s, tokenIn: Self.weth, tokenOut: Self.usdc, amount: Self.e18, side: .exactIn)
        #expect(o.quotes.count == 3)
        #expect(o.best?.venue == "uniswap_v2_b")
        let want = try V2Math.getAmountOut(
            amountIn: Self.e18, reserveIn: U256(20_000) * Self.e18,
            reserveOut: U256(40_400_000) * Self.e6)
        #expect(o.best?.amountOut == want)
        #expect(zip(o.quotes, o.quotes.dropFirst()).allSatisfy { $0.amountOut >= $1.amountOut })
        #expect(o.failures.isEmpty)  // the curve pool trades other coins
    }

    @Test func venueFilterAndExactOutPickTheLeastInput() throws {
        let s = try Self.snapshot()
        let o = QuoteEngine.quote(
            s, tokenIn: Self.usdc, tokenOut: Self.weth, amount: Self.e18, side: .exactOut,
            venues: ["uniswap_v2_a", "uniswap_v3"])
        #expect(Set(o.quotes.map(\.venue)) == ["uniswap_v2_a", "uniswap_v3"])
        #expect(zip(o.quotes, o.quotes.dropFirst()).allSatisfy { $0.amountIn <= $1.amountIn })
        #expect(o.quotes.allSatisfy { $0.amountOut == Self.e18 })
    }

    @Test func impactGrowsWithSizeAndIncludesTheFee() throws {
        let s = try Self.snapshot()
        func ratio(_ amount: U256) -> U256? {
            QuoteEngine.quote(
                s, tokenIn: Self.weth, tokenOut: Self.usdc, amount: amount, side: .exactIn,
                venues: ["uniswap_v2_a"]
            ).best?.executionToMidE18
        }
        let small = try #require(ratio(Units.powerOfTen(15)))
        let large = try #require(ratio(U256(1000) * Self.e18))
        // 30 bps fee: a tiny trade executes at ~0.997 of mid; a large one lower.
        #expect(small <= U256(997) * Units.powerOfTen(15) && small > U256(996_9) * Units.powerOfTen(14))
        #expect(large < small)
    }

    @Test func outputAboveTheReserveIsAFailureNotAQuote() throws {
        let s = try Self.snapshot()
        let o = QuoteEngine.quote(
            s, tokenIn: Self.usdc, tokenOut: Self.weth, amount: U256(30_000) * Self.e18,
            side: .exactOut, venues: ["uniswap_v2_a", "uniswap_v2_b"])
        #expect(o.quotes.isEmpty && o.failures.count == 2)
    }

    @Test func stateFileRoundTripsAndRejectsUnknownKinds() throws {
        let s = try Self.snapshot()
        let text = try s.jsonText()
        #expect(text.contains("\"schema\" : \"defi.market-state/1\""))
        #expect(text.contains("\"reserve1\" : \"40400000000000\""))
        #expect(try MarketSnapshot(jsonText: text) == s)
        let bad = text.replacingOccurrences(of: "\"kind\" : \"curve\"", with: "\"kind\" : \"solidly\"")
        #expect(throws: SnapshotFormatError.self) { try MarketSnapshot(jsonText: bad) }
    }

    @Test func narrowStateRunsOutOfKnownTicksInsteadOfGuessing() throws {
        let sqrtP = try U256(parsing: "3543191142285914205922034")
        let v3 = try V3PoolState(
            sqrtPriceX96: sqrtP, tick: -200_312, liquidity: 1_000_000_000_000_000, fee: 500,
            tickSpacing: 10, bitmap: [:], knownWords: -79...(-77), ticks: [])
        let p = PoolEntry(
            venue: "v3", address: .zero, state: .uniswapV3(V3PoolEntry(token0: Self.weth, token1: Self.usdc, state: v3))
        )
        #expect(throws: PoolQuoteFailure.self) {
            try QuoteEngine.quote(p, zeroForOne: true, amount: U256(100_000) * Self.e18, side: .exactIn)
        }
        do {
            _ = try QuoteEngine.quote(p, zeroForOne: true, amount: U256(100_000) * Self.e18, side: .exactIn)
        } catch { #expect(error.needsMoreTicks) }
    }
}
