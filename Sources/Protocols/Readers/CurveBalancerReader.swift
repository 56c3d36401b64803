// Reads Curve StableSwap pools (classic and stableswap-ng) and Balancer V2 pools (weighted and stable) at one pinned
// block, batched through Multicall3 aggregate3, into the states QuoteEngine prices. Two rounds each:
//   Curve    round 1: coins(0..7), balances(0..7), A(), A_precise(), fee(), admin_fee(), stored_rates(),
//                     get_balances(), offpeg_fee_multiplier() per pool (calls a version lacks simply fail);
//            round 2: decimals() of each classic pool's coins (RATES = 10^(36 - decimals)).
//   Balancer round 1: getPoolId(), getSwapFeePercentage(), getScalingFactors(), getNormalizedWeights(),
//                     getAmplificationParameter(), getBptIndex(), getVault() per pool;
//            round 2: Vault.getPoolTokens(poolId).
// Each round is one HTTP round trip. The decoders are pure (static) so they are tested on ABI-encoded replies.
import Chain
import Primitives

/// The calls a reader makes, with literal selectors (ReaderSelectorTests checks them against the signatures).
public enum CurveBalancerCalls {
    /// `coins(uint256)`.
    public static let coins: [UInt8] = [0xc6, 0x61, 0x06, 0x57]
    /// `balances(uint256)`.
    public static let balances: [UInt8] = [0x49, 0x03, 0xb0, 0xd1]
    /// `A()`.
    public static let a: [UInt8] = [0xf4, 0x46, 0xc1, 0xd0]
    /// `A_precise()`.
    public static let aPrecise: [UInt8] = [0x76, 0xa2, 0xf0, 0xf0]
    /// `fee()`.
    public static let fee: [UInt8] = [0xdd, 0xca, 0x3f, 0x43]
    /// `admin_fee()`.
    public static let adminFee: [UInt8] = [0xfe, 0xe3, 0xf7, 0xf9]
    /// `stored_rates()` (stableswap-ng).
    public static let storedRates: [UInt8] = [0xfd, 0x06, 0x84, 0xb1]
    /// `get_balances()` (stableswap-ng).
    public static let getBalances: [UInt8] = [0x14, 0xf0, 0x59, 0x79]
    /// `offpeg_fee_multiplier()` (stableswap-ng).
    public static let offpegFeeMultiplier: [UInt8] = [0x8e, 0xdf, 0xdd, 0x5f]
    /// ERC-20 `decimals()`.
    public static let decimals: [UInt8] = [0x31, 0x3c, 0xe5, 0x67]
    /// Balancer `getPoolId()`.
    public static let getPoolId: [UInt8] = [0x38, 0xff, 0xf2, 0xd0]
    /// Balancer `getSwapFeePercentage()`.
    public static let getSwapFeePercentage: [UInt8] = [0x55, 0xc6, 0x76, 0x28]
    /// Balancer `getScalingFactors()`.
    public static let getScalingFactors: [UInt8] = [0x1d, 0xd7, 0x46, 0xea]
    /// Balancer `getNormalizedWeights()` (weighted pools).
    public static let getNormalizedWeights: [UInt8] = [0xf8, 0x9f, 0x27, 0xed]
    /// Balancer `getAmplificationParameter()` (stable pools): (value, isUpdating, precision).
    public static let getAmplificationParameter: [UInt8] = [0x6d, 0xac, 0xcf, 0xfa]
    /// Balancer `getBptIndex()` (composable stable pools).
    public static let getBptIndex: [UInt8] = [0x82, 0x68, 0x7a, 0x56]
    /// Balancer `getVault()`.
    public static let getVault: [UInt8] = [0x8d, 0x92, 0x8a, 0xf8]
    /// Vault `getPoolTokens(bytes32)`: (address[] tokens, uint256[] balances, uint256 lastChangeBlock).
    public static let getPoolTokens: [UInt8] = [0xf9, 0x4d, 0x46, 0x68]

