// USD valuation of token amounts in exact integers: a price is USD per whole token in 1e18 fixed point, a value
// is USD in 1e18 fixed point (signed), printed as exact decimal text. Sources: fixed prices from config, the Aave
// oracle, a stable pool's mid price from the snapshot (PriceBook composes them).
import DeFiCore
import Primitives

/// Where a USD price came from.
public enum USDPriceSource: String, Sendable, Equatable, Codable, CaseIterable {
    /// `defi.pricing.usd.<SYMBOL>`.
    case config
    /// AaveOracle.getAssetPrice (8-decimal USD base currency) at the snapshot block.
    case aaveOracle = "aave_oracle"
    /// A stablecoin counted as $1.
    case stablecoin
    /// The mid price of the deepest pool against a stablecoin in the snapshot.
    case stablePool = "stable_pool"
}

/// USD per whole token, 1e18 fixed point.
public struct USDPrice: Sendable, Equatable {
    /// USD × 1e18 per 10^decimals smallest units.
    public var e18: U256
    /// Its source.
    public var source: USDPriceSource

    /// A price.
    public init(e18: U256, source: USDPriceSource) {
        self.e18 = e18
        self.source = source
    }

    /// A price from an exact decimal (`2000.5`), digits beyond 18 decimals dropped.
    public init?(decimal: ExactDecimal, source: USDPriceSource) {
        let frac = String(decimal.fractionDigits.prefix(18))
        let digits = decimal.integerDigits + frac + String(repeating: "0", count: 18 - frac.count)
        guard let v = try? U256(decimalDigits: digits) else { return nil }
        self.init(e18: v, source: source)
    }

    /// The USD value of `amount` smallest units of a token with `decimals`: amount · e18 / 10^decimals, floored.
    public func value(of amount: U256, decimals: Int) -> USDValue? {
        guard decimals >= 0, decimals <= 77, let v = try? U256.mulDiv(amount, e18, Units.powerOfTen(decimals)),
            v < U256.one << 255
        else { return nil }
        return USDValue(e18: I256(bits: v))
    }
}

/// A signed USD amount in 1e18 fixed point.
public struct USDValue: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// USD × 1e18.
    public var e18: I256

    /// A value.
    public init(e18: I256) { self.e18 = e18 }

    /// Zero dollars.
    public static let zero = USDValue(e18: .zero)

    /// A value from an exact decimal such as a config threshold.
    public init?(decimal: ExactDecimal) {
        guard let p = USDPrice(decimal: decimal, source: .config) else { return nil }
        self.init(e18: I256(bits: p.e18))
    }

    /// The negated value.
    public var negated: USDValue { USDValue(e18: .zero &- e18) }

    /// a − b.
    public static func - (a: USDValue, b: USDValue) -> USDValue { USDValue(e18: a.e18 &- b.e18) }

    /// a + b.
    public static func + (a: USDValue, b: USDValue) -> USDValue { USDValue(e18: a.e18 &+ b.e18) }

    /// a < b.
    public static func < (a: USDValue, b: USDValue) -> Bool { a.e18 < b.e18 }

    /// Exact decimal text truncated toward zero to `decimals` places, trailing zeros kept (`12.500000`, `-0.03`
    /// with decimals 2); what OpportunityRecord.netProfitUSD stores.
    public func text(decimals: Int = 6) -> String {
        let m = e18.magnitude
        let whole = m / Units.powerOfTen(18)
        let frac = (m % Units.powerOfTen(18)) / Units.powerOfTen(18 - min(decimals, 18))
        var f = frac.decimalString
        f = String(repeating: "0", count: max(0, decimals - f.count)) + f
        let sign = e18.isNegative && !(whole.isZero && frac.isZero) ? "-" : ""
        return decimals == 0 ? sign + whole.decimalString : "\(sign)\(whole.decimalString).\(f)"
    }

    /// Six decimals.
    public var description: String { text() }
}
