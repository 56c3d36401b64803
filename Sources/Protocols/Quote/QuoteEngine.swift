// Pure single-hop quoting over a MarketSnapshot: every pool of the pair prices the trade with the exact contract
// math (V2: UniswapV2Library, V3: QuoterV2's pool.swap, Curve: the pool version's exchange / get_dx, Balancer V2:
// the pool type's onSwap with fee and scaling), and the best pool wins. No I/O.
import Primitives

/// Which side of the trade is fixed.
public enum QuoteSide: String, Sendable, Equatable {
    /// `amount` of tokenIn is sold; the quote is the output.
    case exactIn = "exact_in"
    /// `amount` of tokenOut is bought; the quote is the input.
    case exactOut = "exact_out"
}

/// Why one pool cannot quote the trade.
public enum PoolQuoteFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The V2 math reverts.
    case v2(V2Error)
    /// The V3 math reverts or the state is incomplete.
    case v3(V3Error)
    /// The Curve math reverts (or the pool version cannot answer this side: classic pools have no get_dx).
    case curve(CurveError)
    /// The Balancer math reverts (BAL#…).
    case balancer(BalancerError)
    /// The pool kind is reserved in the schema but not priced in this build.
    case unsupportedKind(String)

    /// Whether a wider tick read would let the pool answer.
    public var needsMoreTicks: Bool {
        if case .v3(.ranOutOfKnownTicks) = self { return true }
        return false
    }

    /// The one-line description.
    public var description: String {
        switch self {
        case .v2(let e): "\(e)"
        case .v3(let e): "\(e)"
        case .curve(let e): "\(e)"
        case .balancer(let e): "\(e)"
        case .unsupportedKind(let k): "\(k) pools are not priced in this build"
        }
    }
}

/// One pool's answer.
public struct PoolQuote: Sendable, Equatable {
    /// The venue's config name.
    public var venue: String
    /// The pool contract.
    public var pool: Address
    /// `uniswap_v2` or `uniswap_v3`.
    public var kind: String
    /// The fee in hundredths of a bip (V2 30 bps = 3000).
    public var fee: UInt32
    /// Input in tokenIn's smallest unit.
    public var amountIn: U256
    /// Output in tokenOut's smallest unit.
    public var amountOut: U256
    /// amountOut / (amountIn · mid price) in 1e18 fixed point (floored at each step); nil if it overflows.
    public var executionToMidE18: U256?
    /// Initialized ticks crossed (V3), 0 for V2.
    public var ticksCrossed: UInt32
    /// Gas a router swap through this pool costs, from `GasModel`.
    public var gasEstimate: UInt64
}

/// Documented gas constants for a single-hop router swap, from swaps executed on the devnet's real contracts
/// (docs/quote-state.md): V2 swapExactTokensForTokens 100k-139k (105k typical), V3 exactInputSingle 85k-127k
/// without crossing a tick and ≈ 60k more per initialized tick crossed (cold tick storage).
public enum GasModel {
    /// V2 single hop.
    public static let v2Swap: UInt64 = 105_000
    /// V3 single hop, no tick crossed.
    public static let v3Swap: UInt64 = 110_000
    /// V3 per initialized tick crossed.
    public static let v3PerTick: UInt64 = 60_000
    /// Curve StableSwap exchange, 2-4 coins. Not measured here (no Curve bytecode on the devnet): the order of
    /// magnitude of mainnet 3pool exchanges, for ranking only.
    public static let curveSwap: UInt64 = 140_000
    /// Balancer V2 Vault single swap. Not measured here (no Balancer bytecode on the devnet): the order of
    /// magnitude of mainnet Vault.swap calls, for ranking only.
    public static let balancerSwap: UInt64 = 120_000
}

/// The quotes of every pool of the pair, best first.
public struct QuoteOutcome: Sendable, Equatable {
    /// Which side was fixed.
    public var side: QuoteSide
    /// The fixed amount (tokenIn for exact in, tokenOut for exact out).
    public var amount: U256
    /// Pools that quoted, best first (exact in: most out; exact out: least in; ties keep snapshot order).
    public var quotes: [PoolQuote]
    /// Pools of the pair that could not quote, with the reason.
    public var failures: [(venue: String, pool: Address, failure: PoolQuoteFailure)]

