// The `defi quote` entry point: resolves tokens, amount and venues from the config, gets a MarketSnapshot (read
// live at one pinned block, or loaded from --state), prices it with QuoteEngine, and saves the snapshot on request.
import Chain
import DeFiCore
import Foundation
import Primitives

/// What the operator asked for, as typed on the command line.
public struct QuoteRequest: Sendable {
    /// The amount in human units of tokenIn (tokenOut with exactOut): `10`, `1.5`.
    public var amount: String
    /// The token sold: config symbol or address.
    public var tokenIn: String
    /// The token bought: config symbol or address.
    public var tokenOut: String
    /// Whether `amount` is the exact output.
    public var exactOut: Bool
    /// Venue names to ask (nil: all).
    public var venues: [String]?
    /// `latest`, a number or a 0x block hash.
    public var block: String?
    /// A snapshot to price offline.
    public var statePath: String?
    /// Where to write the snapshot used.
    public var saveStatePath: String?

    /// A request.
    public init(
        amount: String, tokenIn: String, tokenOut: String, exactOut: Bool = false, venues: [String]? = nil,
        block: String? = nil, statePath: String? = nil, saveStatePath: String? = nil
    ) {
        self.amount = amount
        self.tokenIn = tokenIn
        self.tokenOut = tokenOut
        self.exactOut = exactOut
        self.venues = venues
        self.block = block
        self.statePath = statePath
        self.saveStatePath = saveStatePath
    }
}

/// A priced quote and where its state came from.
public struct QuoteResult: Sendable, Equatable {
    /// The token sold.
    public var tokenIn: SnapshotToken
    /// The token bought.
    public var tokenOut: SnapshotToken
    /// The per-pool quotes, best first.
    public var outcome: QuoteOutcome
    /// The snapshot priced.
    public var snapshot: MarketSnapshot
    /// `rpc` or `state`.
    public var source: String
    /// HTTP round trips to the node (0 offline).
    public var roundTrips: Int
    /// Validated aggregator answers (`1inch`, `0x`), live exact-in quotes only.
    public var aggregatorQuotes: [AggregatorQuote] = []
    /// Aggregators that failed or were skipped, one line each (printed on stderr, never fatal).
    public var warnings: [String] = []
}

