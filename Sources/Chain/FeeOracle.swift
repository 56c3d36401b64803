import Primitives

/// EIP-1559 base-fee arithmetic (EIP-1559: BASE_FEE_MAX_CHANGE_DENOMINATOR = 8, ELASTICITY_MULTIPLIER = 2).
public enum EIP1559 {
    /// The next block's base fee from its parent's base fee, gas used and gas limit.
    public static func nextBaseFee(parentBaseFee base: U256, gasUsed: UInt64, gasLimit: UInt64) -> U256 {
        let target = gasLimit / 2
        guard target > 0, gasUsed != target else { return base }
        if gasUsed > target {
            // base + max(base * (used - target) / target / 8, 1)
            let delta = base * U256(gasUsed - target) / U256(target) / U256(8)
            return base + max(delta, .one)
        }
        let delta = base * U256(target - gasUsed) / U256(target) / U256(8)
        return base - delta
    }
}

/// A fee quote for the next transaction.
public enum FeeQuote: Sendable, Equatable {
    /// EIP-1559 fields and the projected next base fee.
    case eip1559(maxFeePerGas: U256, maxPriorityFeePerGas: U256, nextBaseFee: U256)
    /// A legacy gas price (the chain has no base fee).
    case legacy(gasPrice: U256)

    /// The most this quote may pay per gas.
    public var maxPerGas: U256 {
        switch self {
        case .eip1559(let m, _, _): return m
        case .legacy(let p): return p
        }
    }
}

/// Why no fee could be quoted.
public enum FeeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The market needs more than the configured cap.
    case capExceeded(needed: U256, cap: U256)
    /// The node's fee data is unusable.
    case noData(String)
    /// The node could not be asked.
    case rpc(RPCError)

    /// A stable short code.
    public var code: String {
        switch self {
        case .capExceeded: return "fee.cap_exceeded"
        case .noData: return "fee.no_data"
        case .rpc(let e): return e.code
        }
    }

    /// A lower-case one-line description.
    public var description: String {
        switch self {
        case .capExceeded(let needed, let cap):
            return "gas price \(Units.format(needed, decimals: 9)) gwei exceeds the cap \(Units.format(cap, decimals: 9)) gwei; "
                + "raise defi.execution.flash_loan.max_gas_price_gwei or wait"
        case .noData(let what): return "no usable fee data: \(what)"
        case .rpc(let e): return e.description
        }
    }
}

/// EIP-1559 fee oracle over `eth_feeHistory`: priority = median of the non-zero rewards at a percentile,
/// maxFee = multiplier × next base fee + priority, refused when above the configured cap.
public struct FeeOracle: Sendable, Equatable {
    /// Blocks of history to read.
    public var blockCount: Int
    /// Reward percentile asked for.
    public var percentile: Double
    /// Base-fee multiplier (2 covers about six consecutive full blocks).
    public var baseFeeMultiplier: UInt64
    /// Priority fee when no block paid any tip.
    public var fallbackPriorityFee: U256
    /// Most the toolkit will pay per gas; nil for no cap.
    public var maxGasPrice: U256?

    /// An oracle; defaults follow alloy's estimator (10 blocks, 20th percentile) with the safer `2 × next + tip`.
    public init(blockCount: Int = 10, percentile: Double = 20, baseFeeMultiplier: UInt64 = 2,
                fallbackPriorityFee: U256 = U256(1_000_000_000), maxGasPrice: U256? = nil) {
        self.blockCount = max(1, blockCount)
        self.percentile = percentile
        self.baseFeeMultiplier = baseFeeMultiplier
        self.fallbackPriorityFee = fallbackPriorityFee
        self.maxGasPrice = maxGasPrice
    }

    /// Median of the non-zero first-percentile rewards (lower middle for an even count); nil when all are zero.
    public static func medianNonZero(_ rewards: [[U256]]) -> U256? {
        let xs = rewards.compactMap(\.first).filter { !$0.isZero }.sorted()
        guard !xs.isEmpty else { return nil }
        return xs.count % 2 == 1 ? xs[xs.count / 2] : (xs[xs.count / 2 - 1] + xs[xs.count / 2]) / U256(2)
    }

    /// The quote from fee history and the latest header (pure).
    public func quote(history: FeeHistory, latest: BlockHeader) throws(FeeError) -> FeeQuote {
        guard let base = latest.baseFeePerGas else { throw .noData("the latest block has no base fee") }
        let next = EIP1559.nextBaseFee(parentBaseFee: base, gasUsed: latest.gasUsed, gasLimit: latest.gasLimit)
        let tip = Self.medianNonZero(history.reward) ?? fallbackPriorityFee
        let (scaled, o1) = next.multipliedReportingOverflow(by: U256(baseFeeMultiplier))
        let (maxFee, o2) = scaled.addingReportingOverflow(tip)
        guard !o1 && !o2 else { throw .noData("fee overflow") }
        if let cap = maxGasPrice {
            guard next + tip <= cap else { throw .capExceeded(needed: next + tip, cap: cap) }
            return .eip1559(maxFeePerGas: min(maxFee, cap), maxPriorityFeePerGas: tip, nextBaseFee: next)
        }
        return .eip1559(maxFeePerGas: maxFee, maxPriorityFeePerGas: tip, nextBaseFee: next)
    }

    /// A legacy quote checked against the cap (pure).
    public func legacyQuote(gasPrice: U256) throws(FeeError) -> FeeQuote {
        if let cap = maxGasPrice, gasPrice > cap { throw .capExceeded(needed: gasPrice, cap: cap) }
        return .legacy(gasPrice: gasPrice)
    }

    /// Reads the latest header and fee history; falls back to `eth_gasPrice` when the chain has no base fee.
    public func estimate(client: RPCClient) async throws(FeeError) -> FeeQuote {
        let latest: BlockHeader
        do { latest = try await client.block(.latest) } catch { throw .rpc(error) }
        guard latest.baseFeePerGas != nil else {
            let price: U256
            do { price = try await client.gasPrice() } catch { throw .rpc(error) }
            return try legacyQuote(gasPrice: price)
        }
        let history: FeeHistory
        do {
            history = try await client.feeHistory(blockCount: blockCount, newest: .number(latest.number),
                                                  percentiles: [percentile])
        } catch { throw .rpc(error) }
        return try quote(history: history, latest: latest)
    }
}
