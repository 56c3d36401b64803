// The USD prices scan values profits with, by token, from three sources in order of precedence: fixed prices
// from config (`defi.pricing.usd.<SYMBOL>`, the operator's override), the Aave oracle when `aave_v3` is
// configured (read at the snapshot block), then the snapshot itself: USDC, DAI and USDT count as $1 and any other
// token takes the mid price of its deepest pool against one of them.
import DeFiCore
import Foundation
import Primitives
import Protocols

/// USD prices per token.
public struct PriceBook: Sendable, Equatable {
    /// Prices by token address.
    public var prices: [Address: USDPrice]
    /// Token decimals by address (from the snapshot and config).
    public var decimals: [Address: Int]

    /// A book.
    public init(prices: [Address: USDPrice] = [:], decimals: [Address: Int] = [:]) {
        self.prices = prices
        self.decimals = decimals
    }

    /// Symbols treated as $1.
    public static let stableSymbols: Set<String> = ["USDC", "DAI", "USDT"]

    /// The price of `token`.
    public func price(_ token: Address) -> USDPrice? { prices[token] }

    /// The USD value of `amount` of `token`, nil when the token has no price or unknown decimals.
    public func value(_ amount: U256, of token: Address) -> USDValue? {
        guard let p = prices[token], let d = decimals[token] else { return nil }
        return p.value(of: amount, decimals: d)
    }

    /// The signed USD value of a signed amount of `token`.
    public func value(_ amount: I256, of token: Address) -> USDValue? {
        guard let v = value(amount.magnitude, of: token) else { return nil }
        return amount.isNegative ? v.negated : v
    }

    /// How many smallest units of `token` `usd` buys, floored; nil without a price.
    public func amount(of token: Address, worth usd: USDValue) -> U256? {
        guard let p = prices[token], !p.e18.isZero, let d = decimals[token], !usd.e18.isNegative else { return nil }
        return try? U256.mulDiv(usd.e18.bits, Units.powerOfTen(d), p.e18)
    }

    /// `self` with every price of `other` for tokens `self` has no price for.
    public func merging(_ other: PriceBook) -> PriceBook {
        var out = self
        for (t, p) in other.prices where out.prices[t] == nil { out.prices[t] = p }
        for (t, d) in other.decimals where out.decimals[t] == nil { out.decimals[t] = d }
        return out
    }

    /// Fixed prices from `defi.pricing.usd`, by the configured token addresses.
    public static func fixed(_ config: DefiConfig) -> PriceBook {
        var book = PriceBook()
        for (symbol, t) in config.tokens {
            guard let a = try? Address(parsing: t.address) else { continue }
            book.decimals[a] = t.decimals
            if let d = config.pricingUSD[symbol], let p = USDPrice(decimal: d, source: .config) { book.prices[a] = p }
        }
        return book
    }

    /// Aave oracle answers (`getAssetPrice`, USD with `baseUnit` = 10^8 on Aave V3 USD markets) as a book.
    public static func aaveOracle(_ raw: [Address: U256], baseUnit: U256 = U256(100_000_000)) -> PriceBook {
        var book = PriceBook()
        for (a, v) in raw where !v.isZero {
            if let e = try? U256.mulDiv(v, Units.powerOfTen(18), baseUnit) {
                book.prices[a] = USDPrice(e18: e, source: .aaveOracle)
            }
        }
        return book
    }

    /// Stablecoins at $1 and every other token at the mid price of its deepest pool against a stablecoin
    /// (V2: reserve ratio; V3: sqrtPriceX96² / 2^192; Curve, Balancer: see ``probeMid``), decimals from the
    /// snapshot's tokens.
    public static func stablePools(_ snapshot: MarketSnapshot) -> PriceBook {
        var book = PriceBook()
        var stables: Set<Address> = []
        for t in snapshot.tokens {
            book.decimals[t.address] = t.decimals
            if stableSymbols.contains(t.symbol.uppercased()) {
                stables.insert(t.address)
                book.prices[t.address] = USDPrice(e18: Units.powerOfTen(18), source: .stablecoin)
            }
        }
        // Depth = the stable side's reserve (V2) or virtual reserve (V3) in stable units scaled to 18 decimals.
        var best: [Address: (depth: U256, price: U256)] = [:]
        for p in snapshot.pools {
            if Leg.multiCoin(p.state) {
                let coins = p.state.allTokens
                for (i, token) in coins.enumerated() where !stables.contains(token) {
                    for (j, stable) in coins.enumerated() where stables.contains(stable) {
                        guard let dT = book.decimals[token], let dS = book.decimals[stable],
                            let (depth, price) = probeMid(
                                Leg(pool: p, indexIn: i, indexOut: j), decimalsToken: dT, decimalsStable: dS)
                        else { continue }
                        if let b = best[token], b.depth >= depth { continue }
                        best[token] = (depth, price)
                    }
                }
                continue
            }
            guard let (t0, t1) = p.state.tokens else { continue }
            let stableIs0 = stables.contains(t0)
            guard stableIs0 != stables.contains(t1) else { continue }
            let (token, stable) = stableIs0 ? (t1, t0) : (t0, t1)
            guard let dT = book.decimals[token], let dS = book.decimals[stable],
                let (depth, price) = mid(p.state, tokenIsToken0: !stableIs0, decimalsToken: dT, decimalsStable: dS)
            else { continue }
            if let b = best[token], b.depth >= depth { continue }
            best[token] = (depth, price)
        }
        for (t, b) in best where book.prices[t] == nil { book.prices[t] = USDPrice(e18: b.price, source: .stablePool) }
        return book
    }

