import Chain
import DeFiCore
import Execution
import Foundation
import History
import Primitives
import Protocols
import Strategies
import Testing

/// `defi liquidate --protocol compound` against the devnet's Comet STAND-IN (devnet/standins/comet/CometStandIn.vy,
/// our Vyper port of Comet.sol's rules: no Comet bytecode can be obtained on this machine). The sweep absorbs
/// exactly the accounts the stand-in calls liquidatable, buys the collateral the Swift math predicted to the wei,
/// and the realised profit equals the owner's balance change. The differential test shows the Swift Comet math and
/// the port agree; it is NOT a check against real Comet bytecode. Every test reverts to an evm_snapshot inside
/// Devnet.exclusive; extra borrowers are fresh keys funded with anvil_setBalance.
@Suite(.enabled(if: Devnet.available, Devnet.reason), .serialized) struct CometLiquidationDevnetTests {
    static var comet: Address { get throws { try Devnet.address("compound_v3", "comet") } }
    static var multicall: Multicall { get throws { Multicall(mode: .deployed(try Devnet.address("multicall"))) } }
    static func token(_ s: String) throws -> Address { try Devnet.address("tokens", s, "address") }
    static let e18 = Units.powerOfTen(18)

    static func seeded() -> [Address] {
        guard case .array(let a)? = Devnet.deployment["compound_v3"]?["borrowers"] else { return [] }
        return a.compactMap { b in
            guard case .string(let s)? = b["address"] else { return nil }
            return try? Address(parsing: s)
        }
    }

    static func request(_ history: String, live: Bool, protocols: [LendingProtocol] = [.compoundV3]) throws
        -> LiquidationRequest
    {
        LiquidationRequest(
            protocols: protocols, explicit: true, dryRun: !live, minProfit: "1usd", historyPath: history,
            signer: live ? LocalSigner(key: try Devnet.key(0), source: "test") : nil)
    }

    struct Fresh {
        let sender: TransactionSender
        let address: Address
    }

    static func fresh(_ label: String) async throws -> Fresh {
        let key = try PrivateKey(bytes: Keccak256.hash(utf8: "\(label)-\(UUID())").bytes)
        let address = try Address(bytes: key.addressBytes)
        let c = try Devnet.client()
        _ = try await c.call("anvil_setBalance", [.address(address), .quantity(U256(1000) * e18)])
        let sender = try TransactionSender(
            client: c, signer: LocalSigner(key: key, source: "test"),
            journal: HistoryJournal(path: Devnet.tempPath("comet-journal")), chainID: 31337,
            receiptTimeout: .seconds(60), pollInterval: .milliseconds(50))
        return Fresh(sender: sender, address: address)
    }

    @discardableResult
    static func send(_ a: Fresh, to: Address, _ sig: String, _ args: [ABIValue], value: U256 = .zero) async throws
        -> Receipt
    {
        let data = try ABIFunction(signature: sig).encodeCall(args)
        let out = try await a.sender.send(
            TxIntent(key: "comet-\(UUID())", to: to, value: value, data: data, gasLimit: 1_500_000))
        let r = try #require(out.receipt)
        #expect(r.succeeded, "\(sig) reverted")
        return r
    }

    /// A fresh Comet borrower: `weth` WETH (in 1e-3 units) as collateral, `usdc` whole USDC borrowed.
    static func borrower(weth milli: UInt64, usdc: UInt64) async throws -> Address {
        let a = try await fresh("comet-borrower")
        let weth = try token("WETH"), base = try token("USDC"), comet = try comet
        let amount = U256(milli) * Units.powerOfTen(15)
        try await send(a, to: weth, "deposit()", [], value: amount)
        try await send(a, to: weth, "approve(address,uint256)", [.address(comet), .uint(.max)])
        try await send(a, to: comet, "supply(address,uint256)", [.address(weth), .uint(amount)])
        try await send(a, to: comet, "withdraw(address,uint256)", [.address(base), .uint(U256(usdc) * U256(1_000_000))])
        return a.address
    }


    static func config() throws -> DefiConfig {
        var c = try LiquidationDevnetTests.config()
        c.rpcURL = Devnet.url
        return c
    }

    /// The market as `CometReader` reads it at `block`, but accrued to `timestamp` (the inclusion block's).
    static func market(_ c: RPCClient, block: UInt64, timestamp: UInt64) async throws -> CometMarket {
        let view = try await c.pinned(at: .number(block))
        let comet = try comet, mc = try multicall
        let h = try CometReader.decodeHeader(try await view.multicall(CometReader.headerCalls(comet), using: mc))
        let o2 = try await view.multicall(CometReader.assetCalls(comet, header: h), using: mc)
        var infos: [CometAsset] = []
        for i in 0..<h.numAssets {
            guard case .success(let d) = o2[i] else { throw CometError.malformed("getAssetInfo") }
            infos.append(try CometCalls.decodeAssetInfo(d, price: .zero))
        }
        let o3 = try await view.multicall(CometReader.priceCalls(comet, infos: infos), using: mc)
        return try CometReader.decodeMarket(header: h, assets: o2, prices: o3, timestamp: timestamp)
    }

    static let absorbDebt = Keccak256.hash(utf8: "AbsorbDebt(address,address,uint256,uint256)")
    static let absorbCollateral = Keccak256.hash(utf8: "AbsorbCollateral(address,address,address,uint256,uint256)")
    static let buyCollateral = Keccak256.hash(utf8: "BuyCollateral(address,address,uint256,uint256)")

    @Test func sweepAbsorbsExactlyTheLiquidatableAndBuysThePredictedCollateral() async throws {
        try await Devnet.withSnapshot { c in
            // Liquidatable below ~1675.98 (2 WETH, 3,000 USDC) and ~1396.6 (1 WETH, 1,250 USDC).
            let extra = try await Self.borrower(weth: 2000, usdc: 3000)
            let safe = try await Self.borrower(weth: 1000, usdc: 1250)
            try LiquidationDevnetTests.movePrice("WETH", "1600")
            let users = Self.seeded() + [extra, safe]
            let view = try await c.pinned()
            let reader = CometReader(view: view, multicall: try Self.multicall, comet: try Self.comet)
            let m0 = try await reader.readMarket()
            let before = try await reader.readAccounts(users, market: m0)
            let expected = Set(zip(users, before).filter { $0.1.isLiquidatable }.map(\.0))
            #expect(expected == Set([Self.seeded()[0], extra]))  // hf_1_05 and the extra one; not hf_1_3, hf_2_0, wbtc
            for (u, a) in zip(users, before) { #expect(try m0.isLiquidatable(a.account) == a.isLiquidatable, "\(u)") }
            let usdc = try Self.token("USDC")
            let owner = try LiquidationDevnetTests.account(0)
            let balance0 = try await QuoteDevnet.balance(usdc, of: owner, client: c)
            let history = Devnet.tempPath("comet-liq")

            let summary = try await LiquidationSweep.run(try Self.request(history, live: true), config: try Self.config())
            #expect(summary.outcome == .allDone)
            #expect(Set(summary.executed.map(\.user)) == expected)
            #expect(summary.protocols.first?.liquidatable == 2)
            var realized = U256.zero
            for e in summary.executed {
                #expect(e.succeeded == true && e.failure == nil)
                #expect(e.realizedProfit != nil && e.realizedProfit == e.simulatedProfit)
                realized += e.realizedProfit ?? .zero
                // buyCollateral bought exactly what the Swift quote predicted.
                #expect(e.actualCollateral == e.predictedCollateral)
                // Independently: the absorb recomputed from the state just before its block, accrued to its timestamp.
                let hash = try #require(e.txHash)
                let r = try #require(try await c.receipt(hash))
                let ts = try await c.block(.number(r.blockNumber)).timestamp
                let m = try await Self.market(c, block: r.blockNumber - 1, timestamp: ts)
                let pinned = try await c.pinned(at: .number(r.blockNumber - 1))
                let acct = try #require(
                    try await CometReader(view: pinned, multicall: try Self.multicall, comet: try Self.comet)
                        .readAccounts([e.user], market: m).first)
                let outcome = try m.absorb(acct.account)
                let debtLog = try #require(r.logs.first { $0.topics.first == Self.absorbDebt })
                #expect(try U256(bigEndian: Array(debtLog.data[0..<32])) == outcome.basePaidOut)
                #expect(e.actualDebtRepaid == outcome.basePaidOut)
                let collLog = try #require(r.logs.first { $0.topics.first == Self.absorbCollateral })
                #expect(try U256(bigEndian: Array(collLog.data[0..<32])) == outcome.seized[e.collateralAsset])
                let buyLog = try #require(r.logs.first { $0.topics.first == Self.buyCollateral })
                #expect(try U256(bigEndian: Array(buyLog.data[0..<32])) == e.debtToCoverArgument)
                #expect(try m.quoteCollateral(asset: e.collateralAsset, baseAmount: e.debtToCoverArgument)
                    == e.predictedCollateral)
            }
            let balance1 = try await QuoteDevnet.balance(usdc, of: owner, client: c)
            #expect(balance1 - balance0 == realized)
            var valued: [PnLRow] = []
            try HistoryStore(path: history).forEachPnLRow { valued.append($0); return true }
            #expect(valued.count == 2)
            // Healthy ones untouched.
            let after = try await CometReader(view: try await c.pinned(), multicall: try Self.multicall, comet: try Self.comet)
                .readAccounts(users, market: m0)
            for (u, (b, a)) in zip(users, zip(before, after)) where !expected.contains(u) {
                #expect(b.account == a.account, "\(u) changed")
            }
            // A second sweep finds nothing.
            let again = try await LiquidationSweep.run(try Self.request(history, live: true), config: try Self.config())
            #expect(again.outcome == .nothingToDo)
            #expect(again.executed.isEmpty && again.skipped.isEmpty)
        }
    }

    @Test func dryRunSimulatesWithoutSendingAndHonoursMaxLiquidations() async throws {
        try await Devnet.withSnapshot { c in
            try LiquidationDevnetTests.movePrice("WETH", "1600")
            let start = try await c.blockNumber()
            let s = try await LiquidationSweep.run(
                try Self.request(Devnet.tempPath("comet-dry"), live: false), config: try Self.config())
            #expect(s.executed.count == 1)  // hf_1_05
            #expect(s.executed.first?.txHash == nil && s.executed.first?.simulatedProfit != nil)
            #expect(try await c.blockNumber() == start)
            var r = try Self.request(Devnet.tempPath("comet-dry2"), live: false)
            r.maxLiquidations = 0
            let capped = try await LiquidationSweep.run(r, config: try Self.config())
            #expect(capped.executed.isEmpty)
            #expect(capped.skipped.map(\.reason) == [.maxLiquidations])
            r.maxLiquidations = nil
            r.minProfit = "1000000usd"
            let poor = try await LiquidationSweep.run(r, config: try Self.config())
            #expect(poor.executed.isEmpty && poor.skipped.first?.reason.code == "below_min_profit")
        }
    }

    /// Differential: the stand-in's quoteCollateral / isLiquidatable / borrowBalanceOf equal the Swift
    /// CometLiquidation / CometMath for many random accounts, prices and amounts. This shows the Swift math and our
    /// Vyper port of Comet.sol agree; it is not a check against real Comet bytecode (none is obtainable here).
    @Test func standInAgreesWithTheSwiftCometMath() async throws {
        try await Devnet.withSnapshot { c in
            var rng = SystemRandomNumberGenerator()
            var users: [Address] = []
            for _ in 0..<8 {
                let milli = UInt64.random(in: 500...5000, using: &rng)
                // 20–80 % of the borrow capacity at 2000 (0.825 borrow CF), at least the 100 USDC minimum.
                let cap = milli * 2000 * 825 / 1_000_000
                let usdc = max(100, cap * UInt64.random(in: 20...80, using: &rng) / 100)
                users.append(try await Self.borrower(weth: milli, usdc: usdc))
            }
            users += Self.seeded()
            let comet = try Self.comet, weth = try Self.token("WETH"), wbtc = try Self.token("WBTC")
            var compared = 0
            for price in ["2000", "1800", "1650", "1500", "1234.56"] {
                try LiquidationDevnetTests.movePrice("WETH", price)
                let view = try await c.pinned()
                let reader = CometReader(view: view, multicall: try Self.multicall, comet: comet)
                let m = try await reader.readMarket()
                let accounts = try await reader.readAccounts(users, market: m)
                let borrowCalls = users.map {
                    Call3(target: comet, callData: (try? CometCalls.borrowBalanceOf.encodeCall([.address($0)])) ?? [])
                }
                let amounts = (0..<20).map { _ in U256(UInt64.random(in: 1...50_000_000_000, using: &rng)) }
                let quoteCalls = amounts.flatMap { a in
                    [weth, wbtc].map {
                        Call3(target: comet, callData: (try? CometCalls.quoteCollateral.encodeCall([.address($0), .uint(a)])) ?? [])
                    }
                }
                let out = try await view.multicall(borrowCalls + quoteCalls, using: try Self.multicall)
                for (i, (u, a)) in zip(users, accounts).enumerated() {
                    #expect(try m.isLiquidatable(a.account) == a.isLiquidatable, "isLiquidatable \(u) at \(price)")
                    guard case .success(let d) = out[i] else { Issue.record("borrowBalanceOf reverted"); continue }
                    let onChain = try #require(try CometCalls.borrowBalanceOf.decodeOutput(d).first?.uintValue)
                    let pv = try CometMath.presentValue(
                        principal: a.account.principal, baseSupplyIndex: m.baseSupplyIndex,
                        baseBorrowIndex: m.baseBorrowIndex)
                    #expect(onChain == (pv.isNegative ? pv.magnitude : .zero), "borrowBalanceOf \(u) at \(price)")
                    compared += 2
                }
                for (j, a) in amounts.enumerated() {
                    for (k, asset) in [weth, wbtc].enumerated() {
                        guard case .success(let d) = out[users.count + 2 * j + k] else {
                            Issue.record("quoteCollateral reverted")
                            continue
                        }
                        let onChain = try #require(try CometCalls.quoteCollateral.decodeOutput(d).first?.uintValue)
                        #expect(onChain == (try m.quoteCollateral(asset: asset, baseAmount: a)), "quote \(a) at \(price)")
                        compared += 1
                    }
                }
            }
            #expect(compared == 5 * (users.count * 2 + 40))
        }
    }

    // MARK: - the CLI (`defi liquidate --protocol compound`)

    static func cliArgs(db: String, keyFile: String?, dryRun: Bool = false) -> [String] {
        ["liquidate", "--config", LiquidationDevnetTests.configPath, "--rpc-url", Devnet.url ?? "", "--db", db,
         "--protocol", "compound", "--min-profit", "1usd", "--json"]
            + (keyFile.map { ["--private-key-file", $0] } ?? []) + (dryRun ? ["--dry-run"] : [])
    }

    static func absorbed(_ c: RPCClient, from: UInt64) async throws -> [Address] {
        let head = try await c.blockNumber()
        let logs = try await c.logs(LogFilter(addresses: [try comet], topics: [[absorbDebt]]), from: from, to: head)
        return try logs.map { try Address(bytes: Array($0.topics[2].bytes.suffix(20))) }
    }

    /// Through the binary: a dry run sends nothing; a run killed right after journaling or after the broadcast is
    /// finished by the next run, which absorbs the other account; nobody is absorbed twice; then nothing to do.
    @Test(.enabled(if: LiquidationDevnetTests.defiBinary != nil, "needs the defi binary (DEFI_BIN or .build/debug/defi)"),
          arguments: ["journaled", "broadcast"])
    func cliDryRunThenKilledRunThenFinish(_ point: String) async throws {
        try await Devnet.withSnapshot { c in
            let extra = try await Self.borrower(weth: 2000, usdc: 3000)
            try LiquidationDevnetTests.movePrice("WETH", "1600")
            let start = try await c.blockNumber()
            let db = Devnet.tempPath("comet-cli")
            let key = try LiquidationDevnetTests.keyFile()
            let dry = try await LiquidationDevnetTests.runDefi([Self.cliArgs(db: db, keyFile: nil, dryRun: true)])
            #expect(dry.first?.status == 0, "\(dry.first?.err ?? "")")
            #expect(dry.first?.out.contains("\"dry_run\" : true") == true)
            #expect(try await c.blockNumber() == start)
            let killed = try await LiquidationDevnetTests.runDefi(
                [Self.cliArgs(db: db, keyFile: key)], env: ["DEFI_TEST_EXIT_AT": point])
            #expect(killed.first?.status == 86)
            let next = try await LiquidationDevnetTests.runDefi([Self.cliArgs(db: db, keyFile: key)])
            #expect(next.first?.status == 0, "\(next.first?.err ?? "")")
            let absorbed = try await Self.absorbed(c, from: start + 1)
            #expect(absorbed.count == 2)
            #expect(Set(absorbed) == Set([Self.seeded()[0], extra]))
            let history = try HistoryStore(path: db)
            let txs = try history.transactions(chainID: 31337, sender: try LiquidationDevnetTests.account(0).checksummed)
            #expect(txs.count == 2 && txs.allSatisfy { $0.state == .included })
            try? history.close()
            let third = try await LiquidationDevnetTests.runDefi([Self.cliArgs(db: db, keyFile: key)])
            #expect(third.first?.status == 8)
        }
    }

}