    /// Every selector with its signature, for the selector test.
    public static let all: [(String, [UInt8])] = [
        ("coins(uint256)", coins), ("balances(uint256)", balances), ("A()", a), ("A_precise()", aPrecise),
        ("fee()", fee), ("admin_fee()", adminFee), ("stored_rates()", storedRates), ("get_balances()", getBalances),
        ("offpeg_fee_multiplier()", offpegFeeMultiplier), ("decimals()", decimals), ("getPoolId()", getPoolId),
        ("getSwapFeePercentage()", getSwapFeePercentage), ("getScalingFactors()", getScalingFactors),
        ("getNormalizedWeights()", getNormalizedWeights), ("getAmplificationParameter()", getAmplificationParameter),
        ("getBptIndex()", getBptIndex), ("getVault()", getVault), ("getPoolTokens(bytes32)", getPoolTokens),
    ]

    static func index(_ selector: [UInt8], _ i: Int) -> [UInt8] { selector + U256(UInt64(i)).bigEndianBytes }
}

/// Reads Curve pools at one pinned block.
public struct CurveReader: Sendable {
    /// The pinned view every call goes through.
    public var view: PinnedView
    /// The aggregator.
    public var multicall: Multicall

    /// A reader.
    public init(view: PinnedView, multicall: Multicall) {
        self.view = view
        self.multicall = multicall
    }

    /// Coin slots probed: stableswap-ng holds up to 8 coins (classic pools up to 4; the rest fail).
    public static let maxCoins = 8

    /// Round-1 calls for one pool, in the order ``decodeRound1(pool:_:)`` reads them.
    public static func round1(_ pool: Address) -> [Call3] {
        typealias C = CurveBalancerCalls
        var calls: [Call3] = []
        for k in 0..<maxCoins { calls.append(Call3(target: pool, callData: C.index(C.coins, k))) }
        for k in 0..<maxCoins { calls.append(Call3(target: pool, callData: C.index(C.balances, k))) }
        for s in [C.a, C.aPrecise, C.fee, C.adminFee, C.storedRates, C.getBalances, C.offpegFeeMultiplier] {
            calls.append(Call3(target: pool, callData: s))
        }
        return calls
    }

    /// What round 1 says about a pool: its version and everything but classic coin decimals.
    public struct Probe: Sendable, Equatable {
        /// The pool.
        public var pool: Address
        /// `classic_3pool`, `classic_template` or `ng`.
        public var variant: String
        /// coins(i) until the first failure.
        public var coins: [Address]
        /// balances(i) (classic) or get_balances() (ng).
        public var balances: [U256]
        /// stored_rates() (ng); empty for classic until the coin decimals are read.
        public var rates: [U256]
        /// A() (3pool) or A_precise().
        public var amp: U256
        /// fee().
        public var fee: U256
        /// admin_fee() (classic).
        public var adminFee: U256
        /// offpeg_fee_multiplier() (ng).
        public var offpegFeeMultiplier: U256
    }

    /// Decodes round 1. A pool with no code or fewer than two coins is an error naming the pool.
    public static func decodeRound1(pool: Address, _ r: [CallOutcome]) throws(ReaderError) -> Probe {
        func ok(_ i: Int) -> [UInt8]? {
            guard i < r.count, let d = r[i].returnData, !d.isEmpty else { return nil }
            return d
        }
        func word(_ i: Int, _ name: String) throws(ReaderError) -> U256? {
            guard let d = ok(i) else { return nil }
            do { return try ABIWords(d, function: name, count: 1).uint(0) } catch { throw .decoding(pool: pool, error) }
        }
        var coins: [Address] = []
        for k in 0..<maxCoins {
            guard let d = ok(k) else { break }
            do { coins.append(try ABIWords(d, function: "coins(uint256)", count: 1).address(0)) } catch {
                throw .decoding(pool: pool, error)
            }
        }
        guard coins.count >= 2 else {
            throw .invalidState(pool: pool, "not a Curve StableSwap pool (coins(0), coins(1) do not answer)")
        }
        let base = 2 * maxCoins
        guard let fee = try word(base + 2, "fee()") else {
            throw .invalidState(pool: pool, "fee() does not answer")
        }
        let aRaw = try word(base, "A()")
        let aPrecise = try word(base + 1, "A_precise()")
        let adminFee = try word(base + 3, "admin_fee()") ?? .zero
        if let rd = ok(base + 4), let bd = ok(base + 5), let offpeg = try word(base + 6, "offpeg_fee_multiplier()") {
            let rates = try uintArray(rd, pool: pool, name: "stored_rates()")
            let balances = try uintArray(bd, pool: pool, name: "get_balances()")
            guard let amp = aPrecise else { throw .invalidState(pool: pool, "stableswap-ng pool without A_precise()") }
            guard rates.count == coins.count, balances.count == coins.count else {
                throw .invalidState(
                    pool: pool, "\(coins.count) coins but \(rates.count) stored rates and \(balances.count) balances")
            }
            return Probe(
                pool: pool, variant: "ng", coins: coins, balances: balances, rates: rates, amp: amp, fee: fee,
                adminFee: .zero, offpegFeeMultiplier: offpeg)
        }
        var balances: [U256] = []
        for k in 0..<coins.count {
            guard let b = try word(maxCoins + k, "balances(uint256)") else {
                throw .invalidState(pool: pool, "balances(\(k)) does not answer")
            }
            balances.append(b)
        }
        let (variant, amp): (String, U256?) = aPrecise != nil ? ("classic_template", aPrecise) : ("classic_3pool", aRaw)
        guard let amp else { throw .invalidState(pool: pool, "A() does not answer") }
        return Probe(
            pool: pool, variant: variant, coins: coins, balances: balances, rates: [], amp: amp, fee: fee,
            adminFee: adminFee, offpegFeeMultiplier: .zero)
    }

