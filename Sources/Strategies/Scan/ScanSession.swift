// The state a scan keeps between blocks: the client, the snapshot and the arbitrage engine.
import Chain
import DeFiCore
import Foundation
import History
import Primitives
import Protocols
import Validation

struct ScanSession {
    var client: RPCClient?
    var snapshot: MarketSnapshot
    var engine: ArbitrageEngine?
    var source: String
    var strategies: Set<RouteStrategy>
    var evaluated = 0
    /// Token behaviour found by the probe, kept for the session (re-probed on the next run).
    let tokens = TokenBehaviourCache()

    static func start(_ request: ScanRequest, config: DefiConfig, progress: @Sendable (String) -> Void)
        async throws(ScanError) -> ScanSession
    {
        let strategies = try ScanService.strategies(request.strategies)
        guard (2...ExecutorPlan.maxHops).contains(request.maxHops) else {
            throw .usage("--max-hops \(request.maxHops): expected 2 to \(ExecutorPlan.maxHops) (the executor's limit)")
        }
        if let path = request.statePath {
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw .quote(.stateFile(path: path, reason: "cannot be read"))
            }
            let snapshot: MarketSnapshot
            do { snapshot = try MarketSnapshot(jsonText: text) } catch {
                throw .quote(.stateFile(path: path, reason: error.description))
            }
            if let b = request.block, b != "latest", b != String(snapshot.blockNumber),
                b.lowercased() != snapshot.blockHash.description
            {
                throw .quote(.invalidBlock(text: b, reason: "the state file is at block \(snapshot.blockNumber)"))
            }
            progress("loaded \(snapshot.pools.count) pools at block \(snapshot.blockNumber) from \(path)")
            return ScanSession(client: nil, snapshot: snapshot, engine: nil, source: "state", strategies: strategies)
        }
        let client = try makeClient(config)
        let block: BlockRef
        do { block = try QuoteService.blockRef(request.block) } catch { throw .quote(error) }
        let snapshot = try await read(config: config, client: client, block: block, progress: progress)
        return ScanSession(client: client, snapshot: snapshot, engine: nil, source: "rpc", strategies: strategies)
    }

    static func makeClient(_ config: DefiConfig) throws(ScanError) -> RPCClient {
        let urls = config.rpcEndpoints
        guard !urls.isEmpty else { throw .quote(.noRPC) }
        do { return try RPCClient(urls: urls, configuration: config.rpcConfiguration()) } catch {
            throw .quote(.rpc(error))
        }
    }


    /// Every pool of every pair of configured tokens on the configured V2/V3 venues, at one pinned block.
    static func read(config: DefiConfig, client: RPCClient, block: BlockRef, progress: @Sendable (String) -> Void)
        async throws(ScanError) -> MarketSnapshot
    {
        let tokens: [SnapshotToken] = config.tokens.sorted { $0.key < $1.key }.compactMap { k, t in
            guard let a = try? Address(parsing: t.address) else { return nil }
            return SnapshotToken(address: a, symbol: t.symbol ?? k, decimals: t.decimals)
        }
        guard tokens.count >= 2 else { throw .usage("scan needs at least two tokens in defi.tokens") }
        let (v2, v3): ([V2VenueSpec], [V3VenueSpec])
        do { (v2, v3) = try QuoteService.specs(config, only: nil) } catch { throw .quote(error) }
        guard !v2.isEmpty || !v3.isEmpty else {
            throw .usage("scan needs a uniswap_v2 or uniswap_v3 venue in defi.venues")
        }
        do {
            let view = try await client.pinned(at: block)
            let reader = PoolReader(view: view, multicall: config.multicall3())
            var pools: [PoolEntry] = []
            var pairs = 0
            for i in tokens.indices {
                for j in tokens.indices where j > i {
                    pools += try await reader.read(tokenA: tokens[i].address, tokenB: tokens[j].address, v2: v2, v3: v3)
                    pairs += 1
                }
            }
            // Configured Curve and Balancer venues' pools (a venue that cannot be read is a warning, not fatal).
            var warnings: [String] = []
            let multi = await QuoteService.multiCoinPools(
                config, only: nil, view: view, multicall: config.multicall3(), warnings: &warnings)
            for w in warnings { progress("warning: \(w)") }
            pools += multi.map(\.1)
            progress("read \(pools.count) pools of \(pairs) pairs at block \(view.block.number)")
            return MarketSnapshot(
                chainID: try? await client.chainID(), blockNumber: view.block.number, blockHash: view.block.hash,
                tokens: tokens, pools: pools)
        } catch let e as ReaderError {
            if case .rpc(let r) = e { throw .quote(.rpc(r)) }
            throw .quote(.read(e.description))
        } catch let e as RPCError {
            throw .quote(.rpc(e))
        } catch {
            throw .quote(.read("\(error)"))
        }
    }

    /// Moves to block `head`: top-level state of every pool re-read, V3 ticks only for pools that changed.
    mutating func advance(to head: UInt64, config: DefiConfig, progress: @Sendable (String) -> Void)
        async throws(ScanError)
    {
        guard let client else { return }
        do {
            let view = try await client.pinned(at: .number(head))
            let reader = PoolReader(view: view, multicall: config.multicall3())
            // V3 positions minted or burnt since the last block: their ticks change without slot0 moving.
            var touched: Set<Address> = []
            let v3 = snapshot.pools.compactMap { p -> Address? in
                if case .uniswapV3 = p.state { return p.address } else { return nil }
            }
            if !v3.isEmpty, view.block.number > snapshot.blockNumber {
                let filter = LogFilter(addresses: v3, topics: [PoolReader.v3LiquidityEventTopics])
                let logs = try await LogFetcher().fetch(
                    filter, from: snapshot.blockNumber + 1, to: view.block.number, source: client).logs
                touched = Set(logs.map(\.address))
            }
            let (pools, changed) = try await reader.refresh(snapshot.pools, liquidityTouched: touched)
            var next = snapshot
            next.pools = pools
            next.blockNumber = view.block.number
            next.blockHash = view.block.hash
            progress("block \(view.block.number): \(changed.count) of \(pools.count) pools changed")
            if var e = engine {
                var states: [Int: PoolState] = [:]
                for i in changed { states[i] = pools[i].state }
                // Release the stored copy first so the update mutates uniquely owned arrays (no copy-on-write).
                engine = nil
                evaluated = e.update(states: states, blockNumber: view.block.number)
                engine = e
            }
            snapshot = next
        } catch let e as ReaderError {
            if case .rpc(let r) = e { throw .quote(.rpc(r)) }
            throw .quote(.read(e.description))
        } catch let e as RPCError {
            throw .quote(.rpc(e))
        } catch {
            throw .quote(.read("\(error)"))
        }
    }

    /// Runs (or re-runs) the engine, validates, ranks, records and saves.
    mutating func evaluate(_ request: ScanRequest, config: DefiConfig, progress: @Sendable (String) -> Void)
        async throws(ScanError) -> ScanResult
    {
        var view: PinnedView? = nil
        if let client {
            do { view = try await client.pinned(at: .hash(snapshot.blockHash)) } catch { throw .quote(.rpc(error)) }
        }
        let prices: PriceBook
        do { prices = try await AaveReads.priceBook(config: config, snapshot: snapshot, view: view) } catch {
            throw .read(error.description)
        }
        let native = ScanService.nativeToken(snapshot)
        var policy = ValidationPolicy(config.arbitrage, slippageBps: request.slippageBps)
        if let m = request.minProfit {
            policy.minProfitUSD = try ScanService.minProfitUSD(m, snapshot: snapshot, prices: prices, native: native)
        }
        var notes: [String] = []
        let inputs = try await costInputs(request, config: config, view: view, native: native, notes: &notes)
        if engine == nil {
            var bases: [Address] = []
            for s in config.arbitrage.baseTokens {
                if let t = config.tokens[s], let a = try? Address(parsing: t.address) { bases.append(a) }
            }
            if bases.isEmpty { bases = snapshot.tokens.map(\.address) }
            var caps: [Address: U256] = [:]
            for b in bases { if let c = prices.amount(of: b, worth: policy.maxPositionUSD) { caps[b] = c } }
            let options = ArbitrageOptions(
                maxHops: request.maxHops, strategies: strategies, baseTokens: bases, maxInput: caps)
            let e = ArbitrageEngine(snapshot: snapshot, options: options)
            evaluated = e.lastEvaluated
            engine = e
        }
        guard let engine else { preconditionFailure("engine set above") }
        progress(
            "\(engine.index.count) cycles, \(evaluated) evaluated, \(engine.lastSized) sized, \(engine.profitableCount) gross-profitable"
        )
        var (accepted, rejected) = ScanService.assess(
            engine.routes(), snapshot: snapshot, policy: policy, inputs: inputs, prices: prices)
        if client != nil {
            (accepted, rejected) = try await excludeNonStandardTokens(accepted, rejected, notes: &notes)
        }
        var statistical: [StatSignal] = []
        if ScanService.wantsStatistical(request.strategies, config: config) {
            statistical = try statisticalSignals(request, config: config, notes: &notes)
        }
        if request.record && !accepted.isEmpty {
            let path =
                request.historyPath
                ?? HistoryQuery.path(
                    configured: config.historyDB, environment: ProcessInfo.processInfo.environment)
            let json = try? snapshot.jsonText()
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                let store = try HistoryStore(path: path)
                for i in accepted.indices {
                    let rec = ScanService.record(accepted[i], snapshot: snapshot, snapshotJSON: json)
                    try store.recordOpportunity(rec)
                    accepted[i].id = rec.id
                }
            } catch {
                throw .history("\(error)")
            }
        }
        if let path = request.saveStatePath {
            do { try (try snapshot.jsonText()).write(toFile: path, atomically: true, encoding: .utf8) } catch {
                throw .quote(.stateFile(path: path, reason: "cannot be written: \(error)"))
            }
        }
        _ = rejected
        return ScanResult(
            snapshot: snapshot, opportunities: accepted, rejected: rejected, cycles: engine.index.count,
            evaluated: evaluated, sized: engine.lastSized, source: source, roundTrips: client?.roundTrips ?? 0,
            gasPriceWei: inputs.gasPriceWei, flash: inputs.flash, policy: policy, notes: notes,
            statistical: statistical)
    }

    /// Probes every token the accepted routes move (holder: the pool the hop sells into, which holds it) and moves
    /// routes through a fee-on-transfer or rebasing token to the rejected list. A token the probe cannot decide
    /// is kept with a note (the devnet's and mainnet's plain tokens always decide).
    func excludeNonStandardTokens(
        _ accepted: [ScanOpportunity], _ rejected: [ScanOpportunity], notes: inout [String]
    ) async throws(ScanError) -> ([ScanOpportunity], [ScanOpportunity]) {
        guard let client else { return (accepted, rejected) }
        let probe = TokenProbe(client: client)
        let chainID = snapshot.chainID ?? 0
        var verdict: [Address: TokenBehaviour] = [:]
        var keep: [ScanOpportunity] = []
        var drop = rejected
        for o in accepted {
            var bad: (Address, TokenBehaviour)? = nil
            for hop in o.route.hops {
                let token = hop.hop.tokenIn
                if verdict[token] == nil {
                    do {
                        verdict[token] = try await tokens.behaviour(
                            of: token, chainID: chainID, holder: hop.hop.pool, probe: probe,
                            at: .hash(snapshot.blockHash))
                    } catch { throw .read(error.description) }
                }
                switch verdict[token] {
                case .feeOnTransfer?, .rebasing?:
                    bad = (token, verdict[token]!)
                case .unknown(let why)?:
                    notes.append("token \(token.checksummed) could not be probed (\(why)); treated as a plain ERC-20")
                default: break
                }
                if bad != nil { break }
            }
            if let (t, b) = bad {
                var r = o
                r.validation.rejections.append(.nonStandardToken(t, b))
                drop.append(r)
            } else {
                keep.append(o)
            }
        }
        return (keep, drop)
    }

    /// Records this block's pool mid prices and evaluates the watched pairs (history store needed: the windows are
    /// read back from it).
    func statisticalSignals(_ request: ScanRequest, config: DefiConfig, notes: inout [String])
        throws(ScanError) -> [StatSignal]
    {
        let path =
            request.historyPath
            ?? HistoryQuery.path(configured: config.historyDB, environment: ProcessInfo.processInfo.environment)
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let store = try HistoryStore(path: path)
            _ = try PriceRecorder.record(snapshot: snapshot, store: store, chainID: snapshot.chainID)
            let (pairs, missing) = StatPair.watchList(config: config.statistical, snapshot: snapshot)
            for m in missing { notes.append("statistical: \(m)") }
            return try StatisticalArbitrage.evaluate(
                store: store, pools: pairs, config: config.statistical, atBlock: snapshot.blockNumber)
        } catch let e as StatError {
            throw .read(e.description)
        } catch {
            throw .history("\(error)")
        }
    }

    func costInputs(
        _ request: ScanRequest, config: DefiConfig, view: PinnedView?, native: Address?, notes: inout [String]
    ) async throws(ScanError) -> CostInputs {
        var gasPrice: U256
        if let g = request.gasPrice {
            do { gasPrice = try Units.parse(g) } catch { throw .usage("--gas-price \"\(g)\": \(error)") }
        } else if let client {
            do { gasPrice = CostInputs.projectedGasPrice(try await FeeOracle().estimate(client: client)) } catch {
                throw .read("fee oracle: \(error)")
            }
        } else {
            // Offline: the configured cap is the conservative fee.
            let cap = config.flashLoan.maxGasPriceGwei.description
            gasPrice = (try? Units.parse(cap, decimals: 9)) ?? .zero
            notes.append("offline scan: gas priced at max_gas_price_gwei \(cap) gwei (pass --gas-price to change)")
        }
        var flash = FlashCost.none
        if let pool = AaveReads.addresses(config).pool {
            if let view {
                do { flash = .aave(premiumBps: try await AaveReads.flashLoanPremium(pool: pool, view: view)) } catch {
                    throw .read(error.description)
                }
            } else {
                notes.append("offline scan: the Aave flash-loan premium is not read; costs assume own capital")
            }
        }
        var l1 = U256.zero
        if let chainID = snapshot.chainID, OPStackChains.ids.contains(chainID), let client {
            // A max-hop executor call priced by the GasPriceOracle (an upper bound for shorter routes).
            let hop = PlanHop(kind: .uniswapV3, pool: .zero, tokenIn: .zero, tokenOut: .zero, extra: .zero)
            let plan = ExecutorPlan(
                flash: FlashSource(kind: .none, lender: .zero, asset: .zero, amount: .zero), profitToken: .zero,
                minProfit: .zero, payload: .arbitrage(hops: [PlanHop](repeating: hop, count: request.maxHops)))
            let data = (try? plan.calldata()) ?? []
            let tx = Transaction(
                type: .dynamicFee, chainID: chainID, nonce: 1 << 20, maxPriorityFeePerGas: gasPrice,
                maxFeePerGas: gasPrice,
                gasLimit: 1_000_000, to: Address.zero, data: data)
            do { l1 = try await OPStack.l1Fee(of: tx, client: client, at: .hash(snapshot.blockHash)) } catch {
                throw .read("OP-stack L1 fee: \(error)")
            }
        }
        return CostInputs(gasPriceWei: gasPrice, l1FeeWei: l1, flash: flash, nativeToken: native)
    }
}
