import DeFiCore
import Primitives
import Protocols
import Testing

@testable import Validation

/// USD prices: config, Aave oracle answers, stable-pool mids; exact valuation and precedence.
@Suite struct PriceBookTests {
    static func addr(_ n: UInt8) -> Address { try! Address(bytes: [UInt8](repeating: 0, count: 19) + [n]) }
    static let weth = addr(0x10)
    static let usdc = addr(0x20)
    static let dai = addr(0x30)
    static let e18 = U256(1_000_000_000_000_000_000)

    static func snapshot(_ pools: [PoolEntry]) -> MarketSnapshot {
        MarketSnapshot(
            chainID: 1, blockNumber: 1, blockHash: .zero,
            tokens: [
                SnapshotToken(address: weth, symbol: "WETH", decimals: 18),
                SnapshotToken(address: usdc, symbol: "USDC", decimals: 6),
                SnapshotToken(address: dai, symbol: "DAI", decimals: 18),
            ], pools: pools)
    }

    static func v2(_ a: Address, _ b: Address, _ ra: U256, _ rb: U256, at n: UInt8) throws -> PoolEntry {
        let (t0, t1, r0, r1) = a < b ? (a, b, ra, rb) : (b, a, rb, ra)
        return PoolEntry(venue: "v2", address: addr(n), state: .uniswapV2(try V2Pair(token0: t0, token1: t1, reserve0: r0, reserve1: r1)))
    }

    @Test func stablePoolMidPricesTheDeepestPool() throws {
        // Shallow pool at 2100, deep pool at 2000 USDC per WETH; DAI pool at 1990.
        let s = Self.snapshot([
            try Self.v2(Self.weth, Self.usdc, U256(10) &* Self.e18, U256(21_000_000_000), at: 1),
            try Self.v2(Self.weth, Self.usdc, U256(1_000) &* Self.e18, U256(2_000_000_000_000), at: 2),
            try Self.v2(Self.weth, Self.dai, U256(100) &* Self.e18, U256(199_000) &* Self.e18, at: 3),
        ])
        let book = PriceBook.stablePools(s)
        #expect(book.price(Self.usdc) == USDPrice(e18: Self.e18, source: .stablecoin))
        #expect(book.price(Self.weth) == USDPrice(e18: U256(2_000) &* Self.e18, source: .stablePool))
        #expect(book.value(U256(1_500_000_000_000_000), of: Self.weth)?.text() == "3.000000")
        #expect(book.value(U256(78_174_402), of: Self.usdc)?.text() == "78.174402")
        #expect(book.value(I256(-5), of: Self.usdc)?.text() == "-0.000005")
        #expect(book.amount(of: Self.weth, worth: USDValue(e18: I256(bits: U256(10) &* Self.e18))) == Self.e18 / U256(200))
    }

    @Test func v3MidPriceMatchesSqrtPrice() throws {
        // WETH (token0) / USDC (token1) at 2000 USDC per WETH: raw price 2000e6/1e18 = 2e-9; √ · 2^96.
        let sqrt = try U256(parsing: "3543191142285914205922034")  // ⌊√(2e-9 · 2^192)⌋
        let state = try V3PoolState(sqrtPriceX96: sqrt, tick: -200_311, liquidity: 1_000_000_000_000_000, fee: 500, tickSpacing: 10, ticks: [])
        let s = Self.snapshot([PoolEntry(venue: "v3", address: Self.addr(9), state: .uniswapV3(V3PoolEntry(token0: Self.weth, token1: Self.usdc, state: state)))])
        let p = try #require(PriceBook.stablePools(s).price(Self.weth))
        // Within 1e-9 relative of 2000 (the sqrt is floored).
        let diff = p.e18 > U256(2_000) &* Self.e18 ? p.e18 &- U256(2_000) &* Self.e18 : U256(2_000) &* Self.e18 &- p.e18
        #expect(diff < U256(2_000_000_000_000), "got \(p.e18)")
    }

    @Test func configBeatsOracleBeatsPools() throws {
        let config = try ConfigValidator().validate(try ConfigYAML.parse("""
            defi:
              tokens:
                WETH: {address: "0x0000000000000000000000000000000000000010", decimals: 18}
                USDC: {address: "0x0000000000000000000000000000000000000020", decimals: 6}
              pricing:
                usd: {WETH: 1234.5}
            """, path: "t.yaml"))
        let s = Self.snapshot([try Self.v2(Self.weth, Self.usdc, U256(1_000) &* Self.e18, U256(2_000_000_000_000), at: 2)])
        let oracle = PriceBook.aaveOracle([Self.weth: U256(199_900_000_000), Self.usdc: U256(100_010_000)])
        let book = PriceBook.fixed(config).merging(oracle).merging(PriceBook.stablePools(s))
        #expect(book.price(Self.weth) == USDPrice(e18: try U256(parsing: "1234500000000000000000"), source: .config))
        #expect(book.price(Self.usdc) == USDPrice(e18: U256(1_000_100_000_000_000_000), source: .aaveOracle))
        #expect(book.price(Self.dai) == USDPrice(e18: Self.e18, source: .stablecoin))
    }

    @Test func usdTextTruncatesTowardZero() {
        #expect(USDValue(e18: I256(bits: U256(12_345_678_901_234_567_890))).text() == "12.345678")
        #expect(USDValue(e18: .zero &- I256(bits: U256(30_000_000_000_000_000))).text(decimals: 2) == "-0.03")
        #expect(USDValue(e18: .zero &- I256(1)).text() == "0.000000")
        #expect(USDValue(decimal: ExactDecimal("10.25")!)?.text(decimals: 2) == "10.25")
    }
}
