/// A Balancer V2 revert: the `BAL#xxx` reason string of BalancerErrors.sol `_revert(errorCode)`.
public struct BalancerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The numeric code, e.g. 304 for MAX_IN_RATIO.
    public let code: Int
    /// The constant's name in BalancerErrors.sol.
    public let name: String

    /// An error with its BalancerErrors.sol code and name.
    public init(code: Int, name: String) {
        self.code = code
        self.name = name
    }

    /// The revert reason the contract returns: "BAL#" and three digits.
    public var reason: String {
        let digits = String(code)
        return "BAL#" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// "BAL#304 max_in_ratio" style, lower-case.
    public var description: String { "\(reason) \(name.lowercased())" }

    /// BalancerErrors.sol ADD_OVERFLOW (0): FixedPoint.add overflowed.
    public static let addOverflow = BalancerError(code: 0, name: "ADD_OVERFLOW")
    /// BalancerErrors.sol SUB_OVERFLOW (1): FixedPoint.sub / Math.sub went below zero.
    public static let subOverflow = BalancerError(code: 1, name: "SUB_OVERFLOW")
    /// BalancerErrors.sol MUL_OVERFLOW (3): a product overflowed 256 bits.
    public static let mulOverflow = BalancerError(code: 3, name: "MUL_OVERFLOW")
    /// BalancerErrors.sol ZERO_DIVISION (4): division by zero.
    public static let zeroDivision = BalancerError(code: 4, name: "ZERO_DIVISION")
    /// BalancerErrors.sol DIV_INTERNAL (5): `a * ONE` overflowed in divDown / divUp.
    public static let divInternal = BalancerError(code: 5, name: "DIV_INTERNAL")
    /// BalancerErrors.sol X_OUT_OF_BOUNDS (6): LogExpMath.pow base does not fit int256.
    public static let xOutOfBounds = BalancerError(code: 6, name: "X_OUT_OF_BOUNDS")
    /// BalancerErrors.sol Y_OUT_OF_BOUNDS (7): LogExpMath.pow exponent >= MILD_EXPONENT_BOUND.
    public static let yOutOfBounds = BalancerError(code: 7, name: "Y_OUT_OF_BOUNDS")
    /// BalancerErrors.sol PRODUCT_OUT_OF_BOUNDS (8): y * ln(x) outside [-41, 130].
    public static let productOutOfBounds = BalancerError(code: 8, name: "PRODUCT_OUT_OF_BOUNDS")
    /// BalancerErrors.sol INVALID_EXPONENT (9): LogExpMath.exp argument outside [-41, 130].
    public static let invalidExponent = BalancerError(code: 9, name: "INVALID_EXPONENT")
    /// BalancerErrors.sol OUT_OF_BOUNDS (100): LogExpMath.ln of a non-positive value, or an index out of range.
    public static let outOfBounds = BalancerError(code: 100, name: "OUT_OF_BOUNDS")
    /// BalancerErrors.sol UNSORTED_TOKENS (102): flash-loan tokens not strictly ascending.
    public static let unsortedTokens = BalancerError(code: 102, name: "UNSORTED_TOKENS")
    /// BalancerErrors.sol INPUT_LENGTH_MISMATCH (103): tokens and amounts differ in length.
    public static let inputLengthMismatch = BalancerError(code: 103, name: "INPUT_LENGTH_MISMATCH")
    /// BalancerErrors.sol ZERO_TOKEN (104): a zero token address in a flash loan.
    public static let zeroToken = BalancerError(code: 104, name: "ZERO_TOKEN")
    /// BalancerErrors.sol MAX_IN_RATIO (304): amountIn above 30 % of balanceIn.
    public static let maxInRatio = BalancerError(code: 304, name: "MAX_IN_RATIO")
    /// BalancerErrors.sol MAX_OUT_RATIO (305): amountOut above 30 % of balanceOut.
    public static let maxOutRatio = BalancerError(code: 305, name: "MAX_OUT_RATIO")
    /// BalancerErrors.sol STABLE_INVARIANT_DIDNT_CONVERGE (321).
    public static let stableInvariantDidntConverge = BalancerError(code: 321, name: "STABLE_INVARIANT_DIDNT_CONVERGE")
    /// BalancerErrors.sol STABLE_GET_BALANCE_DIDNT_CONVERGE (322).
    public static let stableGetBalanceDidntConverge = BalancerError(
        code: 322, name: "STABLE_GET_BALANCE_DIDNT_CONVERGE")
}
