import Chain
import DeFiCore
import Foundation
import History
import Primitives
import Protocols
import Strategies

extension LiquidationSweep {
    /// Compound III: index the Comet's accounts, health-check them with `CometReader` at one pinned block, and for
    /// every account the Comet itself calls liquidatable size the absorb + `buyCollateral` (CometLiquidationFinder),
    /// quote the sale with `SwapRouter`, and run the CometLiquidator plan (flash-borrowed base from the Aave pool)
    /// through the same simulate/execute step as the Aave sweep.
    static func sweepComet(
        _ request: LiquidationRequest, config: DefiConfig, client: RPCClient, store: HistoryStore,
        summary: inout LiquidationSummary
    ) async throws {
        let p = LendingProtocol.compoundV3
        let name = "compound_v3"
        guard let cfg = config.protocols[name] else { return }
        let chainID = try await chainID(client)
        let head = try await client.blockNumber()
        let view = try await client.pinned(at: .number(head))
        let mc = multicall(config)
        let comet = try address(cfg, "comet", name)
        let index = BorrowerIndex(
            lendingProtocol: p, contracts: [comet], deploymentBlock: cfg.deploymentBlock ?? 0,
            finality: config.liquidation.finalityBlocks, chainID: chainID)
        let update = try await index.update(head: head, source: client, store: store)
        let users = try store.liquidationPositions(protocolName: p.rawValue, chainID: chainID)
            .compactMap { try? Address(parsing: $0.borrower) }
        let reader = CometReader(view: view, multicall: mc, comet: comet)
        let trips0 = client.roundTrips
        let t0 = ContinuousClock.now
        let market = try await reader.readMarket()
        let accounts = try await reader.readAccounts(users, market: market)
        let elapsed = ContinuousClock.now - t0
        var liquidatable: [(Address, CometAccount)] = []
        for (u, a) in zip(users, accounts) where a.isLiquidatable { liquidatable.append((u, a.account)) }
        summary.protocols.append(
            LiquidationProtocolSummary(
                lendingProtocol: p, configured: true, block: head, version: nil, index: update, checked: users.count,
                liquidatable: liquidatable.count,
                healthCheckSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                healthCheckRoundTrips: client.roundTrips - trips0))
        let native = config.tokens["WETH"].flatMap { try? Address(parsing: $0.address) }
        let nativePrice = native.flatMap { try? market.asset($0).price }
        let minBase = try minProfitBase(
            request.minProfit ?? "\(config.liquidation.minProfitUSD.description)usd", nativePriceBase: nativePrice)
        if summary.minProfitBase.isZero { summary.minProfitBase = minBase }
        if liquidatable.isEmpty { return }

        func skip(_ u: Address, _ r: LiquidationSkip) {
            summary.skipped.append(LiquidationSkipped(lendingProtocol: p, user: u, reason: r))
        }
        // The flash loan of the base asset: the Aave pool's flashLoanSimple (the executor's other sources need a
        // pool holding the base asset; Aave is the one the devnet and mainnet USDC markets share).
        guard let aave = config.protocols["aave_v3"], let pool = try? address(aave, "pool", "aave_v3") else {
            for (u, _) in liquidatable {
                skip(u, .unsupported("Compound III liquidations flash-borrow the base asset from protocols.aave_v3.pool, which is not configured"))
            }
            return
        }
        let executor = try executorAddress(config)
        try await reconcileBeforeSending(request, config: config, client: client, store: store, chainID: chainID)
        let baseToken = try await cometBaseToken(comet, view: view)
        let premiumBps = try await aavePremium(pool, view: view)
        let gasPrice = try await client.gasPrice()
        let gasUnits: UInt64 = 700_000
        let (v2, v3) = try QuoteService.specs(config, only: nil)
        let intermediates = config.tokens.values.compactMap { try? Address(parsing: $0.address) }.sorted()
        var router = SwapRouter(view: view, multicall: mc, v2: v2, v3: v3, intermediates: intermediates)

        var candidates: [CometLiquidationCandidate] = []
        for (u, a) in liquidatable {
            let sizing: CometLiquidationSizing
            do { sizing = try CometLiquidationFinder.size(u, account: a, market: market) } catch {
                skip(u, .noValidPair(error.description))
                continue
            }
            guard let route = try await router.route(sell: sizing.collateralBought, of: sizing.collateralAsset, for: baseToken)
            else {
                skip(u, .noRoute(collateral: sizing.collateralAsset, debt: baseToken))
                continue
            }
            let premium = try AaveFlashLoanPremium(amount: sizing.baseAmount, premiumTotal: premiumBps, premiumToProtocol: .zero).premium
            let cand = CometLiquidationFinder.price(
                sizing, route: route, premium: premium, gasWei: gasPrice * U256(gasUnits), native: native, market: market)
            if cand.netProfitUSD.isNegative || cand.netProfitUSD.magnitude < minBase {
                skip(u, .belowMinProfit(netBase: cand.netProfitUSD, minBase: minBase))
                continue
            }
            candidates.append(cand)
        }
        candidates.sort { $0.netProfitUSD > $1.netProfitUSD }

        let owner = try await executorOwner(executor, client: client)
        let sender = request.signer?.address ?? owner
        let inFlight = inFlight(store: store, chainID: chainID, sender: sender, decode: cometLiquidationAccounts)
        var context = sweepContext(request, config: config, client: client, store: store, chainID: chainID, native: native)
        context.gasInProfitToken = { wei, token in
            token == baseToken ? CometLiquidationFinder.weiInBase(wei, native: native, market: market) : nil
        }
        var done = summary.executed.count
        var sent = false
        for var cand in candidates {
            let u = cand.sizing.account
            if sent {
                // An earlier liquidation of this run moved the pools: quote the sale again at the new head.
                let fresh = try await client.pinned(at: .latest)
                router = SwapRouter(view: fresh, multicall: mc, v2: v2, v3: v3, intermediates: intermediates)
                if let route = try await router.route(
                    sell: cand.sizing.collateralBought, of: cand.sizing.collateralAsset, for: baseToken)
                {
                    cand = CometLiquidationFinder.price(
                        cand.sizing, route: route, premium: cand.flashPremium, gasWei: gasPrice * U256(gasUnits),
                        native: native, market: market)
                }
                sent = false
            }
            if let hash = inFlight[u] { skip(u, .inFlight(hash)); continue }
            if let d = request.deadline, Date() >= d { skip(u, .deadline); continue }
            if let m = request.maxLiquidations, done >= m { skip(u, .maxLiquidations); continue }
            // The executor must gain at least the threshold plus the gas cost (base units), else it reverts.
            let minInBase = (try? U256.mulDivRoundingUp(minBase, market.baseScale, market.basePrice)) ?? .max
            let plan = cand.executorPlan(
                comet: comet, base: baseToken,
                flash: FlashSource(kind: .aaveSimple, lender: pool, asset: baseToken, amount: cand.sizing.baseAmount),
                minProfit: max(.one, minInBase + cand.gasCostInBase))
            let file = PlanFile(
                executor: executor, strategyName: "CometLiquidator", plan: plan, chainID: chainID, pricedAtBlock: head,
                expectedProfit: cand.executorProfit.isNegative ? nil : cand.executorProfit.magnitude)
            let exec = LiquidationExecution(
                lendingProtocol: p, user: u, collateralAsset: cand.sizing.collateralAsset, debtAsset: baseToken,
                debtToCoverArgument: cand.sizing.baseAmount, predictedDebtRepaid: cand.sizing.absorb.basePaidOut,
                predictedCollateral: cand.sizing.collateralBought, predictedProtocolFee: .zero,
                predictedProfit: cand.executorProfit, simulatedProfit: nil, netProfitBase: cand.netProfitUSD,
                txHash: nil, succeeded: nil, realizedProfit: nil, actualDebtRepaid: nil, actualCollateral: nil,
                gasUsed: nil, failure: nil)
            let result = try await runPlan(
                file, exec: exec, request: request, sender: sender, context: context, client: client, sent: &sent
            ) { r, e in readCometReceipt(r, exec: &e, owner: owner, executor: executor, comet: comet) }
            switch result {
            case .skipped(let reason): skip(u, reason)
            case .executed(let e):
                summary.executed.append(e)
                done += 1
            }
        }
    }