    static func uintArray(_ d: [UInt8], pool: Address, name: String) throws(ReaderError) -> [U256] {
        let v: [ABIValue]
        do { v = try ABI.decode(types: [.array(.uint256)], data: d) } catch {
            throw .decoding(pool: pool, CallDecodingError(function: name, reason: error.description))
        }
        guard case .array(let items)? = v.first else {
            throw .decoding(pool: pool, CallDecodingError(function: name, reason: "not a uint256[]"))
        }
        var out: [U256] = []
        for it in items {
            guard case .uint(let u) = it else {
                throw .decoding(pool: pool, CallDecodingError(function: name, reason: "not a uint256[]"))
            }
            out.append(u)
        }
        return out
    }

    /// Round-2 calls: `decimals()` of each coin of a classic pool (none for ng).
    public static func round2(_ p: Probe) -> [Call3] {
        p.variant == "ng" ? [] : p.coins.map { Call3(target: $0, callData: CurveBalancerCalls.decimals) }
    }

    /// The pool state from its probe and round-2 outcomes (RATES = 10^(36 - decimals) for classic coins).
    public static func finish(_ p: Probe, _ r: [CallOutcome]) throws(ReaderError) -> CurvePoolEntry {
        var rates = p.rates
        if p.variant != "ng" {
            rates = []
            for (k, coin) in p.coins.enumerated() {
                guard k < r.count, let d = r[k].returnData, !d.isEmpty else {
                    throw .invalidState(pool: p.pool, "coin \(coin) has no decimals()")
                }
                let dec: U256
                do { dec = try ABIWords(d, function: "decimals()", count: 1).uint(0, bits: 8) } catch {
                    throw .decoding(pool: p.pool, error)
                }
                do {
                    rates.append(try CurveStableSwapClassic.rate(decimals: Int(UInt64(truncatingIfNeeded: dec))))
                } catch {
                    throw .invalidState(pool: p.pool, "\(error)")
                }
            }
        }
        do {
            let pool: CurvePool =
                p.variant == "ng"
                ? .ng(
                    try CurveStableSwapNG(
                        balances: p.balances, rates: rates, amp: p.amp, fee: p.fee,
                        offpegFeeMultiplier: p.offpegFeeMultiplier))
                : .classic(
                    try CurveStableSwapClassic(
                        generation: p.variant == "classic_3pool" ? .pool3 : .template, balances: p.balances,
                        rates: rates, amp: p.amp, fee: p.fee, adminFee: p.adminFee))
            return try CurvePoolEntry(coins: p.coins, pool: pool)
        } catch { throw .invalidState(pool: p.pool, "\(error)") }
    }

    /// Reads `pools` (two round trips in all).
    public func read(_ pools: [Address]) async throws(ReaderError) -> [CurvePoolEntry] {
        if pools.isEmpty { return [] }
        let per = Self.round1(pools[0]).count
        let r1 = try await run(pools.flatMap(Self.round1))
        var probes: [Probe] = []
        for (k, p) in pools.enumerated() {
            probes.append(try Self.decodeRound1(pool: p, Array(r1[(k * per)..<((k + 1) * per)])))
        }
        let calls = probes.map(Self.round2)
        let r2 = try await run(calls.flatMap { $0 })
        var out: [CurvePoolEntry] = []
        var at = 0
        for (k, p) in probes.enumerated() {
            out.append(try Self.finish(p, Array(r2[at..<(at + calls[k].count)])))
            at += calls[k].count
        }
        return out
    }