/// Runs `defi quote`.
public enum QuoteService {
    /// Prices `request` against the configured venues (live) or the state file (offline).
    public static func run(_ request: QuoteRequest, config: DefiConfig) async throws(QuoteError) -> QuoteResult {
        let side: QuoteSide = request.exactOut ? .exactOut : .exactIn
        try precheckAmount(request.amount)
        if let path = request.statePath {
            let snapshot = try load(path)
            if let b = request.block, b != "latest", b != String(snapshot.blockNumber),
                b.lowercased() != snapshot.blockHash.description
            {
                throw .invalidBlock(text: b, reason: "the state file is at block \(snapshot.blockNumber)")
            }
            let tIn = try resolve(request.tokenIn, config: config, snapshot: snapshot)
            let tOut = try resolve(request.tokenOut, config: config, snapshot: snapshot)
            let aggregatorNames = AggregatorKind.allCases.map(\.displayName)
            let known = Set(snapshot.pools.map(\.venue)).union(config.venues.keys).union(aggregatorNames).sorted()
            let venues = try venueFilter(request.venues, known: known)
            let offline = (venues ?? []).intersection(aggregatorNames).sorted().map {
                "\($0): skipped, aggregators are not asked offline (--state)"
            }
            let amount = try parseAmount(request.amount, decimals: request.exactOut ? tOut.decimals : tIn.decimals)
            let outcome = QuoteEngine.quote(
                snapshot, tokenIn: tIn.address, tokenOut: tOut.address, amount: amount,
                side: side, venues: venues)
            try check(outcome, tIn, tOut, venues)
            try save(snapshot, to: request.saveStatePath)
            return QuoteResult(
                tokenIn: tIn, tokenOut: tOut, outcome: outcome, snapshot: snapshot, source: "state", roundTrips: 0,
                warnings: offline)
        }
        let client = try client(config)
        let block = try blockRef(request.block)
        let aggregatorNames = AggregatorKind.allCases.filter { AggregatorSettings.hasKey($0, config: config) }
            .map(\.displayName)
        let venues = try venueFilter(request.venues, known: (config.venues.keys.sorted() + aggregatorNames))
        let (v2, v3) = try specs(config, only: venues)
        var snapshot: MarketSnapshot
        do {
            let tIn = try await resolveLive(
                request.tokenIn, config: config, client: client, multicall: config.multicall3())
            let tOut = try await resolveLive(
                request.tokenOut, config: config, client: client, multicall: config.multicall3())
            let amount = try parseAmount(request.amount, decimals: request.exactOut ? tOut.decimals : tIn.decimals)
            let view = try await client.pinned(at: block)
            let reader = PoolReader(view: view, multicall: config.multicall3())
            var pools = try await reader.read(tokenA: tIn.address, tokenB: tOut.address, v2: v2, v3: v3)
            var readWarnings: [String] = []
            let multi = await multiCoinPools(
                config, only: venues, view: view, multicall: config.multicall3(), warnings: &readWarnings)
            for (_, e) in multi
            where e.state.allTokens.contains(tIn.address) && e.state.allTokens.contains(tOut.address) {
                pools.append(e)
            }
            snapshot = MarketSnapshot(
                chainID: try? await client.chainID(), blockNumber: view.block.number, blockHash: view.block.hash,
                tokens: [tIn, tOut], pools: pools)
            var outcome = QuoteEngine.quote(
                snapshot, tokenIn: tIn.address, tokenOut: tOut.address, amount: amount, side: side)
            // A swap that walks past the words read: read every word of those pools once and price again.
            let short = Set(outcome.failures.filter { $0.failure.needsMoreTicks }.map(\.pool))
            if !short.isEmpty {
                let wide = PoolReader(view: view, multicall: reader.multicall, wordRadius: nil)
                let idx = pools.indices.filter { short.contains(pools[$0].address) }
                let again = try await wide.completeV3(idx.map { pools[$0] })
                for (k, i) in idx.enumerated() { pools[i] = again[k] }
                snapshot.pools = pools
                outcome = QuoteEngine.quote(
                    snapshot, tokenIn: tIn.address, tokenOut: tOut.address, amount: amount, side: side)
            }
            let (aggregated, errors, warnings) = await aggregatorQuotes(
                config: config, chainID: snapshot.chainID, venues: venues, side: side,
                request: AggregatorRequest(sellToken: tIn.address, buyToken: tOut.address, sellAmount: amount))
            // Only aggregators were asked (no pool of the pair) and all failed: their error is the answer.
            if aggregated.isEmpty, outcome.quotes.isEmpty, outcome.failures.isEmpty, let first = errors.first {
                throw QuoteError.aggregator(first)
            }
            if aggregated.isEmpty { try check(outcome, tIn, tOut, venues ?? Set(config.venues.keys)) }
            try save(snapshot, to: request.saveStatePath)
            return QuoteResult(
                tokenIn: tIn, tokenOut: tOut, outcome: outcome, snapshot: snapshot, source: "rpc",
                roundTrips: client.roundTrips, aggregatorQuotes: aggregated, warnings: readWarnings + warnings)
        } catch let e as QuoteError {
            throw e
        } catch let e as ReaderError {
            if case .rpc(let r) = e { throw .rpc(r) }
            throw .read(e.description)
        } catch let e as RPCError {
            throw .rpc(e)
        } catch {
            throw .read("\(error)")
        }
    }

    /// The configured Curve venues' and Balancer venues' `pools`, read at the pinned block (Curve: version
    /// detected per pool; Balancer: at the venue's `vault`, else each pool's getVault()). A venue whose pools cannot
    /// be read is a warning line and is left out; the V2/V3 quote goes on.
    public static func multiCoinPools(
        _ config: DefiConfig, only: Set<String>?, view: PinnedView, multicall: Multicall, warnings: inout [String]
    ) async -> [(String, PoolEntry)] {
        var out: [(String, PoolEntry)] = []
        for (name, v) in config.venues.sorted(by: { $0.key < $1.key }) {
            if let only, !only.contains(name) { continue }
            guard v.kind == .curve || v.kind == .balancer, !v.pools.isEmpty else { continue }
            let addresses = v.pools.compactMap { try? Address(parsing: $0) }
            do throws(ReaderError) {
                if v.kind == .curve {
                    let entries = try await CurveReader(view: view, multicall: multicall).read(addresses)
                    for (a, e) in zip(addresses, entries) {
                        out.append((name, PoolEntry(venue: name, address: a, state: .curve(e))))
                    }
                } else {
                    let vault = v.vault.flatMap { try? Address(parsing: $0) }
                    let reader = BalancerReader(view: view, multicall: multicall, vault: vault)
                    let entries = try await reader.read(addresses)
                    for (a, e) in zip(addresses, entries) {
                        out.append((name, PoolEntry(venue: name, address: a, state: .balancer(e))))
                    }
                }
            } catch {
                warnings.append("\(name): pools not read: \(error)")
            }
        }
        return out
    }

