import Chain
import Primitives

/// Quote prices from an Aave V3 `AaveOracle` (`getAssetPrice(address)`, base currency USD with 8 decimals) at one
/// block: USD values with 18 decimals, or values in a quote token priced by the same oracle.
public enum AaveOraclePrices {
    /// `getAssetPrice(address)` selector 0xb3596f07.
    public static let getAssetPriceSelector: [UInt8] = [0xb3, 0x59, 0x6f, 0x07]
    /// The oracle's base unit: 8 decimals (USD).
    public static let baseDecimals = 8

    /// A token to price and its decimals.
    public struct Asset: Sendable, Equatable {
        /// The token (for ether pass the wrapped-native token and map it to ``ExecutionDeltas/native`` with `as`).
        public var token: Address
        /// Its decimals.
        public var decimals: Int
        /// The key it is priced under (defaults to `token`).
        public var key: Address

        /// An asset.
        public init(token: Address, decimals: Int, as key: Address? = nil) {
            self.token = token
            self.decimals = decimals
            self.key = key ?? token
        }
    }

    /// The ratio turning `amount` (decimals `d`) at oracle price `p` (8 decimals) into USD with 18 decimals.
    public static func usdRatio(price: U256, decimals: Int) -> PriceRatio {
        let scale = QuoteValuation.usdDecimals - baseDecimals
        return PriceRatio(num: price * Units.powerOfTen(scale), den: Units.powerOfTen(decimals))
    }

    /// The ratio turning `amount` of a token (price `p`, decimals `d`) into a quote token (price `q`, decimals `e`).
    public static func tokenRatio(price p: U256, decimals d: Int, quotePrice q: U256, quoteDecimals e: Int)
        -> PriceRatio
    {
        PriceRatio(num: p * Units.powerOfTen(e), den: Units.powerOfTen(d) * q)
    }

    /// Reads every asset's price at `block` and builds a USD valuation, or one in `quoteToken` when given.
    public static func valuation(
        client: RPCClient, oracle: Address, assets: [Asset], block: UInt64, quoteToken: Asset? = nil
    ) async throws -> QuoteValuation {
        var raw: [Address: U256] = [:]
        for token in Set(assets.map(\.token) + (quoteToken.map { [$0.token] } ?? [])) {
            let outcome = try await client.call(
                CallRequest(to: oracle, data: getAssetPriceSelector + [UInt8](repeating: 0, count: 12) + token.bytes),
                at: .number(block))
            guard case .success(let data) = outcome, let price = ERC20.decodeUInt(data), !price.isZero else {
                throw PnLError.invalidPrice(reason: "AaveOracle \(oracle) has no price for \(token) at block \(block)")
            }
            raw[token] = price
        }
        var prices: [Address: PriceRatio] = [:]
        for a in assets {
            guard let p = raw[a.token] else { continue }
            if let q = quoteToken, let qp = raw[q.token] {
                prices[a.key] = a.token == q.token
                    ? .identity : tokenRatio(price: p, decimals: a.decimals, quotePrice: qp, quoteDecimals: q.decimals)
            } else {
                prices[a.key] = usdRatio(price: p, decimals: a.decimals)
            }
        }
        let quote = quoteToken.map { $0.token.lowercaseHex } ?? "USD"
        return QuoteValuation(
            quote: quote, quoteDecimals: quoteToken?.decimals ?? QuoteValuation.usdDecimals,
            source: "aave_oracle:\(oracle.lowercaseHex)@\(block)", blockNumber: block, prices: prices)
    }
}