    /// (depth, USD-per-whole-token e18) of a Curve or Balancer leg selling a token for a $1 stablecoin: the exact
    /// output of ``Leg/probeQuote``, fee included (a slight underestimate of
    /// the mid, which the pool math has no closed form for); depth = the pool's stable balance.
    static func probeMid(_ leg: Leg, decimalsToken: Int, decimalsStable: Int) -> (U256, U256)? {
        let e18 = Units.powerOfTen(18)
        guard let (probe, out) = leg.probeQuote else { return nil }
        let balOut: U256
        switch leg.pool.state {
        case .curve(let c): balOut = c.pool.balances[Int(leg.indexOut)]
        case .balancer(let b): balOut = b.balances[Int(leg.indexOut)]
        default: return nil
        }
        guard let perWhole = try? U256.mulDiv(out, Units.powerOfTen(decimalsToken), probe),
            let usd = try? U256.mulDiv(perWhole, e18, Units.powerOfTen(decimalsStable)),
            let depth = try? U256.mulDiv(balOut, e18, Units.powerOfTen(decimalsStable))
        else { return nil }
        return (depth, usd)
    }

    /// (depth, USD-per-whole-token e18) of `token` in one pool against a $1 stablecoin.
    static func mid(_ state: PoolState, tokenIsToken0: Bool, decimalsToken: Int, decimalsStable: Int)
        -> (U256, U256)?
    {
        let scaleT = Units.powerOfTen(decimalsToken)
        let scaleS = Units.powerOfTen(decimalsStable)
        let e18 = Units.powerOfTen(18)
        switch state {
        case .uniswapV2(let pair):
            let (rT, rS) = tokenIsToken0 ? (pair.reserve0, pair.reserve1) : (pair.reserve1, pair.reserve0)
            guard !rT.isZero, !rS.isZero,
                let perWhole = try? U256.mulDiv(rS, scaleT, rT),  // stable units per whole token
                let usd = try? U256.mulDiv(perWhole, e18, scaleS),
                let depth = try? U256.mulDiv(rS, e18, scaleS)
            else { return nil }
            return (depth, usd)
        case .uniswapV3(let e):
            let s = e.state
            guard s.liquidity > 0, !s.sqrtPriceX96.isZero else { return nil }
            let q96 = U256.one << 96
            // price1per0 (raw) = s² / 2^192.
            guard let p1per0e18 = try? U256.mulDiv(try U256.mulDiv(s.sqrtPriceX96, s.sqrtPriceX96, q96), e18, q96)
            else { return nil }
            let rawE18: U256  // stable raw units per raw token unit, 1e18 fixed point
            if tokenIsToken0 {
                rawE18 = p1per0e18
            } else {
                guard !p1per0e18.isZero, let inv = try? U256.mulDiv(e18, e18, p1per0e18) else { return nil }
                rawE18 = inv
            }
            guard let usd = try? U256.mulDiv(rawE18, scaleT, scaleS) else { return nil }
            // Virtual stable reserve L·√P (token1) or L/√P (token0), scaled to 18 decimals.
            let l = U256(s.liquidity)
            let virt =
                (tokenIsToken0 ? try? U256.mulDiv(l, s.sqrtPriceX96, q96) : try? U256.mulDiv(l, q96, s.sqrtPriceX96))
            guard let v = virt, let depth = try? U256.mulDiv(v, e18, scaleS) else { return nil }
            return (depth, usd)
        case .curve, .balancer, .reserved:
            // Multi-coin pools are priced by ``probeMid``.
            return nil
        }
    }
}
