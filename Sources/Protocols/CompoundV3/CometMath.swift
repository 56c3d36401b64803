import Primitives

/// Comet's scales and helpers; `Comet.sol` / `CometCore.sol` (compound-finance/comet).
public enum CometMath {
    /// `FACTOR_SCALE` = 1e18.
    public static let factorScale = U256(1_000_000_000_000_000_000)
    /// `PRICE_SCALE` = 1e8.
    public static let priceScale = U256(100_000_000)
    /// `BASE_INDEX_SCALE` = 1e15.
    public static let baseIndexScale = U256(1_000_000_000_000_000)
    /// `2^103 - 1`, the int104 principal bound (`safe104`).
    static let max104 = (U256.one << 103) - .one

    static func mul(_ a: U256, _ b: U256, _ op: String) throws(CometError) -> U256 {
        let r = a.multipliedReportingOverflow(by: b)
        if r.overflow { throw .overflow(operation: op) }
        return r.partialValue
    }

    static func div(_ a: U256, _ b: U256, _ op: String) throws(CometError) -> U256 {
        if b.isZero { throw .overflow(operation: "\(op) (division by zero)") }
        return a / b
    }

    /// `n * factor / 1e18` (Comet.mulFactor).
    public static func mulFactor(_ n: U256, _ factor: U256) throws(CometError) -> U256 {
        try mul(n, factor, "mulFactor") / factorScale
    }

    /// `n * price / fromScale` (Comet.mulPrice).
    public static func mulPrice(_ n: U256, _ price: U256, _ fromScale: U256) throws(CometError) -> U256 {
        try div(try mul(n, price, "mulPrice"), fromScale, "mulPrice")
    }

    /// `n * toScale / price` (Comet.divPrice).
    public static func divPrice(_ n: U256, _ price: U256, _ toScale: U256) throws(CometError) -> U256 {
        try div(try mul(n, toScale, "divPrice"), price, "divPrice")
    }

    /// Principal → present value: `principal * index / 1e15`, floored on the magnitude for both signs
    /// (CometCore.presentValueSupply / presentValueBorrow).
    public static func presentValue(
        principal: I256, baseSupplyIndex: U256, baseBorrowIndex: U256
    ) throws(CometError) -> I256 {
        let index = principal.isNegative ? baseBorrowIndex : baseSupplyIndex
        let m = try mul(principal.magnitude, index, "presentValue") / baseIndexScale
        guard let v = I256(negative: principal.isNegative, magnitude: m) else {
            throw .overflow(operation: "presentValue")
        }
        return v
    }

    /// Present value → principal: supply floors `pv * 1e15 / index`, borrow rounds the debt UP
    /// `(pv * 1e15 + index - 1) / index`; both `safe104` (CometCore.principalValueSupply / principalValueBorrow).
    public static func principalValue(
        presentValue: I256, baseSupplyIndex: U256, baseBorrowIndex: U256
    ) throws(CometError) -> I256 {
        let scaled = try mul(presentValue.magnitude, baseIndexScale, "principalValue")
        let m: U256
        if presentValue.isNegative {
            let r = scaled.addingReportingOverflow(baseBorrowIndex &- .one)
            if r.overflow { throw .overflow(operation: "principalValueBorrow") }
            m = try div(r.partialValue, baseBorrowIndex, "principalValueBorrow")
        } else {
            m = try div(scaled, baseSupplyIndex, "principalValueSupply")
        }
        guard m <= max104, let v = I256(negative: presentValue.isNegative, magnitude: m) else {
            throw .overflow(operation: "safe104")
        }
        return v
    }
}
