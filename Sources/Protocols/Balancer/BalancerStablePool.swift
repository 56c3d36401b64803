import Primitives

/// A Balancer V2 stable pool's swap state (StablePool / MetaStablePool, and ComposableStablePool token-to-token
/// swaps with the BPT left out): raw Vault balances, scaling factors, the amplification parameter and the swap
/// fee, quoted as BaseGeneralPool.onSwap does.
public struct BalancerStablePool: Sendable, Hashable {
    /// `getPoolTokens` balances in each token's own units (BPT excluded).
    public let balances: [U256]
    /// `getScalingFactors()` (BPT excluded): ONE * 10^(18 - decimals), times the rate for rate-provider tokens.
    public let scalingFactors: [U256]
    /// `getAmplificationParameter().value`: A times AMP_PRECISION (1e3).
    public let amp: U256
    /// `getSwapFeePercentage()` (1e18 = 100 %).
    public let swapFeePercentage: U256

    /// A pool state; at least two tokens, one scaling factor per balance.
    public init(balances: [U256], scalingFactors: [U256], amp: U256, swapFeePercentage: U256) throws(BalancerError) {
        guard balances.count >= 2, balances.count == scalingFactors.count else { throw .inputLengthMismatch }
        self.balances = balances
        self.scalingFactors = scalingFactors
        self.amp = amp
        self.swapFeePercentage = swapFeePercentage
    }

    func upscaled() throws(BalancerError) -> [U256] {
        var out: [U256] = []
        for (b, s) in zip(balances, scalingFactors) { out.append(try BalancerScaling.upscale(b, s)) }
        return out
    }

    /// BaseGeneralPool.onSwap GIVEN_IN: `amount - amount.mulUp(fee)`, upscale amount and balances, invariant of the
    /// upscaled balances, StableMath._calcOutGivenIn, downscale rounding down.
    public func swapGivenIn(indexIn: Int, indexOut: Int, amountIn: U256) throws(BalancerError) -> U256 {
        guard indexIn != indexOut, balances.indices.contains(indexIn), balances.indices.contains(indexOut) else {
            throw .outOfBounds
        }
        let fee = try BalancerFixedPoint.mulUp(amountIn, swapFeePercentage)
        let amount = try BalancerScaling.upscale(try BalancerFixedPoint.sub(amountIn, fee), scalingFactors[indexIn])
        let up = try upscaled()
        let invariant = try BalancerStableMath.invariant(amp: amp, balances: up)
        let out = try BalancerStableMath.calcOutGivenIn(
            amp: amp, balances: up, tokenIndexIn: indexIn, tokenIndexOut: indexOut, amountIn: amount,
            invariant: invariant)
        return try BalancerScaling.downscaleDown(out, scalingFactors[indexOut])
    }

    /// BaseGeneralPool.onSwap GIVEN_OUT: StableMath._calcInGivenOut on upscaled values, downscale rounding up, then
    /// `amountIn.divUp(fee.complement())`.
    public func swapGivenOut(indexIn: Int, indexOut: Int, amountOut: U256) throws(BalancerError) -> U256 {
        guard indexIn != indexOut, balances.indices.contains(indexIn), balances.indices.contains(indexOut) else {
            throw .outOfBounds
        }
        let up = try upscaled()
        let invariant = try BalancerStableMath.invariant(amp: amp, balances: up)
        let amountIn = try BalancerStableMath.calcInGivenOut(
            amp: amp, balances: up, tokenIndexIn: indexIn, tokenIndexOut: indexOut,
            amountOut: try BalancerScaling.upscale(amountOut, scalingFactors[indexOut]), invariant: invariant)
        let scaled = try BalancerScaling.downscaleUp(amountIn, scalingFactors[indexIn])
        return try BalancerFixedPoint.divUp(scaled, BalancerFixedPoint.complement(swapFeePercentage))
    }
}

/// A Balancer V2 pool as a quote prices it: id, tokens in Vault order, balances, scaling factors, fee, and the
/// weighted or stable parameters.
public struct BalancerPoolEntry: Sendable, Equatable {
    /// The pool type's parameters.
    public enum Kind: Sendable, Hashable {
        /// WeightedPool: `getNormalizedWeights()`, one per token.
        case weighted(normalizedWeights: [U256])
        /// StablePool family: `getAmplificationParameter().value` (A * 1e3).
        case stable(amp: U256)
    }

    /// `getPoolId()`.
    public var poolId: Hash32
    /// `getPoolTokens(poolId).tokens` (the BPT of a composable stable pool removed).
    public var tokens: [Address]
    /// `getPoolTokens(poolId).balances`, same order.
    public var balances: [U256]
    /// `getScalingFactors()`, same order.
    public var scalingFactors: [U256]
    /// `getSwapFeePercentage()`.
    public var swapFeePercentage: U256
    /// Weighted or stable.
    public var kind: Kind

    /// An entry; every per-token list must have one value per token.
    public init(
        poolId: Hash32, tokens: [Address], balances: [U256], scalingFactors: [U256], swapFeePercentage: U256,
        kind: Kind
    ) throws(BalancerError) {
        guard tokens.count >= 2, balances.count == tokens.count, scalingFactors.count == tokens.count else {
            throw .inputLengthMismatch
        }
        if case .weighted(let w) = kind, w.count != tokens.count { throw .inputLengthMismatch }
        guard Set(tokens).count == tokens.count else { throw .unsortedTokens }
        self.poolId = poolId
        self.tokens = tokens
        self.balances = balances
        self.scalingFactors = scalingFactors
        self.swapFeePercentage = swapFeePercentage
        self.kind = kind
    }

    /// The schema's `pool_type`: `weighted` or `stable`.
    public var poolType: String {
        if case .weighted = kind { return "weighted" }
        return "stable"
    }

    /// GIVEN_IN output for selling `amountIn` of token `i` for token `j`.
    public func swapGivenIn(i: Int, j: Int, amountIn: U256) throws(BalancerError) -> U256 {
        switch kind {
        case .weighted(let w):
            return try BalancerWeightedPool(
                balanceIn: balances[i], balanceOut: balances[j], scalingFactorIn: scalingFactors[i],
                scalingFactorOut: scalingFactors[j], weightIn: w[i], weightOut: w[j],
                swapFeePercentage: swapFeePercentage
            ).swapGivenIn(amountIn: amountIn)
        case .stable(let amp):
            return try BalancerStablePool(
                balances: balances, scalingFactors: scalingFactors, amp: amp, swapFeePercentage: swapFeePercentage
            ).swapGivenIn(indexIn: i, indexOut: j, amountIn: amountIn)
        }
    }

    /// GIVEN_OUT input for buying `amountOut` of token `j` with token `i`.
    public func swapGivenOut(i: Int, j: Int, amountOut: U256) throws(BalancerError) -> U256 {
        switch kind {
        case .weighted(let w):
            return try BalancerWeightedPool(
                balanceIn: balances[i], balanceOut: balances[j], scalingFactorIn: scalingFactors[i],
                scalingFactorOut: scalingFactors[j], weightIn: w[i], weightOut: w[j],
                swapFeePercentage: swapFeePercentage
            ).swapGivenOut(amountOut: amountOut)
        case .stable(let amp):
            return try BalancerStablePool(
                balances: balances, scalingFactors: scalingFactors, amp: amp, swapFeePercentage: swapFeePercentage
            ).swapGivenOut(indexIn: i, indexOut: j, amountOut: amountOut)
        }
    }
}
