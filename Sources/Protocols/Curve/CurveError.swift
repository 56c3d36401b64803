import Primitives

/// Why a Curve pool call would revert: the pool's own asserts and Vyper's checked uint256 arithmetic.
public enum CurveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `assert i != j  # dev: same coin` in get_y.
    case sameCoin(Int)
    /// `assert j < N_COINS` / `assert i >= 0` in get_y: an index outside the pool's coins.
    case coinIndexOutOfRange(index: Int, coins: Int)
    /// The pool state is not one a pool can hold (coin count, rate list length, zero rate).
    case invalidState(String)
    /// Vyper's uint256 overflow check (`+` or `*`) reverted.
    case overflow
    /// Vyper's uint256 underflow check (`-`) reverted, e.g. `xp[j] - y - 1` for an impossible trade.
    case underflow
    /// Vyper's division by zero reverted (a zero balance in the invariant's product).
    case divisionByZero
    /// `get_D` / `get_y` ran 255 Newton rounds without converging and the version `raise`s.
    case didNotConverge(String)
    /// `assert dy >= min_dy, "Exchange resulted in fewer coins than expected"` in exchange.
    case slippage(dy: U256, minDy: U256)

    /// A stable short code for reports and the history store.
    public var code: String {
        switch self {
        case .sameCoin: "curve_same_coin"
        case .coinIndexOutOfRange: "curve_coin_index"
        case .invalidState: "curve_invalid_state"
        case .overflow: "curve_overflow"
        case .underflow: "curve_underflow"
        case .divisionByZero: "curve_division_by_zero"
        case .didNotConverge: "curve_did_not_converge"
        case .slippage: "curve_slippage"
        }
    }

    /// A lower-case description with the evidence.
    public var description: String {
        switch self {
        case .sameCoin(let i): "same coin: i == j == \(i)"
        case .coinIndexOutOfRange(let index, let coins): "coin index \(index) outside 0..<\(coins)"
        case .invalidState(let why): "invalid pool state: \(why)"
        case .overflow: "uint256 overflow (the pool would revert)"
        case .underflow: "uint256 underflow (the pool would revert)"
        case .divisionByZero: "division by zero (the pool would revert)"
        case .didNotConverge(let f): "\(f) did not converge in 255 rounds (the pool would revert)"
        case .slippage(let dy, let minDy):
            "exchange resulted in fewer coins than expected: dy \(dy) < min_dy \(minDy)"
        }
    }
}
