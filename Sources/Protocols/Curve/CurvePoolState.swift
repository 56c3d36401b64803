// A Curve pool as a quote prices it: its coins (in the pool's index order) and the swap state of its version.
import Primitives

/// The swap state of one Curve StableSwap pool, by version.
public enum CurvePool: Sendable, Hashable {
    /// StableSwap3Pool.vy or SwapTemplateBase.vy (see ``CurveStableSwapClassic/Generation``).
    case classic(CurveStableSwapClassic)
    /// CurveStableSwapNG.vy.
    case ng(CurveStableSwapNG)

    /// The schema's `variant`: `classic_3pool`, `classic_template` or `ng`.
    public var variant: String {
        switch self {
        case .classic(let p): p.generation == .pool3 ? "classic_3pool" : "classic_template"
        case .ng: "ng"
        }
    }

    /// Balances in each coin's units.
    public var balances: [U256] {
        switch self {
        case .classic(let p): p.balances
        case .ng(let p): p.balances
        }
    }

    /// The base fee in parts of 10^10.
    public var fee: U256 {
        switch self {
        case .classic(let p): p.fee
        case .ng(let p): p.fee
        }
    }

    /// Coins out for `dx` of coin i, as `exchange` pays them (classic pools: the exchange formula, which can be 1
    /// wei above 3pool's own get_dy; ng: the shared get_dy/exchange body at `_A()`).
    public func amountOut(i: Int, j: Int, dx: U256) throws(CurveError) -> U256 {
        switch self {
        case .classic(let p): try p.exchange(i: i, j: j, dx: dx).dy
        case .ng(let p): try p.exchange(i: i, j: j, dx: dx).dy
        }
    }

    /// Coins i needed for `dy` of coin j: stableswap-ng `get_dx`; classic pools have no get_dx (nil).
    public func amountIn(i: Int, j: Int, dy: U256) throws(CurveError) -> U256? {
        switch self {
        case .classic: nil
        case .ng(let p): try p.getDx(i: i, j: j, dy: dy)
        }
    }
}

/// A Curve pool's coins and state.
public struct CurvePoolEntry: Sendable, Equatable {
    /// `coins(i)` for every index.
    public var coins: [Address]
    /// The swap state.
    public var pool: CurvePool

    /// An entry; the coin count must match the state's.
    public init(coins: [Address], pool: CurvePool) throws(CurveError) {
        guard coins.count == pool.balances.count else {
            throw .invalidState("\(coins.count) coins for \(pool.balances.count) balances")
        }
        guard Set(coins).count == coins.count else { throw .invalidState("a coin is listed twice") }
        self.coins = coins
        self.pool = pool
    }
}