    /// Asks every aggregator with a key (and in `venues`, when given) for an indicative exact-in quote: 1inch
    /// `/quote`, 0x `/price`. A failure is a warning line (and its error), never fatal here.
    public static func aggregatorQuotes(
        config: DefiConfig, chainID: UInt64?, venues: Set<String>?, side: QuoteSide, request: AggregatorRequest,
        transport: any HTTPGetTransport = CurlTransport()
    ) async -> (quotes: [AggregatorQuote], errors: [AggregatorError], warnings: [String]) {
        var quotes: [AggregatorQuote] = []
        var errors: [AggregatorError] = []
        var warnings: [String] = []
        for kind in AggregatorKind.allCases {
            let name = kind.displayName
            if let venues, !venues.contains(name) { continue }
            guard AggregatorSettings.hasKey(kind, config: config) else { continue }
            guard side == .exactIn else {
                // Named explicitly: say why it is missing; otherwise an exact-out quote simply has no such row.
                if venues != nil { warnings.append("\(name): skipped, the API quotes exact input only") }
                continue
            }
            guard let chainID else {
                warnings.append("\(name): skipped, the node's chain id is unknown")
                continue
            }
            do throws(AggregatorError) {
                guard let settings = try AggregatorSettings.resolve(kind, config: config, chainID: chainID) else {
                    continue
                }
                switch kind {
                case .oneInch:
                    quotes.append(try await OneInchClient(settings: settings, transport: transport).quote(request))
                case .zeroEx:
                    quotes.append(try await ZeroExClient(settings: settings, transport: transport).price(request))
                }
            } catch {
                errors.append(error)
                warnings.append(error.message)
            }
        }
        return (quotes, errors, warnings)
    }

    static func check(_ o: QuoteOutcome, _ a: SnapshotToken, _ b: SnapshotToken, _ venues: Set<String>?)
        throws(QuoteError)
    {
        if o.quotes.isEmpty && o.failures.isEmpty {
            throw .noPool(tokenIn: a.symbol, tokenOut: b.symbol, venues: (venues.map(Array.init) ?? []).sorted())
        }
        if o.quotes.isEmpty { throw .noFill(reasons: o.failures.map { "\($0.venue) \($0.pool): \($0.failure)" }) }
    }

