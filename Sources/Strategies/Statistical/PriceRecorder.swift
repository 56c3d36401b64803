// Mid prices per pool per block, exact, into the history store's `price_observations`.
import Foundation
import History
import Primitives
import Protocols

/// A pool's exact mid price: whole token1 per whole token0, as a reduced fraction `num / den`.
public struct MidPrice: Sendable, Equatable {
    /// Numerator (non-zero unless the pool holds no token1).
    public var num: U256
    /// Denominator (non-zero).
    public var den: U256

    /// A price; reduced by the gcd.
    public init(num: U256, den: U256) {
        let g = MidPrice.gcd(num, den)
        self.num = g.isZero ? num : num / g
        self.den = g.isZero ? den : den / g
    }

    /// ln(num / den) as a Double (statistics only).
    public var logValue: Double { MidPrice.ln(num) - MidPrice.ln(den) }

    /// The natural log of a U256 as a Double (-inf for zero).
    public static func ln(_ v: U256) -> Double {
        // Top 64 significant bits as a Double, times 2^shift: exact to Double precision.
        let bits = 256 - v.leadingZeroBitCount
        if bits <= 64 { return Foundation.log(Double(v.w.0)) }
        let shift = bits - 64
        let top = (v >> shift).w.0
        return Foundation.log(Double(top)) + Double(shift) * Foundation.log(2.0)
    }

    static func gcd(_ a: U256, _ b: U256) -> U256 {
        var (x, y) = (a, b)
        while !y.isZero { (x, y) = (y, x % y) }
        return x
    }

    /// The mid price of a pool state in whole units (`decimals0`/`decimals1` of token0/token1), or nil for a pool
    /// that is empty, of a kind without a mid price here, or whose exact fraction does not fit 256 bits.
    ///
    /// V2: reserve1 · 10^d0 / (reserve0 · 10^d1). V3: sqrtPriceX96² · 10^d0 / (2^192 · 10^d1).
    public static func of(_ state: PoolState, decimals0: Int, decimals1: Int) -> MidPrice? {
        guard (0...77).contains(decimals0), (0...77).contains(decimals1) else { return nil }
        // Cancel the common power of ten first (10^min(d0, d1)), so 18/18-decimal pools keep the whole 256 bits for
        // the price itself.
        let common = min(decimals0, decimals1)
        let s0 = Units.powerOfTen(decimals0 - common)
        let s1 = Units.powerOfTen(decimals1 - common)
        switch state {
        case .uniswapV2(let p):
            guard !p.reserve0.isZero, !p.reserve1.isZero else { return nil }
            let n = p.reserve1.multipliedReportingOverflow(by: s0)
            let d = p.reserve0.multipliedReportingOverflow(by: s1)
            guard !n.overflow, !d.overflow else { return nil }
            return MidPrice(num: n.partialValue, den: d.partialValue)
        case .uniswapV3(let e):
            let s = e.state.sqrtPriceX96
            guard !s.isZero else { return nil }
            // Cancel powers of two first: s² · 10^d0 / 2^192 / 10^d1.
            var twos = 192
            var root = s
            while twos >= 2 && root.w.0 & 1 == 0 {
                root = root >> 1
                twos -= 2
            }
            let sq = root.multipliedReportingOverflow(by: root)
            guard !sq.overflow else { return nil }
            let n = sq.partialValue.multipliedReportingOverflow(by: s0)
            let d = (U256.one << twos).multipliedReportingOverflow(by: s1)
            guard !n.overflow, !d.overflow else { return nil }
            return MidPrice(num: n.partialValue, den: d.partialValue)
        case .curve, .balancer, .reserved:
            // Multi-asset invariant pools have no single reserve-ratio mid here.
            return nil
        }
    }
}

/// Records the mid price of every pool of a snapshot at the snapshot's block.
public enum PriceRecorder {
    /// The observation rows for `snapshot` (pure): one per pool with a mid price and known token decimals, with the
    /// exact fraction in `price_num`/`price_den` and floor(price · 1e18) in `price_wad` when it fits.
    public static func observations(snapshot: MarketSnapshot, chainID: UInt64? = nil, at time: Date = Date())
        -> [PriceObservationRecord]
    {
        snapshot.pools.compactMap { pool in
            guard let (t0, t1) = pool.state.tokens, let d0 = snapshot.token(t0)?.decimals,
                let d1 = snapshot.token(t1)?.decimals,
                let price = MidPrice.of(pool.state, decimals0: d0, decimals1: d1)
            else { return nil }
            let wad = try? U256.mulDiv(price.num, Units.powerOfTen(18), price.den)
            return PriceObservationRecord(
                chainID: chainID ?? snapshot.chainID ?? 0, pool: pool.address.lowercaseHex,
                blockNumber: snapshot.blockNumber, token0: t0.lowercaseHex, token1: t1.lowercaseHex,
                priceWad: wad?.description, priceNum: price.num.description, priceDen: price.den.description,
                observedAt: time)
        }
    }

    /// Appends the snapshot's observations to `store`; returns how many rows were written. Recording the same
    /// block twice adds rows; readers use the last row per pool and block.
    @discardableResult
    public static func record(snapshot: MarketSnapshot, store: HistoryStore, chainID: UInt64? = nil, at time: Date = Date())
        throws(HistoryError) -> Int
    {
        let rows = observations(snapshot: snapshot, chainID: chainID, at: time)
        try store.appendPrices(rows)
        return rows.count
    }
}
