import DeFiCore
import Primitives
import Protocols
import Validation

@testable import Strategies

/// Small literal markets for the engine tests.
enum F {
    static func addr(_ n: UInt8) -> Address { try! Address(bytes: [UInt8](repeating: 0, count: 19) + [n]) }
    static let weth = addr(0x10)
    static let usdc = addr(0x20)
    static let dai = addr(0x30)
    static let wbtc = addr(0x40)
    static let q96 = U256.one << 96

    static func v2(_ n: UInt8, _ a: Address, _ b: Address, _ ra: U256, _ rb: U256, fee: UInt32 = 30,
                   venue: String = "v2") -> PoolEntry {
        let (t0, t1, r0, r1) = a < b ? (a, b, ra, rb) : (b, a, rb, ra)
        let pair = try! V2Pair(token0: t0, token1: t1, reserve0: r0, reserve1: r1, feeBps: fee)
        return PoolEntry(venue: venue, address: addr(0x80 &+ n), state: .uniswapV2(pair))
    }

    /// A V3 pool at price 1 (tick 0) with a wide position and a narrow one, so larger swaps cross ticks.
    static func v3(_ n: UInt8, _ a: Address, _ b: Address, wide: UInt128, narrow: UInt128, fee: UInt32 = 3000,
                   sqrtPrice: U256 = q96, tick: Int32 = 0) -> PoolEntry {
        let (t0, t1) = a < b ? (a, b) : (b, a)
        let ticks = [
            V3Tick(index: -6000, liquidityNet: Int128(wide)), V3Tick(index: 6000, liquidityNet: -Int128(wide)),
            V3Tick(index: -60, liquidityNet: Int128(narrow)), V3Tick(index: 60, liquidityNet: -Int128(narrow)),
        ]
        let s = try! V3PoolState(
            sqrtPriceX96: sqrtPrice, tick: tick, liquidity: wide + narrow, fee: fee, tickSpacing: 60, ticks: ticks)
        return PoolEntry(venue: "v3", address: addr(0xc0 &+ n), state: .uniswapV3(V3PoolEntry(token0: t0, token1: t1, state: s)))
    }

    static func snapshot(_ pools: [PoolEntry], block: UInt64 = 100) -> MarketSnapshot {
        MarketSnapshot(
            chainID: 31337, blockNumber: block, blockHash: try! Hash32(bytes: [UInt8](repeating: UInt8(block & 0xff), count: 32)),
            tokens: [
                SnapshotToken(address: weth, symbol: "WETH", decimals: 18),
                SnapshotToken(address: usdc, symbol: "USDC", decimals: 6),
                SnapshotToken(address: dai, symbol: "DAI", decimals: 18),
            ], pools: pools)
    }

    static func legs(_ pools: [PoolEntry], from token: Address) -> [Leg] {
        var t = token
        return pools.map { p in
            let l = Leg(pool: p, tokenIn: t)!
            t = l.tokenOut
            return l
        }
    }

    /// Brute force: the best profit over every size in 1...n (ties: smallest size).
    static func brute(_ legs: [Leg], upTo n: UInt64) -> (x: UInt64, p: I256)? {
        var best: (x: UInt64, p: I256)? = nil
        for x in 1...n {
            if let p = RouteSizer.profit(legs, amountIn: U256(x)), best == nil || p > best!.p { best = (x, p) }
        }
        guard let b = best, !b.p.isNegative, !b.p.isZero else { return nil }
        return b
    }
}
