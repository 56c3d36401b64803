// The on-chain reads validation needs, pinned to the snapshot's block: Aave oracle prices and the Aave pool's
// FLASHLOAN_PREMIUM_TOTAL (only when `defi.protocols.aave_v3` is configured).
import Chain
import DeFiCore
import Primitives
import Protocols

/// A read validation could not make.
public struct ValidationReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What failed.
    public let reason: String

    /// An error.
    public init(_ reason: String) { self.reason = reason }

    /// The one-line description.
    public var description: String { reason }
}

/// Reads of Aave V3 values used by pricing and costs.
public enum AaveReads {
    /// The configured Aave V3 addresses (`defi.protocols.aave_v3.{pool, oracle}`).
    public static func addresses(_ config: DefiConfig) -> (pool: Address?, oracle: Address?) {
        guard let p = config.protocols["aave_v3"] else { return (nil, nil) }
        return (p.addresses["pool"].flatMap { try? Address(parsing: $0) },
                p.addresses["oracle"].flatMap { try? Address(parsing: $0) })
    }

    /// `AaveOracle.getAssetPrice` for each asset (assets the oracle has no source for are left out).
    public static func prices(oracle: Address, assets: [Address], view: PinnedView) async throws(ValidationReadError)
        -> [Address: U256]
    {
        var out: [Address: U256] = [:]
        for a in assets {
            let data: [UInt8]
            do { data = try AaveOracle.GetAssetPrice(asset: a).encode() } catch {
                throw ValidationReadError("getAssetPrice calldata: \(error)")
            }
            let outcome: CallOutcome
            do { outcome = try await view.call(CallRequest(to: oracle, data: data)) } catch {
                throw ValidationReadError("aave oracle \(oracle): \(error)")
            }
            // AaveOracle reverts for an asset without a source: no price, not an error.
            guard case .success(let d) = outcome else { continue }
            do { out[a] = try AaveOracle.GetAssetPrice.decode(d) } catch {
                throw ValidationReadError("aave oracle \(oracle) getAssetPrice(\(a)): \(error)")
            }
        }
        return out
    }

    /// `Pool.FLASHLOAN_PREMIUM_TOTAL()` in basis points.
    public static func flashLoanPremium(pool: Address, view: PinnedView) async throws(ValidationReadError) -> U256 {
        let data: [UInt8]
        do { data = try AavePool.FlashLoanPremiumTotal().encode() } catch {
            throw ValidationReadError("FLASHLOAN_PREMIUM_TOTAL calldata: \(error)")
        }
        let outcome: CallOutcome
        do { outcome = try await view.call(CallRequest(to: pool, data: data)) } catch {
            throw ValidationReadError("aave pool \(pool): \(error)")
        }
        guard case .success(let d) = outcome else {
            throw ValidationReadError("aave pool \(pool): FLASHLOAN_PREMIUM_TOTAL reverted")
        }
        do { return try AavePool.FlashLoanPremiumTotal.decode(d) } catch {
            throw ValidationReadError("aave pool \(pool) FLASHLOAN_PREMIUM_TOTAL: \(error)")
        }
    }

    /// The price book for `snapshot`: config prices, then the Aave oracle (when configured and `view` given),
    /// then stable pools of the snapshot.
    public static func priceBook(config: DefiConfig, snapshot: MarketSnapshot, view: PinnedView?) async throws(
        ValidationReadError
    ) -> PriceBook {
        var book = PriceBook.fixed(config)
        if let view, let oracle = addresses(config).oracle {
            let assets = snapshot.tokens.map(\.address).filter { book.prices[$0] == nil }
            book = book.merging(PriceBook.aaveOracle(try await prices(oracle: oracle, assets: assets, view: view)))
        }
        return book.merging(PriceBook.stablePools(snapshot))
    }
}
