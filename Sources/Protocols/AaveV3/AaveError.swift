import Primitives

/// A revert string of the Aave V3 pool: the numeric code of `Errors.sol` (aave-dao/aave-v3-origin 3.3).
public enum AaveErrorCode: String, Sendable, CaseIterable {
    /// `INVALID_AMOUNT` ('26').
    case invalidAmount = "26"
    /// `RESERVE_INACTIVE` ('27').
    case reserveInactive = "27"
    /// `RESERVE_PAUSED` ('29').
    case reservePaused = "29"
    /// `HEALTH_FACTOR_NOT_BELOW_THRESHOLD` ('45').
    case healthFactorNotBelowThreshold = "45"
    /// `COLLATERAL_CANNOT_BE_LIQUIDATED` ('46').
    case collateralCannotBeLiquidated = "46"
    /// `SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER` ('47').
    case specifiedCurrencyNotBorrowedByUser = "47"
    /// `PRICE_ORACLE_SENTINEL_CHECK_FAILED` ('59').
    case priceOracleSentinelCheckFailed = "59"
    /// `LIQUIDATION_GRACE_SENTINEL_CHECK_FAILED` ('97', 3.1+).
    case liquidationGraceSentinelCheckFailed = "97"
    /// `MUST_NOT_LEAVE_DUST` ('103', 3.3+).
    case mustNotLeaveDust = "103"

    /// The constant's name in `Errors.sol`.
    public var name: String {
        switch self {
        case .invalidAmount: return "INVALID_AMOUNT"
        case .reserveInactive: return "RESERVE_INACTIVE"
        case .reservePaused: return "RESERVE_PAUSED"
        case .healthFactorNotBelowThreshold: return "HEALTH_FACTOR_NOT_BELOW_THRESHOLD"
        case .collateralCannotBeLiquidated: return "COLLATERAL_CANNOT_BE_LIQUIDATED"
        case .specifiedCurrencyNotBorrowedByUser: return "SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER"
        case .priceOracleSentinelCheckFailed: return "PRICE_ORACLE_SENTINEL_CHECK_FAILED"
        case .liquidationGraceSentinelCheckFailed: return "LIQUIDATION_GRACE_SENTINEL_CHECK_FAILED"
        case .mustNotLeaveDust: return "MUST_NOT_LEAVE_DUST"
        }
    }
}

/// Why an Aave V3 computation failed: the pool's revert, or the math reverting as the contract would.
public enum AaveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pool reverts with `Error(string)` carrying this code.
    case revert(AaveErrorCode)
    /// An arithmetic overflow: WadRayMath/PercentageMath `revert(0, 0)` or a Solidity 0.8 panic 0x11.
    case overflow(operation: String)
    /// A division by zero: panic 0x12 (or `revert(0, 0)` in the assembly helpers).
    case divisionByZero(operation: String)
    /// The market snapshot has no reserve for this asset.
    case unknownReserve(Address)
    /// A value read from chain does not have the expected shape.
    case malformed(String)

    /// A stable short code for the JSON envelope and the history store.
    public var code: String {
        switch self {
        case .revert(let c): return "aave_revert_\(c.rawValue)"
        case .overflow: return "aave_overflow"
        case .divisionByZero: return "aave_division_by_zero"
        case .unknownReserve: return "aave_unknown_reserve"
        case .malformed: return "aave_malformed"
        }
    }

    /// Lower-case, safe to print.
    public var description: String {
        switch self {
        case .revert(let c): return "aave pool reverts with '\(c.rawValue)' (\(c.name))"
        case .overflow(let op): return "arithmetic overflow in \(op)"
        case .divisionByZero(let op): return "division by zero in \(op)"
        case .unknownReserve(let a): return "no reserve for asset \(a) in the snapshot"
        case .malformed(let what): return "malformed on-chain value: \(what)"
        }
    }
}

/// Checked arithmetic that surfaces Solidity 0.8's overflow and division panics as `AaveError`.
enum AaveChecked {
    static func add(_ a: U256, _ b: U256, _ op: String) throws(AaveError) -> U256 {
        let r = a.addingReportingOverflow(b)
        if r.overflow { throw .overflow(operation: op) }
        return r.partialValue
    }

    static func sub(_ a: U256, _ b: U256, _ op: String) throws(AaveError) -> U256 {
        let r = a.subtractingReportingOverflow(b)
        if r.overflow { throw .overflow(operation: op) }
        return r.partialValue
    }

    static func mul(_ a: U256, _ b: U256, _ op: String) throws(AaveError) -> U256 {
        let r = a.multipliedReportingOverflow(by: b)
        if r.overflow { throw .overflow(operation: op) }
        return r.partialValue
    }

    static func div(_ a: U256, _ b: U256, _ op: String) throws(AaveError) -> U256 {
        if b.isZero { throw .divisionByZero(operation: op) }
        return a / b
    }

    /// `10 ** decimals` (computed in an `unchecked` block on chain; overflow is impossible for real decimals).
    static func unit(decimals: Int) throws(AaveError) -> U256 {
        let r = U256(10).powerReportingOverflow(U256(UInt64(decimals)))
        if r.overflow { throw .overflow(operation: "10 ** decimals") }
        return r.partialValue
    }
}
