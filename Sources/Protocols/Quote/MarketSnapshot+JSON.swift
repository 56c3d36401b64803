// The JSON form of MarketSnapshot (docs/quote-state.md): snake_case keys, U256/uint128/int128 as decimal strings,
// addresses EIP-55, V3 ticks as the initialized ticks inside `known_words` (the bitmap is derived from them).
import Foundation
import Primitives

/// A state file that cannot be read as a market snapshot.
public struct SnapshotFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong, naming the field.
    public let reason: String

    /// A format error.
    public init(_ reason: String) { self.reason = reason }

    /// The one-line description.
    public var description: String { "invalid market state: \(reason)" }
}

struct SnapshotFile: Codable {
    struct Block: Codable {
        var number: UInt64
        var hash: String
    }
    struct Token: Codable {
        var address: String
        var symbol: String
        var decimals: Int
    }
    struct Tick: Codable {
        var index: Int32
        var liquidityNet: String
        enum CodingKeys: String, CodingKey { case index, liquidityNet = "liquidity_net" }
    }
    struct Pool: Codable {
        var kind: String
        var venue: String
        var address: String
        var token0: String?
        var token1: String?
        var reserve0: U256?
        var reserve1: U256?
        var feeBps: UInt32?
        var fee: UInt32?
        var tickSpacing: Int32?
        var sqrtPriceX96: U256?
        var tick: Int32?
        var liquidity: String?
        var feeProtocol: UInt8?
        var unlocked: Bool?
        var knownWords: [Int16]?
        var ticks: [Tick]?
        // Curve
        var variant: String?
        var coins: [String]?
        var balances: [U256]?
        var rates: [U256]?
        var amp: U256?
        var swapFee: U256?
        var adminFee: U256?
        var offpegFeeMultiplier: U256?
        // Balancer (also `balances`, `amp`)
        var poolId: String?
        var poolType: String?
        var tokens: [String]?
        var scalingFactors: [U256]?
        var swapFeePercentage: U256?
        var weights: [U256]?

        enum CodingKeys: String, CodingKey {
            case kind, venue, address, token0, token1, reserve0, reserve1, fee, tick, liquidity, unlocked, ticks
            case feeBps = "fee_bps", tickSpacing = "tick_spacing", sqrtPriceX96 = "sqrt_price_x96"
            case feeProtocol = "fee_protocol", knownWords = "known_words"
            case variant, coins, balances, rates, amp, tokens, weights
            case swapFee = "swap_fee", adminFee = "admin_fee", offpegFeeMultiplier = "offpeg_fee_multiplier"
            case poolId = "pool_id", poolType = "pool_type", scalingFactors = "scaling_factors"
            case swapFeePercentage = "swap_fee_percentage"
        }
    }
    var schema: String
    var chainId: UInt64?
    var block: Block
    var tokens: [Token]
    var pools: [Pool]

    enum CodingKeys: String, CodingKey { case schema, chainId = "chain_id", block, tokens, pools }
}

extension MarketSnapshot {
    /// The JSON document (sorted keys, pretty-printed, trailing newline).
    public func jsonText() throws(SnapshotFormatError) -> String {
        let file = SnapshotFile(
            schema: Self.schema, chainId: chainID, block: .init(number: blockNumber, hash: blockHash.description),
            tokens: tokens.map { .init(address: $0.address.checksummed, symbol: $0.symbol, decimals: $0.decimals) },
            pools: pools.map(Self.view))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do { return String(decoding: try encoder.encode(file), as: UTF8.self) + "\n" } catch {
            throw SnapshotFormatError("\(error)")
        }
    }