    func run(_ calls: [Call3]) async throws(ReaderError) -> [CallOutcome] {
        if calls.isEmpty { return [] }
        do { return try await view.multicall(calls, using: multicall) } catch { throw .rpc(error) }
    }
}

/// Reads Balancer V2 pools at one pinned block.
public struct BalancerReader: Sendable {
    /// The pinned view every call goes through.
    public var view: PinnedView
    /// The aggregator.
    public var multicall: Multicall
    /// The Vault to ask for balances (nil: each pool's getVault()).
    public var vault: Address?

    /// A reader.
    public init(view: PinnedView, multicall: Multicall, vault: Address? = nil) {
        self.view = view
        self.multicall = multicall
        self.vault = vault
    }

    /// Round-1 calls for one pool, in the order ``decodeRound1(pool:_:)`` reads them.
    public static func round1(_ pool: Address) -> [Call3] {
        typealias C = CurveBalancerCalls
        return [
            C.getPoolId, C.getSwapFeePercentage, C.getScalingFactors, C.getNormalizedWeights,
            C.getAmplificationParameter, C.getBptIndex, C.getVault,
        ].map { Call3(target: pool, callData: $0) }
    }

    /// What round 1 says about a pool.
    public struct Probe: Sendable, Equatable {
        /// The pool.
        public var pool: Address
        /// getPoolId().
        public var poolId: Hash32
        /// getSwapFeePercentage().
        public var swapFeePercentage: U256
        /// getScalingFactors() (BPT included when the pool registers it).
        public var scalingFactors: [U256]
        /// Weighted or stable parameters.
        public var kind: BalancerPoolEntry.Kind
        /// getBptIndex() of a composable stable pool.
        public var bptIndex: Int?
        /// getVault().
        public var vault: Address?
    }

    /// Decodes round 1: weighted when getNormalizedWeights() answers, stable when getAmplificationParameter() does.
    public static func decodeRound1(pool: Address, _ r: [CallOutcome]) throws(ReaderError) -> Probe {
        func ok(_ i: Int) -> [UInt8]? {
            guard i < r.count, let d = r[i].returnData, !d.isEmpty else { return nil }
            return d
        }
        func words(_ i: Int, _ name: String, _ n: Int) throws(ReaderError) -> ABIWords? {
            guard let d = ok(i) else { return nil }
            do { return try ABIWords(d, function: name, count: n) } catch { throw .decoding(pool: pool, error) }
        }
        guard let id = try words(0, "getPoolId()", 1) else {
            throw .invalidState(pool: pool, "not a Balancer V2 pool (getPoolId() does not answer)")
        }
        // 32 bytes always make a Hash32.
        let poolId = try! Hash32(bytes: id.uint(0).bigEndianBytes)
        // PoolRegistry._toPoolId: the pool address is the id's top 20 bytes.
        guard Array(poolId.bytes.prefix(20)) == pool.bytes else {
            throw .invalidState(pool: pool, "getPoolId() \(poolId) does not name this pool")
        }
        guard let fee = try words(1, "getSwapFeePercentage()", 1)?.uint(0) else {
            throw .invalidState(pool: pool, "getSwapFeePercentage() does not answer")
        }
        guard let sd = ok(2) else { throw .invalidState(pool: pool, "getScalingFactors() does not answer") }
        let factors = try CurveReader.uintArray(sd, pool: pool, name: "getScalingFactors()")
        let kind: BalancerPoolEntry.Kind
        if let wd = ok(3) {
            kind = .weighted(
                normalizedWeights: try CurveReader.uintArray(wd, pool: pool, name: "getNormalizedWeights()"))
        } else if let amp = try words(4, "getAmplificationParameter()", 3) {
            kind = .stable(amp: amp.uint(0))
        } else {
            throw .invalidState(pool: pool, "neither a weighted nor a stable pool (no weights, no amplification)")
        }
        var bpt: Int?
        if let b = try words(5, "getBptIndex()", 1) {
            let v = b.uint(0)
            guard v < U256(UInt64(factors.count)) else {
                throw .invalidState(pool: pool, "getBptIndex() \(v) outside \(factors.count) tokens")
            }
            bpt = Int(UInt64(truncatingIfNeeded: v))
        }
        var vault: Address?
        if let v = try words(6, "getVault()", 1) {
            do { vault = try v.address(0) } catch { throw .decoding(pool: pool, error) }
        }
        return Probe(
            pool: pool, poolId: poolId, swapFeePercentage: fee, scalingFactors: factors, kind: kind, bptIndex: bpt,
            vault: vault)
    }

