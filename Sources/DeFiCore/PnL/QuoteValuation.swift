import Chain
import Primitives

/// The price of one smallest unit of a token in smallest units of the quote, as an exact ratio `num / den`.
public struct PriceRatio: Sendable, Equatable, Codable {
    /// Numerator.
    public var num: U256
    /// Denominator (non-zero).
    public var den: U256

    /// A ratio; `den` must be non-zero.
    public init(num: U256, den: U256) {
        self.num = num
        self.den = den
    }

    /// One unit is one unit (the token is the quote).
    public static let identity = PriceRatio(num: .one, den: .one)

    /// `amount × num / den`, rounded toward zero, with the sign of `amount`.
    public func value(_ amount: I256) throws(PnLError) -> I256 {
        guard !den.isZero else { throw .invalidPrice(reason: "zero denominator") }
        guard let m = try? U256.mulDiv(amount.magnitude, num, den), let v = I256(negative: amount.isNegative, magnitude: m)
        else { throw .overflow }
        return v
    }
}

/// Prices at one block in one quote currency, and where they came from.
public struct QuoteValuation: Sendable, Equatable {
    /// The quote: `USD` or a token address.
    public var quote: String
    /// Decimals of quote amounts (USD values use 18).
    public var quoteDecimals: Int
    /// The source label recorded with each valuation (`aave_oracle:0x…@123`, `identity`…).
    public var source: String
    /// The block the prices were read at.
    public var blockNumber: UInt64
    /// Price per token; ether is ``ExecutionDeltas/native`` (usually the wrapped-native price).
    public var prices: [Address: PriceRatio]

    /// A valuation.
    public init(quote: String, quoteDecimals: Int, source: String, blockNumber: UInt64, prices: [Address: PriceRatio]) {
        self.quote = quote
        self.quoteDecimals = quoteDecimals
        self.source = source
        self.blockNumber = blockNumber
        self.prices = prices
    }

    /// USD values carry 18 decimals.
    public static let usdDecimals = 18
}

/// An execution's realised result in the quote currency: `net = gross − gas − fees`, exactly.
public struct ValuedPnL: Sendable, Equatable {
    /// Value of the balance changes before gas and flash fees.
    public var gross: I256
    /// Value of gas plus the L1 data fee.
    public var gas: U256
    /// Value of flash-loan fees.
    public var fees: U256
    /// Value of every balance change of executor and sender, gas included.
    public var net: I256
}

/// Errors valuing or recording P&L.
public enum PnLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A token that moved has no price in the valuation.
    case missingPrice(token: Address)
    /// A price is unusable.
    case invalidPrice(reason: String)
    /// A value left the 256-bit range.
    case overflow
    /// The execution does not match the receipt.
    case mismatch(String)

    /// A one-line description.
    public var description: String {
        switch self {
        case .missingPrice(let t): "no price for token \(t) in the valuation"
        case .invalidPrice(let r): "invalid price: \(r)"
        case .overflow: "P&L value outside the 256-bit range"
        case .mismatch(let m): m
        }
    }
}

/// Values balance changes in a quote currency.
public enum PnLValuer {
    /// Values `deltas`: net is the sum over tokens of the value of the combined (executor + sender) change in that
    /// token (each token's sum is rounded toward zero once), gas is the value of gas + L1 fee in ether, fees the
    /// value of the flash fees; gross = net + gas + fees, so the identity holds exactly.
    public static func value(_ deltas: ExecutionDeltas, in valuation: QuoteValuation) throws(PnLError) -> ValuedPnL {
        func price(_ token: Address) throws(PnLError) -> PriceRatio {
            guard let p = valuation.prices[token] else { throw .missingPrice(token: token) }
            return p
        }
        var net = I256.zero
        for token in deltas.tokens {
            let amount = deltas.combined(token: token)
            if amount.isZero { continue }
            let (sum, o) = net.addingReportingOverflow(try price(token).value(amount))
            if o { throw .overflow }
            net = sum
        }
        let gasWei = deltas.totalGasCost
        let gas = gasWei.isZero ? I256.zero : try price(ExecutionDeltas.native).value(try signed(gasWei))
        var fees = I256.zero
        for f in deltas.flashFees {
            let (sum, o) = fees.addingReportingOverflow(try price(f.token).value(try signed(f.amount)))
            if o { throw .overflow }
            fees = sum
        }
        let (g1, o1) = net.addingReportingOverflow(gas)
        let (gross, o2) = g1.addingReportingOverflow(fees)
        if o1 || o2 { throw .overflow }
        return ValuedPnL(gross: gross, gas: gas.magnitude, fees: fees.magnitude, net: net)
    }

    private static func signed(_ v: U256) throws(PnLError) -> I256 {
        guard let s = I256(negative: false, magnitude: v) else { throw .overflow }
        return s
    }
}
