import Primitives

/// Why a Compound III (Comet) computation fails: the contract's custom error, or its checked-math panic.
public enum CometError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `NotLiquidatable()` from `absorb` (Comet.absorbInternal).
    case notLiquidatable
    /// `NotForSale()` from `buyCollateral` when reserves ≥ targetReserves.
    case notForSale
    /// `TooMuchSlippage()` from `buyCollateral` when the quote is below `minAmount`.
    case tooMuchSlippage
    /// `InsufficientReserves()` from `buyCollateral` when the quote exceeds the collateral reserves.
    case insufficientReserves
    /// `BadPrice()` from `getPrice` when a feed answers ≤ 0.
    case badPrice
    /// `BadAsset()` from `getAssetInfoByAddress` for an unlisted asset.
    case badAsset(Address)
    /// A Solidity 0.8 overflow or division panic, or a failed `safe104`/`safe64` cast.
    case overflow(operation: String)
    /// A value read from chain does not have the expected shape.
    case malformed(String)

    /// The custom error's signature, for decoding revert data by selector.
    public var errorSignature: String? {
        switch self {
        case .notLiquidatable: return "NotLiquidatable()"
        case .notForSale: return "NotForSale()"
        case .tooMuchSlippage: return "TooMuchSlippage()"
        case .insufficientReserves: return "InsufficientReserves()"
        case .badPrice: return "BadPrice()"
        case .badAsset: return "BadAsset()"
        case .overflow, .malformed: return nil
        }
    }

    /// A stable short code for the JSON envelope and the history store.
    public var code: String {
        switch self {
        case .notLiquidatable: return "comet_not_liquidatable"
        case .notForSale: return "comet_not_for_sale"
        case .tooMuchSlippage: return "comet_too_much_slippage"
        case .insufficientReserves: return "comet_insufficient_reserves"
        case .badPrice: return "comet_bad_price"
        case .badAsset: return "comet_bad_asset"
        case .overflow: return "comet_overflow"
        case .malformed: return "comet_malformed"
        }
    }

    /// Lower-case, safe to print.
    public var description: String {
        switch self {
        case .notLiquidatable: return "comet reverts NotLiquidatable(): the account is not underwater"
        case .notForSale: return "comet reverts NotForSale(): reserves are at or above targetReserves"
        case .tooMuchSlippage: return "comet reverts TooMuchSlippage(): quote below minAmount"
        case .insufficientReserves: return "comet reverts InsufficientReserves(): not enough collateral reserves"
        case .badPrice: return "comet reverts BadPrice(): a price feed answered zero or less"
        case .badAsset(let a): return "comet reverts BadAsset(): \(a) is not listed"
        case .overflow(let op): return "arithmetic overflow in \(op)"
        case .malformed(let w): return "malformed on-chain value: \(w)"
        }
    }
}