    /// Round-2 call: `Vault.getPoolTokens(poolId)` at the configured Vault or the pool's own.
    public static func round2(_ p: Probe, vault: Address?) throws(ReaderError) -> Call3 {
        guard let v = vault ?? p.vault else {
            throw .invalidState(pool: p.pool, "no Vault (getVault() does not answer)")
        }
        return Call3(target: v, callData: CurveBalancerCalls.getPoolTokens + p.poolId.bytes)
    }

    /// The pool state from its probe and the getPoolTokens outcome; a composable pool's BPT is removed.
    public static func finish(_ p: Probe, _ r: CallOutcome) throws(ReaderError) -> BalancerPoolEntry {
        guard let d = r.returnData, !d.isEmpty else {
            throw .invalidState(pool: p.pool, "Vault.getPoolTokens does not answer for \(p.poolId)")
        }
        let v: [ABIValue]
        do { v = try ABI.decode(types: [.array(.address), .array(.uint256), .uint256], data: d) } catch {
            throw .decoding(
                pool: p.pool, CallDecodingError(function: "getPoolTokens(bytes32)", reason: error.description))
        }
        guard v.count == 3, case .array(let ta) = v[0], case .array(let ba) = v[1] else {
            throw .decoding(pool: p.pool, CallDecodingError(function: "getPoolTokens(bytes32)", reason: "shape"))
        }
        var tokens = ta.compactMap { if case .address(let a) = $0 { a } else { nil } }
        var balances = ba.compactMap { if case .uint(let u) = $0 { u } else { nil } }
        var factors = p.scalingFactors
        var kind = p.kind
        guard tokens.count == ta.count, balances.count == ba.count, tokens.count == balances.count,
            factors.count == tokens.count
        else {
            throw .invalidState(
                pool: p.pool, "\(tokens.count) tokens, \(balances.count) balances, \(factors.count) scaling factors")
        }
        if let b = p.bptIndex {
            guard tokens[b] == p.pool else {
                throw .invalidState(pool: p.pool, "token \(b) is \(tokens[b]), not the pool's BPT")
            }
            tokens.remove(at: b)
            balances.remove(at: b)
            factors.remove(at: b)
            if case .weighted(var w) = kind, w.count > tokens.count {
                w.remove(at: b)
                kind = .weighted(normalizedWeights: w)
            }
        }
        do {
            return try BalancerPoolEntry(
                poolId: p.poolId, tokens: tokens, balances: balances, scalingFactors: factors,
                swapFeePercentage: p.swapFeePercentage, kind: kind)
        } catch { throw .invalidState(pool: p.pool, "\(error)") }
    }

    /// Reads `pools` (two round trips in all).
    public func read(_ pools: [Address]) async throws(ReaderError) -> [BalancerPoolEntry] {
        if pools.isEmpty { return [] }
        let per = Self.round1(pools[0]).count
        let r1 = try await run(pools.flatMap(Self.round1))
        var probes: [Probe] = []
        for (k, p) in pools.enumerated() {
            probes.append(try Self.decodeRound1(pool: p, Array(r1[(k * per)..<((k + 1) * per)])))
        }
        var calls: [Call3] = []
        for p in probes { calls.append(try Self.round2(p, vault: vault)) }
        let r2 = try await run(calls)
        var out: [BalancerPoolEntry] = []
        for (k, p) in probes.enumerated() { out.append(try Self.finish(p, r2[k])) }
        return out
    }

    func run(_ calls: [Call3]) async throws(ReaderError) -> [CallOutcome] {
        do { return try await view.multicall(calls, using: multicall) } catch { throw .rpc(error) }
    }
}
