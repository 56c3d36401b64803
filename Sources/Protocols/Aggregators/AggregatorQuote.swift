// What an aggregator answered, in one shape for both APIs, and the checks every answer passes before use.
import Primitives

/// A trade to ask an aggregator about: sell exactly `sellAmount` of `sellToken` for `buyToken`.
public struct AggregatorRequest: Sendable, Equatable {
    /// The token sold.
    public var sellToken: Address
    /// The token bought.
    public var buyToken: Address
    /// The exact amount sold, smallest unit.
    public var sellAmount: U256
    /// Who sends the swap (required for a firm quote / swap tx).
    public var taker: Address?
    /// Slippage tolerance in basis points (1inch takes it as a percentage, 0x as bps).
    public var slippageBps: UInt32
    /// The least output the caller accepts (validation refuses a quote below it).
    public var minBuyAmount: U256?

    /// A request.
    public init(
        sellToken: Address, buyToken: Address, sellAmount: U256, taker: Address? = nil, slippageBps: UInt32 = 100,
        minBuyAmount: U256? = nil
    ) {
        self.sellToken = sellToken
        self.buyToken = buyToken
        self.sellAmount = sellAmount
        self.taker = taker
        self.slippageBps = slippageBps
        self.minBuyAmount = minBuyAmount
    }
}

/// The swap transaction an aggregator returned.
public struct AggregatorTransaction: Sendable, Equatable {
    /// The sender the API built it for, when it says.
    public var from: Address?
    /// The contract to call (validated against the allowlist).
    public var to: Address
    /// The calldata.
    public var data: [UInt8]
    /// Wei sent.
    public var value: U256
    /// The API's gas estimate.
    public var gas: UInt64?
    /// The API's gas price, wei.
    public var gasPrice: U256?
}

/// One aggregator answer, validated.
public struct AggregatorQuote: Sendable, Equatable {
    /// `1inch` or `0x`.
    public var aggregator: String
    /// The token sold, as the response names it.
    public var sellToken: Address
    /// The token bought, as the response names it.
    public var buyToken: Address
    /// Sold, smallest unit.
    public var sellAmount: U256
    /// Bought (expected), smallest unit.
    public var buyAmount: U256
    /// The guaranteed minimum (0x `minBuyAmount`), when given.
    public var minBuyAmount: U256?
    /// Gas the API estimates for the swap.
    public var gas: UInt64?
    /// `UNISWAP_V2 100%` style summary of the route.
    public var route: String
    /// The contract the taker must approve (1inch spender, 0x allowance target), when known.
    public var allowanceTarget: Address?
    /// The swap transaction (firm quotes only).
    public var transaction: AggregatorTransaction?
    /// The chain id the response names, when it names one.
    public var chainID: UInt64?

    /// Checks the answer against the request and the allowlist: chain id, sell amount equal, tokens equal, buy
    /// amount above zero and at least the caller's minimum (and the API's own minimum not above its amount), every
    /// contract named in the allowlist, the tx built for the taker. Throws ``AggregatorError/invalidQuote``.
    public func validate(against r: AggregatorRequest, settings: AggregatorSettings) throws(AggregatorError) {
        func refuse(_ why: String) -> AggregatorError { .invalidQuote(aggregator: aggregator, reason: why) }
        if let c = chainID, c != settings.chainID { throw refuse("chain id \(c), expected \(settings.chainID)") }
        guard sellToken == r.sellToken else { throw refuse("sell token \(sellToken), asked \(r.sellToken)") }
        guard buyToken == r.buyToken else { throw refuse("buy token \(buyToken), asked \(r.buyToken)") }
        guard sellAmount == r.sellAmount else {
            throw refuse("sell amount \(sellAmount.decimalString), asked \(r.sellAmount.decimalString)")
        }
        guard !buyAmount.isZero else { throw refuse("buy amount is zero") }
        if let m = r.minBuyAmount, buyAmount < m {
            throw refuse("buy amount \(buyAmount.decimalString) below the minimum \(m.decimalString)")
        }
        if let m = minBuyAmount {
            guard m <= buyAmount else {
                throw refuse("min buy amount \(m.decimalString) above the buy amount \(buyAmount.decimalString)")
            }
            if let want = r.minBuyAmount, m < want {
                throw refuse("min buy amount \(m.decimalString) below the minimum \(want.decimalString)")
            }
        }
        if let a = allowanceTarget, !settings.allowedTargets.contains(a) {
            throw refuse("allowance target \(a) is not a known router for chain \(settings.chainID)")
        }
        if let tx = transaction {
            guard settings.allowedTargets.contains(tx.to) else {
                throw refuse("tx.to \(tx.to) is not a known router for chain \(settings.chainID)")
            }
            if let f = tx.from, let t = r.taker, f != t { throw refuse("tx.from \(f) is not the taker \(t)") }
            guard !tx.data.isEmpty else { throw refuse("tx.data is empty") }
            if r.sellToken != Self.nativeToken, !tx.value.isZero {
                throw refuse("tx.value \(tx.value.decimalString) for an ERC-20 sale")
            }
        }
    }

    /// The native-token sentinel both APIs use.
    public static let nativeToken = try! Address(parsing: "0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE")
}