    /// A token by config symbol (case-insensitive), snapshot symbol, or address.
    public static func resolve(_ text: String, config: DefiConfig, snapshot: MarketSnapshot?) throws(QuoteError)
        -> SnapshotToken
    {
        let configured: [SnapshotToken] = config.tokens.sorted { $0.key < $1.key }.compactMap { k, t in
            guard let a = try? Address(parsing: t.address) else { return nil }
            return SnapshotToken(address: a, symbol: t.symbol ?? k, decimals: t.decimals)
        }
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            let a: Address
            do { a = try Address(parsing: text) } catch { throw .invalidToken(text: text, reason: "\(error)") }
            if let t = configured.first(where: { $0.address == a }) ?? snapshot?.token(a) { return t }
            throw .invalidToken(text: text, reason: "not in defi.tokens (its decimals are unknown)")
        }
        if let t = configured.first(where: { $0.symbol.lowercased() == text.lowercased() })
            ?? snapshot?.token(symbol: text)
        {
            return t
        }
        let known = (configured.map(\.symbol) + (snapshot?.tokens.map(\.symbol) ?? [])).sorted()
        let list = Array(Set(known)).sorted().joined(separator: ", ")
        throw .invalidToken(
            text: text,
            reason: list.isEmpty ? "unknown symbol (no tokens configured)" : "unknown symbol (known: \(list))")
    }

    /// A token by config symbol or address; an address not in the config gets its symbol and decimals from the
    /// chain (ERC-20 `symbol()`, `decimals()`).
    static func resolveLive(_ text: String, config: DefiConfig, client: RPCClient, multicall: Multicall) async throws
        -> SnapshotToken
    {
        do { return try resolve(text, config: config, snapshot: nil) } catch {
            guard text.hasPrefix("0x"), case .invalidToken(_, let reason) = error,
                reason.hasPrefix("not in defi.tokens"),
                let a = try? Address(parsing: text)
            else { throw error }
            let meta = try await ERC20.metadata([a], client: client, multicall: multicall)
            guard let m = meta.first, let d = m.decimals else {
                throw QuoteError.invalidToken(text: text, reason: "not an ERC-20 (no decimals())")
            }
            return SnapshotToken(address: a, symbol: m.symbol ?? a.checksummed, decimals: Int(d))
        }
    }

    /// Refuses an amount whose syntax is wrong or that is zero before any token's decimals are read from the node
    /// (the exact check, with the decimals, is ``parseAmount(_:decimals:)``).
    static func precheckAmount(_ text: String) throws(QuoteError) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = parts.joined()
        let plain = !digits.isEmpty && !(parts.first ?? "").isEmpty && digits.allSatisfy { $0 >= "0" && $0 <= "9" }
        if !plain {
            _ = try parseAmount(text, decimals: 77)  // throws the same syntax error as with the real decimals
        } else if digits.allSatisfy({ $0 == "0" }) {
            throw .invalidAmount(text: text, reason: "must be greater than zero")
        }
    }

    /// The amount in the token's smallest unit; zero is refused.
    public static func parseAmount(_ text: String, decimals: Int) throws(QuoteError) -> U256 {
        let v: U256
        do { v = try Units.parse(text, decimals: decimals) } catch {
            throw .invalidAmount(text: text, reason: "\(error)")
        }
        guard !v.isZero else { throw .invalidAmount(text: text, reason: "must be greater than zero") }
        return v
    }

    static func venueFilter(_ names: [String]?, known: [String]) throws(QuoteError) -> Set<String>? {
        guard let names else { return nil }
        for n in names where !known.contains(n) { throw .unknownVenue(name: n, known: known) }
        return Set(names)
    }

    /// Reader specs for the configured Uniswap V2/V3 venues (Curve and Balancer: `multiCoinPools`).
    public static func specs(_ config: DefiConfig, only: Set<String>?) throws(QuoteError) -> (
        [V2VenueSpec], [V3VenueSpec]
    ) {
        var v2: [V2VenueSpec] = []
        var v3: [V3VenueSpec] = []
        for (name, v) in config.venues.sorted(by: { $0.key < $1.key }) {
            if let only, !only.contains(name) { continue }
            guard let f = v.factory, let factory = try? Address(parsing: f) else { continue }
            switch v.kind {
            case .uniswapV2:
                let hash = v.initCodeHash.flatMap { try? Hash32(hex: $0) } ?? V2Pair.uniswapInitCodeHash
                v2.append(V2VenueSpec(name: name, factory: factory, initCodeHash: hash, feeBps: UInt32(v.feeBPS ?? 30)))
            case .uniswapV3:
                v3.append(V3VenueSpec(name: name, factory: factory))
            case .curve, .balancer:
                continue
            }
        }
        return (v2, v3)
    }

    static func client(_ config: DefiConfig) throws(QuoteError) -> RPCClient {
        let urls = config.rpcEndpoints
        guard !urls.isEmpty else { throw .noRPC }
        do { return try RPCClient(urls: urls, configuration: config.rpcConfiguration()) } catch {
            throw .rpc(error)
        }
    }


    /// `latest` (default), a block number, or a 0x block hash.
    public static func blockRef(_ text: String?) throws(QuoteError) -> BlockRef {
        guard let text, text != "latest" else { return .latest }
        if let n = UInt64(text) { return .number(n) }
        if text.hasPrefix("0x"), text.count == 66, let h = try? Hash32(hex: text) { return .hash(h) }
        throw .invalidBlock(text: text, reason: "expected latest, a block number or a 0x block hash")
    }

    static func load(_ path: String) throws(QuoteError) -> MarketSnapshot {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .stateFile(path: path, reason: "cannot be read")
        }
        do { return try MarketSnapshot(jsonText: text) } catch {
            throw .stateFile(path: path, reason: error.description)
        }
    }

    static func save(_ snapshot: MarketSnapshot, to path: String?) throws(QuoteError) {
        guard let path else { return }
        do { try snapshot.jsonText().write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw .stateFile(path: path, reason: "cannot be written: \(error)")
        }
    }
}
