import Chain
import DeFiCore
import Foundation
import History
import Primitives
import Protocols
import Strategies

extension LiquidationSweep {
    /// Maker LIQ 2.0: index the clippers' auctions (Kick/Take/Redo), read every active sale at one pinned block
    /// (`MakerReader`), size a take of each by the Clipper's rules at the block's timestamp (`MakerTakeFinder`),
    /// quote the sale of the slice with `SwapRouter`, and run the MakerLiquidator plan (DAI flash-borrowed from the
    /// Aave pool) through the same simulate/execute step as the Aave sweep. DAI is valued at par (1 USD) against
    /// the min-profit threshold. Auctions needing a redo are reported, not redone; unsafe vaults are not barked.
    static func sweepMaker(
        _ request: LiquidationRequest, config: DefiConfig, client: RPCClient, store: HistoryStore,
        summary: inout LiquidationSummary
    ) async throws {
        let p = LendingProtocol.maker
        let name = "maker"
        guard let cfg = config.protocols[name] else { return }
        let chainID = try await chainID(client)
        let head = try await client.blockNumber()
        let view = try await client.pinned(at: .number(head))
        let mc = multicall(config)
        let dog = try address(cfg, "dog", name)
        let vat = try address(cfg, "vat", name)
        let clippers = cfg.addresses.filter { $0.key.hasPrefix("clipper") }.sorted { $0.key < $1.key }
            .compactMap { e in (try? Address(parsing: e.value)).map { (String(e.key.dropFirst("clipper".count)), $0) } }
        let index = BorrowerIndex(
            lendingProtocol: p, contracts: clippers.map(\.1), deploymentBlock: cfg.deploymentBlock ?? 0,
            finality: config.liquidation.finalityBlocks, chainID: chainID)
        let update = try await index.update(head: head, source: client, store: store)
        let checked = try store.liquidationPositions(protocolName: p.rawValue, chainID: chainID).count

        // Health check: every active sale of every configured clipper, at the pinned block.
        let reader = MakerReader(view: view, multicall: mc, dog: dog, vat: vat)
        let trips0 = client.roundTrips
        let t0 = ContinuousClock.now
        var auctions: [(clipper: Address, gemJoin: Address?, params: MakerClipperParams, sale: MakerReader.ActiveSale)] = []
        for (suffix, clipper) in clippers {
            let ilk = try await makerIlk(clipper, view: view)
            let state = try await reader.read(ilk: ilk)
            let gemJoin = cfg.addresses["gem_join" + suffix].flatMap { try? Address(parsing: $0) }
            for s in state.sales { auctions.append((clipper, gemJoin, state.params, s)) }
        }
        let elapsed = ContinuousClock.now - t0
        let takeable = auctions.filter { !$0.sale.needsRedo }
        summary.protocols.append(
            LiquidationProtocolSummary(
                lendingProtocol: p, configured: true, block: head, version: nil, index: update, checked: checked,
                liquidatable: takeable.count,
                healthCheckSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                healthCheckRoundTrips: client.roundTrips - trips0))
        func skip(_ u: Address, _ r: LiquidationSkip) {
            summary.skipped.append(LiquidationSkipped(lendingProtocol: p, user: u, reason: r))
        }
        for a in auctions where a.sale.needsRedo {
            skip(a.sale.usr, .unsupported("auction \(a.sale.id) needs a redo (older than tail or below cusp); the sweep does not redo"))
        }
        if takeable.isEmpty {
            if summary.minProfitBase.isZero {
                summary.minProfitBase = try minProfitBase(
                    request.minProfit ?? "\(config.liquidation.minProfitUSD.description)usd", nativePriceBase: nil)
            }
            return
        }

        // DAI, the flash source and the executor.
        guard let daiJoin = cfg.addresses["dai_join"].flatMap({ try? Address(parsing: $0) }) else {
            throw LiquidationError.usage("protocols.maker.dai_join is not set")
        }
        let dai = try await joinToken(daiJoin, function: "dai", view: view)
        guard let aave = config.protocols["aave_v3"], let pool = try? address(aave, "pool", "aave_v3") else {
            for a in takeable {
                skip(a.sale.usr, .unsupported("Maker takes flash-borrow DAI from protocols.aave_v3.pool, which is not configured"))
            }
            return
        }
        let executor = try executorAddress(config)
        try await reconcileBeforeSending(request, config: config, client: client, store: store, chainID: chainID)
        let premiumBps = try await aavePremium(pool, view: view)
        let gasPrice = try await client.gasPrice()
        let gasUnits: UInt64 = 600_000
        let (v2, v3) = try QuoteService.specs(config, only: nil)
        let intermediates = config.tokens.values.compactMap { try? Address(parsing: $0.address) }.sorted()
        var router = SwapRouter(view: view, multicall: mc, v2: v2, v3: v3, intermediates: intermediates)
        let native = config.tokens["WETH"].flatMap { try? Address(parsing: $0.address) }
        let oneEther = U256(1_000_000_000_000_000_000)
        // DAI per ETH from the venues (values the gas and an "eth" threshold; DAI counts at par for "usd").
        var ethQuote = U256.zero
        if let n = native, let r = try await router.route(sell: oneEther, of: n, for: dai) { ethQuote = r.amountOut }
        let daiPerNative = ethQuote
        let daiToBase = U256(10_000_000_000)  // DAI wad → 8-decimal base (USD) at par
        let minBase = try minProfitBase(
            request.minProfit ?? "\(config.liquidation.minProfitUSD.description)usd",
            nativePriceBase: daiPerNative.isZero ? nil : daiPerNative / daiToBase)
        if summary.minProfitBase.isZero { summary.minProfitBase = minBase }
        let minDai = minBase * daiToBase

        var candidates: [(clipper: Address, gemJoin: Address, cand: MakerTakeCandidate)] = []
        for a in takeable {
            let u = a.sale.usr
            guard let gemJoin = a.gemJoin else {
                skip(u, .unsupported("no protocols.maker.gem_join\(clippers.first { $0.1 == a.clipper }?.0 ?? "") for clipper \(a.clipper)"))
                continue
            }
            let gem = try await joinToken(gemJoin, function: "gem", view: view)
            let sizing: MakerTakeSizing
            do {
                sizing = try MakerTakeFinder.size(a.sale, gem: gem, params: a.params, now: U256(view.block.timestamp))
            } catch {
                skip(u, .noValidPair("auction \(a.sale.id): \(error.description)"))
                continue
            }
            guard !sizing.take.slice.isZero,
                let route = try await router.route(sell: sizing.take.slice, of: gem, for: dai)
            else {
                skip(u, .noRoute(collateral: gem, debt: dai))
                continue
            }
            let premium = try AaveFlashLoanPremium(amount: sizing.daiIn, premiumTotal: premiumBps, premiumToProtocol: .zero).premium
            let cand = MakerTakeFinder.price(
                sizing, route: route, premium: premium, gasWei: gasPrice * U256(gasUnits), daiPerNative: daiPerNative)
            if cand.netProfit.isNegative || cand.netProfit.magnitude < minDai {
                skip(u, .belowMinProfit(netBase: cand.netProfit.isNegative ? cand.netProfit : I256(bits: cand.netProfit.magnitude / daiToBase), minBase: minBase))
                continue
            }
            candidates.append((a.clipper, gemJoin, cand))
        }
        candidates.sort { $0.cand.netProfit > $1.cand.netProfit }

        let owner = try await executorOwner(executor, client: client)
        let sender = request.signer?.address ?? owner
        var usrOf: [String: Address] = [:]
        for a in auctions { usrOf["\(a.clipper.lowercaseHex):\(a.sale.id)"] = a.sale.usr }
        let inFlight = inFlight(store: store, chainID: chainID, sender: sender) { calldata in
            guard let (clipper, id) = makerTakeAuction(calldata), let u = usrOf["\(clipper.lowercaseHex):\(id)"] else {
                return []
            }
            return [u]
        }
        var context = sweepContext(request, config: config, client: client, store: store, chainID: chainID, native: native)
        context.gasInProfitToken = { wei, token in
            token == dai ? try? U256.mulDivRoundingUp(wei, daiPerNative, oneEther) : nil
        }
        var done = summary.executed.count
        var sent = false
        for (clipper, gemJoin, priced) in candidates {
            var cand = priced
            let u = cand.sizing.usr
            if sent {
                // An earlier take of this run moved the pools: quote the sale again at the new head.
                let fresh = try await client.pinned(at: .latest)
                router = SwapRouter(view: fresh, multicall: mc, v2: v2, v3: v3, intermediates: intermediates)
                if let route = try await router.route(sell: cand.sizing.take.slice, of: cand.sizing.gem, for: dai) {
                    cand = MakerTakeFinder.price(
                        cand.sizing, route: route, premium: cand.flashPremium, gasWei: gasPrice * U256(gasUnits),
                        daiPerNative: daiPerNative)
                }
                sent = false
            }
            if let hash = inFlight[u] { skip(u, .inFlight(hash)); continue }
            if let d = request.deadline, Date() >= d { skip(u, .deadline); continue }
            if let m = request.maxLiquidations, done >= m { skip(u, .maxLiquidations); continue }
            // The executor must gain at least the threshold plus the gas cost (DAI), else it reverts.
            let plan = cand.executorPlan(
                clipper: clipper, daiJoin: daiJoin, gemJoin: gemJoin, dai: dai,
                flash: FlashSource(kind: .aaveSimple, lender: pool, asset: dai, amount: cand.sizing.daiIn),
                minProfit: max(.one, minDai + cand.gasCostInDai))
            let file = PlanFile(
                executor: executor, strategyName: "MakerLiquidator", plan: plan, chainID: chainID, pricedAtBlock: head,
                expectedProfit: cand.executorProfit.isNegative ? nil : cand.executorProfit.magnitude)
            let exec = LiquidationExecution(
                lendingProtocol: p, user: u, collateralAsset: cand.sizing.gem, debtAsset: dai,
                debtToCoverArgument: cand.sizing.amt, predictedDebtRepaid: cand.sizing.daiIn,
                predictedCollateral: cand.sizing.take.slice, predictedProtocolFee: .zero,
                predictedProfit: cand.executorProfit, simulatedProfit: nil,
                netProfitBase: cand.netProfit.isNegative ? cand.netProfit : I256(bits: cand.netProfit.magnitude / daiToBase),
                txHash: nil, succeeded: nil, realizedProfit: nil, actualDebtRepaid: nil, actualCollateral: nil,
                gasUsed: nil, failure: nil)
            let lotBefore = cand.sizing.amt
            let result = try await runPlan(
                file, exec: exec, request: request, sender: sender, context: context, client: client, sent: &sent
            ) { r, e in
                readMakerReceipt(r, exec: &e, owner: owner, executor: executor, clipper: clipper, lotBefore: lotBefore)
            }
            switch result {
            case .skipped(let reason): skip(u, reason)
            case .executed(let e):
                summary.executed.append(e)
                done += 1
            }
        }
    }