    static func view(_ p: PoolEntry) -> SnapshotFile.Pool {
        var v = SnapshotFile.Pool(kind: p.state.kind, venue: p.venue, address: p.address.checksummed)
        switch p.state {
        case .uniswapV2(let pair):
            v.token0 = pair.token0.checksummed
            v.token1 = pair.token1.checksummed
            v.reserve0 = pair.reserve0
            v.reserve1 = pair.reserve1
            v.feeBps = pair.feeBps
        case .uniswapV3(let e):
            let s = e.state
            v.token0 = e.token0.checksummed
            v.token1 = e.token1.checksummed
            v.fee = s.fee
            v.tickSpacing = s.tickSpacing
            v.sqrtPriceX96 = s.sqrtPriceX96
            v.tick = s.tick
            v.liquidity = String(s.liquidity)
            v.feeProtocol = s.feeProtocol
            v.unlocked = s.unlocked
            v.knownWords = [s.knownWords.lowerBound, s.knownWords.upperBound]
            v.ticks = s.ticks.map { .init(index: $0.index, liquidityNet: String($0.liquidityNet)) }
        case .curve(let c):
            v.variant = c.pool.variant
            v.coins = c.coins.map(\.checksummed)
            switch c.pool {
            case .classic(let s):
                v.balances = s.balances
                v.rates = s.rates
                v.amp = s.amp
                v.swapFee = s.fee
                v.adminFee = s.adminFee
            case .ng(let s):
                v.balances = s.balances
                v.rates = s.rates
                v.amp = s.amp
                v.swapFee = s.fee
                v.offpegFeeMultiplier = s.offpegFeeMultiplier
            }
        case .balancer(let b):
            v.poolId = b.poolId.description
            v.poolType = b.poolType
            v.tokens = b.tokens.map(\.checksummed)
            v.balances = b.balances
            v.scalingFactors = b.scalingFactors
            v.swapFeePercentage = b.swapFeePercentage
            switch b.kind {
            case .weighted(let w): v.weights = w
            case .stable(let a): v.amp = a
            }
        case .reserved:
            break
        }
        return v
    }

    /// Parses a state file written by `jsonText()` (or by hand, following docs/quote-state.md).
    public init(jsonText text: String) throws(SnapshotFormatError) {
        let file: SnapshotFile
        do { file = try JSONDecoder().decode(SnapshotFile.self, from: Data(text.utf8)) } catch {
            throw SnapshotFormatError("\(error)")
        }
        guard file.schema == Self.schema else {
            throw SnapshotFormatError("schema \"\(file.schema)\", expected \"\(Self.schema)\"")
        }
        func addr(_ s: String?, _ field: String) throws(SnapshotFormatError) -> Address {
            guard let s else { throw SnapshotFormatError("\(field) missing") }
            do { return try Address(parsing: s) } catch { throw SnapshotFormatError("\(field) \"\(s)\": \(error)") }
        }
        let hash: Hash32
        do { hash = try Hash32(hex: file.block.hash) } catch { throw SnapshotFormatError("block.hash: \(error)") }
        var tokens: [SnapshotToken] = []
        for t in file.tokens {
            tokens.append(
                SnapshotToken(address: try addr(t.address, "tokens.address"), symbol: t.symbol, decimals: t.decimals))
        }
        var pools: [PoolEntry] = []
        for (i, p) in file.pools.enumerated() {
            let at = "pools[\(i)]"
            let address = try addr(p.address, "\(at).address")
            pools.append(PoolEntry(venue: p.venue, address: address, state: try Self.state(p, at: at, addr: addr)))
        }
        self.init(chainID: file.chainId, blockNumber: file.block.number, blockHash: hash, tokens: tokens, pools: pools)
    }