    static let cometBaseTokenFunction = ABIFunction(
        name: "baseToken", inputs: [], outputs: [ABIParameter(name: "", type: .address)], stateMutability: "view")

    static func cometBaseToken(_ comet: Address, view: PinnedView) async throws -> Address {
        let out = try await view.call(CallRequest(to: comet, data: try cometBaseTokenFunction.encodeCall([])))
        guard case .success(let d) = out, let a = try cometBaseTokenFunction.decodeOutput(d).first?.addressValue else {
            throw LiquidationError.failure("the Comet at \(comet) answers no baseToken()")
        }
        return a
    }

    static func aavePremium(_ pool: Address, view: PinnedView) async throws -> U256 {
        let out = try await view.call(CallRequest(to: pool, data: try AavePool.FlashLoanPremiumTotal().encode()))
        guard case .success(let d) = out else {
            throw LiquidationError.failure("the Aave pool at \(pool) answers no FLASHLOAN_PREMIUM_TOTAL()")
        }
        return try AavePool.FlashLoanPremiumTotal.decode(d)
    }

    /// The accounts of an `executeStrategy(id, params)` call whose strategy data is the CometLiquidator's
    /// (`abi.encode(comet, collateral, minAmount, baseAmount, address[] accounts, Hop[] hops)`), else none.
    public static func cometLiquidationAccounts(_ calldata: [UInt8]) -> [Address] {
        guard let (id, data) = strategyCall(calldata), id == ExecutorPlan.strategyID(named: "CometLiquidator").bytes,
            let l = try? ABI.decode(
                types: [.address, .address, .uint256, .uint256, .array(.address),
                    .array(.tuple([.uint(8), .address, .address, .address, .uint256, .uint256, .uint256]))],
                data: data),
            l.count == 6, case .array(let accounts) = l[4]
        else { return [] }
        return accounts.compactMap(\.addressValue)
    }

    static let buyCollateralTopic = Keccak256.hash(utf8: "BuyCollateral(address,address,uint256,uint256)")
    static let absorbDebtTopic = Keccak256.hash(utf8: "AbsorbDebt(address,address,uint256,uint256)")

    /// The executor's gain (Transfer base executor → owner), the Comet's AbsorbDebt `basePaidOut` and
    /// BuyCollateral `collateralAmount`.
    static func readCometReceipt(
        _ r: Receipt, exec: inout LiquidationExecution, owner: Address, executor: Address, comet: Address
    ) {
        if let g = ownerGain(r, token: exec.debtAsset, owner: owner, executor: executor) { exec.realizedProfit = g }
        for log in r.logs {
            guard let t0 = log.topics.first else { continue }
            if log.address == comet, log.data.count >= 64 {
                if t0 == absorbDebtTopic, log.topics.count == 3,
                    log.topics[2].bytes.suffix(20).elementsEqual(exec.user.bytes)
                {
                    exec.actualDebtRepaid = try? U256(bigEndian: Array(log.data[0..<32]))
                }
                if t0 == buyCollateralTopic {
                    exec.actualCollateral = try? U256(bigEndian: Array(log.data[32..<64]))
                }
            }
        }
    }
}