    static let makerIlkFunction = ABIFunction(
        name: "ilk", inputs: [], outputs: [ABIParameter(name: "", type: .bytes32)], stateMutability: "view")

    /// `Clipper.ilk()`.
    public static func makerIlk(_ clipper: Address, view: PinnedView) async throws -> [UInt8] {
        let out = try await view.call(CallRequest(to: clipper, data: try makerIlkFunction.encodeCall([])))
        guard case .success(let d) = out, case .fixedBytes(let b)? = try makerIlkFunction.decodeOutput(d).first else {
            throw LiquidationError.failure("the Clipper at \(clipper) answers no ilk()")
        }
        return b
    }

    /// `GemJoin.gem()` or `DaiJoin.dai()`.
    static func joinToken(_ join: Address, function name: String, view: PinnedView) async throws -> Address {
        let f = ABIFunction(
            name: name, inputs: [], outputs: [ABIParameter(name: "", type: .address)], stateMutability: "view")
        let out = try await view.call(CallRequest(to: join, data: try f.encodeCall([])))
        guard case .success(let d) = out, let a = try f.decodeOutput(d).first?.addressValue else {
            throw LiquidationError.failure("the join at \(join) answers no \(name)()")
        }
        return a
    }

    /// The (clipper, auction id) of an `executeStrategy` call whose strategy data is the MakerLiquidator's
    /// (`abi.encode(clipper, daiJoin, gemJoin, id, amt, max, Hop[])`), else nil.
    public static func makerTakeAuction(_ calldata: [UInt8]) -> (clipper: Address, id: U256)? {
        guard let (id, data) = strategyCall(calldata), id == ExecutorPlan.strategyID(named: "MakerLiquidator").bytes,
            let l = try? ABI.decode(
                types: [.address, .address, .address, .uint256, .uint256, .uint256,
                    .array(.tuple([.uint(8), .address, .address, .address, .uint256, .uint256, .uint256]))],
                data: data),
            l.count == 7, let clipper = l[0].addressValue, let auction = l[3].uintValue
        else { return nil }
        return (clipper, auction)
    }

    static let takeTopic = Keccak256.hash(utf8: "Take(uint256,uint256,uint256,uint256,uint256,uint256,address)")

    /// The executor's gain (Transfer DAI executor → owner) and the Clipper's Take: DAI paid (⌈owe / RAY⌉) and
    /// the slice (lot before − lot after).
    static func readMakerReceipt(
        _ r: Receipt, exec: inout LiquidationExecution, owner: Address, executor: Address, clipper: Address,
        lotBefore: U256
    ) {
        if let g = ownerGain(r, token: exec.debtAsset, owner: owner, executor: executor) { exec.realizedProfit = g }
        for log in r.logs where log.address == clipper && log.topics.first == takeTopic && log.data.count >= 160 {
            if let owe = try? U256(bigEndian: Array(log.data[64..<96])) {
                exec.actualDebtRepaid = try? U256.mulDivRoundingUp(owe, .one, MakerMath.ray)
            }
            if let lotAfter = try? U256(bigEndian: Array(log.data[128..<160])), lotAfter <= lotBefore {
                exec.actualCollateral = lotBefore - lotAfter
            }
        }
    }
}