    /// The best quote.
    public var best: PoolQuote? { quotes.first }

    /// Equality over all fields.
    public static func == (a: QuoteOutcome, b: QuoteOutcome) -> Bool {
        a.side == b.side && a.amount == b.amount && a.quotes == b.quotes
            && a.failures.map { "\($0.venue)|\($0.pool)|\($0.failure)" }
                == b.failures.map { "\($0.venue)|\($0.pool)|\($0.failure)" }
    }
}

/// Prices a single-hop trade on every pool of a snapshot.
public enum QuoteEngine {
    /// Quotes `amount` (of tokenIn for exact in, of tokenOut for exact out) on every pool holding both tokens whose
    /// venue is in `venues` (all when nil).
    public static func quote(
        _ snapshot: MarketSnapshot, tokenIn: Address, tokenOut: Address, amount: U256, side: QuoteSide,
        venues: Set<String>? = nil
    ) -> QuoteOutcome {
        var quotes: [PoolQuote] = []
        var failures: [(venue: String, pool: Address, failure: PoolQuoteFailure)] = []
        for p in snapshot.pools {
            if let venues, !venues.contains(p.venue) { continue }
            if case .reserved(let k) = p.state {
                failures.append((p.venue, p.address, .unsupportedKind(k)))
                continue
            }
            let all = p.state.allTokens
            guard let i = all.firstIndex(of: tokenIn), let j = all.firstIndex(of: tokenOut), i != j else { continue }
            do throws(PoolQuoteFailure) {
                let q =
                    p.state.tokens == nil
                    ? try quote(p, indexIn: i, indexOut: j, amount: amount, side: side)
                    : try quote(p, zeroForOne: i == 0, amount: amount, side: side)
                // getAmountsOut answers 0, but UniswapV2Pair.swap reverts on a zero output: not fillable.
                if q.kind == "uniswap_v2" && q.amountOut.isZero { throw .v2(.pairInsufficientOutputAmount) }
                quotes.append(q)
            } catch {
                failures.append((p.venue, p.address, error))
            }
        }
        // Stable: best first, ties in snapshot order.
        let ordered = quotes.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if side == .exactIn, x.amountOut != y.amountOut { return x.amountOut > y.amountOut }
            if side == .exactOut, x.amountIn != y.amountIn { return x.amountIn < y.amountIn }
            return a.offset < b.offset
        }.map(\.element)
        return QuoteOutcome(side: side, amount: amount, quotes: ordered, failures: failures)
    }

    /// One pool's quote.
    public static func quote(_ p: PoolEntry, zeroForOne: Bool, amount: U256, side: QuoteSide) throws(PoolQuoteFailure)
        -> PoolQuote
    {
        switch p.state {
        case .uniswapV2(let pair):
            let amountIn: U256
            let amountOut: U256
            do {
                if side == .exactIn {
                    amountIn = amount
                    amountOut = try pair.amountOut(amountIn: amount, zeroForOne: zeroForOne)
                } else {
                    amountOut = amount
                    amountIn = try pair.amountIn(amountOut: amount, zeroForOne: zeroForOne)
                }
            } catch { throw .v2(error) }
            let (rIn, rOut) = zeroForOne ? (pair.reserve0, pair.reserve1) : (pair.reserve1, pair.reserve0)
            // mid = rOut / rIn; out / (in · mid) = out · rIn / (in · rOut).
            let ratio = try? U256.mulDiv(try U256.mulDiv(amountOut, rIn, amountIn), Units.powerOfTen(18), rOut)
            return PoolQuote(
                venue: p.venue, pool: p.address, kind: p.state.kind, fee: pair.feeBps * 100, amountIn: amountIn,
                amountOut: amountOut, executionToMidE18: ratio, ticksCrossed: 0, gasEstimate: GasModel.v2Swap)
        case .uniswapV3(let e):
            let s = e.state
            let q: V3Quote
            do {
                q =
                    side == .exactIn
                    ? try s.quoteExactInputSingle(zeroForOne: zeroForOne, amountIn: amount)
                    : try s.quoteExactOutputSingle(zeroForOne: zeroForOne, amountOut: amount)
            } catch { throw .v3(error) }
            let (amountIn, amountOut) = side == .exactIn ? (amount, q.amount) : (q.amount, amount)
            return PoolQuote(
                venue: p.venue, pool: p.address, kind: p.state.kind, fee: s.fee, amountIn: amountIn,
                amountOut: amountOut,
                executionToMidE18: v3Ratio(
                    amountIn: amountIn, amountOut: amountOut, sqrtP: s.sqrtPriceX96, zeroForOne: zeroForOne),
                ticksCrossed: q.initializedTicksCrossed,
                gasEstimate: GasModel.v3Swap + GasModel.v3PerTick * UInt64(q.initializedTicksCrossed))
        case .curve, .balancer:
            throw .unsupportedKind(p.state.kind + " needs token indices")
        case .reserved(let k):
            throw .unsupportedKind(k)
        }
    }

    /// One multi-coin pool's quote (Curve, Balancer) for coin index `i` in and `j` out.
    public static func quote(_ p: PoolEntry, indexIn i: Int, indexOut j: Int, amount: U256, side: QuoteSide)
        throws(PoolQuoteFailure) -> PoolQuote
    {
        let amountIn: U256
        let amountOut: U256
        let fee: UInt32
        let gas: UInt64
        switch p.state {
        case .curve(let c):
            do throws(CurveError) {
                if side == .exactIn {
                    (amountIn, amountOut) = (amount, try c.pool.amountOut(i: i, j: j, dx: amount))
                } else {
                    guard let dx = try c.pool.amountIn(i: i, j: j, dy: amount) else {
                        throw CurveError.invalidState("classic pools have no get_dx: exact output is not quoted")
                    }
                    (amountIn, amountOut) = (dx, amount)
                }
            } catch { throw .curve(error) }
            // fee() is in parts of 1e10; PoolQuote.fee is in parts of 1e6.
            fee = UInt32(clamping: UInt64(truncatingIfNeeded: c.pool.fee / U256(10_000)))
            gas = GasModel.curveSwap
        case .balancer(let b):
            do throws(BalancerError) {
                if side == .exactIn {
                    (amountIn, amountOut) = (amount, try b.swapGivenIn(i: i, j: j, amountIn: amount))
                } else {
                    (amountIn, amountOut) = (try b.swapGivenOut(i: i, j: j, amountOut: amount), amount)
                }
            } catch { throw .balancer(error) }
            // 1e18 = 100 % → parts of 1e6.
            fee = UInt32(clamping: UInt64(truncatingIfNeeded: b.swapFeePercentage / U256(1_000_000_000_000)))
            gas = GasModel.balancerSwap
        default:
            return try quote(p, zeroForOne: i == 0, amount: amount, side: side)
        }
        return PoolQuote(
            venue: p.venue, pool: p.address, kind: p.state.kind, fee: fee, amountIn: amountIn, amountOut: amountOut,
            executionToMidE18: nil, ticksCrossed: 0, gasEstimate: gas)
    }

    /// out / (in · mid) in 1e18 fixed point with mid = s²/2^192 (token1 per token0) or its inverse.
    static func v3Ratio(amountIn: U256, amountOut: U256, sqrtP: U256, zeroForOne: Bool) -> U256? {
        guard !amountIn.isZero, !sqrtP.isZero else { return nil }
        let e18 = Units.powerOfTen(18)
        let q96 = U256.one << 96
        if zeroForOne {
            // out · 2^192 · 1e18 / (in · s²)
            guard let a = try? U256.mulDiv(amountOut, e18 << 96, sqrtP), let b = try? U256.mulDiv(a, q96, sqrtP) else {
                return nil
            }
            return b / amountIn
        }
        // out · s² · 1e18 / (2^192 · in)
        guard amountIn < U256.one << 190, let a = try? U256.mulDiv(amountOut, sqrtP, U256.one << 32),
            let b = try? U256.mulDiv(a, sqrtP, q96)
        else { return nil }
        return try? U256.mulDiv(b, e18, amountIn << 64)
    }
}