    static func state(
        _ p: SnapshotFile.Pool, at: String, addr: (String?, String) throws(SnapshotFormatError) -> Address
    ) throws(SnapshotFormatError) -> PoolState {
        func need<T>(_ v: T?, _ f: String) throws(SnapshotFormatError) -> T {
            guard let v else { throw SnapshotFormatError("\(at).\(f) missing for kind \(p.kind)") }
            return v
        }
        switch p.kind {
        case "uniswap_v2":
            do {
                return .uniswapV2(
                    try V2Pair(
                        token0: try addr(p.token0, "\(at).token0"), token1: try addr(p.token1, "\(at).token1"),
                        reserve0: try need(p.reserve0, "reserve0"), reserve1: try need(p.reserve1, "reserve1"),
                        feeBps: try need(p.feeBps, "fee_bps")))
            } catch let e as SnapshotFormatError { throw e } catch { throw SnapshotFormatError("\(at): \(error)") }
        case "uniswap_v3":
            let words = try need(p.knownWords, "known_words")
            guard words.count == 2, words[0] <= words[1] else {
                throw SnapshotFormatError("\(at).known_words must be [low, high]")
            }
            guard let liquidity = UInt128(try need(p.liquidity, "liquidity")) else {
                throw SnapshotFormatError("\(at).liquidity is not a uint128")
            }
            var ticks: [V3Tick] = []
            for t in try need(p.ticks, "ticks") {
                guard let net = Int128(t.liquidityNet) else {
                    throw SnapshotFormatError("\(at).ticks[\(t.index)].liquidity_net is not an int128")
                }
                ticks.append(V3Tick(index: t.index, liquidityNet: net))
            }
            do {
                let state = try V3PoolState(
                    sqrtPriceX96: try need(p.sqrtPriceX96, "sqrt_price_x96"), tick: try need(p.tick, "tick"),
                    liquidity: liquidity, fee: try need(p.fee, "fee"),
                    tickSpacing: try need(p.tickSpacing, "tick_spacing"),
                    ticks: ticks, knownWords: words[0]...words[1], feeProtocol: p.feeProtocol ?? 0,
                    unlocked: p.unlocked ?? true)
                return .uniswapV3(
                    V3PoolEntry(
                        token0: try addr(p.token0, "\(at).token0"), token1: try addr(p.token1, "\(at).token1"),
                        state: state))
            } catch let e as SnapshotFormatError { throw e } catch { throw SnapshotFormatError("\(at): \(error)") }
        case "curve":
            var coins: [Address] = []
            for (k, c) in try need(p.coins, "coins").enumerated() { coins.append(try addr(c, "\(at).coins[\(k)]")) }
            let balances = try need(p.balances, "balances")
            let rates = try need(p.rates, "rates")
            let amp = try need(p.amp, "amp")
            let fee = try need(p.swapFee, "swap_fee")
            let variant = try need(p.variant, "variant")
            guard ["classic_3pool", "classic_template", "ng"].contains(variant) else {
                throw SnapshotFormatError("\(at).variant \"\(variant)\" is not classic_3pool, classic_template or ng")
            }
            let offpeg = variant == "ng" ? try need(p.offpegFeeMultiplier, "offpeg_fee_multiplier") : .zero
            do throws(CurveError) {
                let pool: CurvePool =
                    variant == "ng"
                    ? .ng(
                        try CurveStableSwapNG(
                            balances: balances, rates: rates, amp: amp, fee: fee, offpegFeeMultiplier: offpeg))
                    : .classic(
                        try CurveStableSwapClassic(
                            generation: variant == "classic_3pool" ? .pool3 : .template, balances: balances,
                            rates: rates, amp: amp, fee: fee, adminFee: p.adminFee ?? .zero))
                return .curve(try CurvePoolEntry(coins: coins, pool: pool))
            } catch { throw SnapshotFormatError("\(at): \(error)") }
        case "balancer":
            var tokens: [Address] = []
            for (k, t) in try need(p.tokens, "tokens").enumerated() { tokens.append(try addr(t, "\(at).tokens[\(k)]")) }
            let idText = try need(p.poolId, "pool_id")
            guard let id = try? Hash32(hex: idText) else {
                throw SnapshotFormatError("\(at).pool_id \"\(idText)\" is not 32 bytes of hex")
            }
            let kind: BalancerPoolEntry.Kind
            switch try need(p.poolType, "pool_type") {
            case "weighted": kind = .weighted(normalizedWeights: try need(p.weights, "weights"))
            case "stable": kind = .stable(amp: try need(p.amp, "amp"))
            case let other: throw SnapshotFormatError("\(at).pool_type \"\(other)\" is not weighted or stable")
            }
            let balances = try need(p.balances, "balances")
            let factors = try need(p.scalingFactors, "scaling_factors")
            let fee = try need(p.swapFeePercentage, "swap_fee_percentage")
            do throws(BalancerError) {
                return .balancer(
                    try BalancerPoolEntry(
                        poolId: id, tokens: tokens, balances: balances, scalingFactors: factors,
                        swapFeePercentage: fee, kind: kind))
            } catch {
                throw SnapshotFormatError("\(at): every per-token list needs one value per token (\(error))")
            }
        default:
            throw SnapshotFormatError("\(at).kind \"\(p.kind)\" is not uniswap_v2, uniswap_v3, curve or balancer")
        }
    }
}
