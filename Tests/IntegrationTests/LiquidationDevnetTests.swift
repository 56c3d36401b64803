import Chain
import DeFiCore
import Execution
import Foundation
import History
import Primitives
import Protocols
import Strategies
import Testing

/// `defi liquidate` against the devnet's real Aave pool: the sweep liquidates exactly the positions the pool
/// says are liquidatable, with the amounts the pool then books, for a profit equal to the owner's balance change.
/// Every test reverts to an evm_snapshot; serialized because all send from the executor owner (account 0).
@Suite(.enabled(if: Devnet.available, Devnet.reason), .serialized) struct LiquidationDevnetTests {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
    static var configPath: String {
        URL(fileURLWithPath: Devnet.deploymentPath ?? "").deletingLastPathComponent().appendingPathComponent("defi.yaml")
            .path
    }
    static func token(_ s: String) throws -> Address { try Devnet.address("tokens", s, "address") }
    static var pool: Address { get throws { try Devnet.address("aave_v3", "pool") } }
    static var oracle: Address { get throws { try Devnet.address("aave_v3", "oracle") } }
    static var multicall: Multicall { get throws { Multicall(mode: .deployed(try Devnet.address("multicall"))) } }

    static func config() throws -> DefiConfig {
        var c = try ConfigLoader.load(
            ConfigRequest(
                explicitPath: configPath, flags: [], environment: [:], currentDirectory: "/", homeDirectory: "/")
        ).config
        c.rpcURL = Devnet.url
        return c
    }

    static func seededBorrowers() -> [Address] {
        guard case .array(let a)? = Devnet.deployment["aave_v3"]?["borrowers"] else { return [] }
        return a.compactMap { b in
            guard case .string(let s)? = b["address"] else { return nil }
            return try? Address(parsing: s)
        }
    }


    static var python: String {
        [".venv/bin/python"].map { root.appendingPathComponent($0).path }
            .first { FileManager.default.fileExists(atPath: $0) } ?? "/usr/bin/python3"
    }

    /// `python -m devnet.market move-price` (replaces the asset's oracle feed; also the Comet and Maker feeds).
    static func movePrice(_ asset: String, _ price: String) throws {
        try market(["move-price", "--asset", asset, "--price", price])
    }

    /// `python -m devnet.market <args>` against the test devnet; expects exit 0.
    static func market(_ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.currentDirectoryURL = root
        p.arguments = ["-m", "devnet.market", "--deployment", Devnet.deploymentPath ?? "", "--rpc-url", Devnet.url ?? ""] + args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "devnet.market \(args.first ?? "") failed")
    }

    static func account(_ i: Int) throws -> Address {
        guard case .array(let a)? = Devnet.deployment["accounts"], case .string(let s)? = a[i]["address"] else {
            throw RPCError.malformedReply(what: "deployment accounts", bodyPrefix: "")
        }
        return try Address(parsing: s)
    }

    /// eth_sendTransaction from an unlocked dev account (automine: included on return); expects success.
    @discardableResult
    static func send(_ c: RPCClient, from: Address, to: Address, data: [UInt8], value: U256 = .zero) async throws
        -> Receipt
    {
        var o: [String: JSONValue] = [
            "from": .string(from.checksummed), "to": .string(to.checksummed), "data": .string(Hex.encode(data, prefix: true)),
            "gas": .string("0xf4240"),
        ]
        if !value.isZero { o["value"] = .string(value.hexString) }
        let h = try await c.call("eth_sendTransaction", [.object(o)])
        guard case .string(let hash) = h else { throw RPCError.malformedReply(what: "tx hash", bodyPrefix: "") }
        let r = try #require(try await c.receipt(try Hash32(hex: hash)))
        #expect(r.succeeded, "dev transaction reverted")
        return r
    }

    /// A small borrower (account 5): 1 WETH collateral, 1,375 USDC debt — HF 1.2 at WETH 2000, 0.96 at 1600.
    /// Under 3.0–3.2 rules it is 50 % liquidatable at 0.96; 3.3 would allow 100 % (position under 2,000 USD).
    static func addSmallBorrower(_ c: RPCClient) async throws -> Address {
        let u = try account(5)
        let weth = try token("WETH"), usdc = try token("USDC"), pool = try pool
        let one = U256(1_000_000_000_000_000_000)
        func fn(_ sig: String, _ args: [ABIValue]) throws -> [UInt8] {
            try ABIFunction(signature: sig).encodeCall(args)
        }
        try await send(c, from: u, to: weth, data: try fn("deposit()", []), value: one)
        try await send(c, from: u, to: weth, data: try fn("approve(address,uint256)", [.address(pool), .uint(one)]))
        try await send(
            c, from: u, to: pool,
            data: try fn("supply(address,uint256,address,uint16)", [.address(weth), .uint(one), .address(u), .uint(.zero)]))
        try await send(
            c, from: u, to: pool,
            data: try fn(
                "borrow(address,uint256,uint256,uint16,address)",
                [.address(usdc), .uint(U256(1_375_000_000)), .uint(U256(2)), .uint(.zero), .address(u)]))
        return u
    }

    static func request(_ history: String, live: Bool) throws -> LiquidationRequest {
        LiquidationRequest(
            protocols: [.aaveV3], explicit: true, dryRun: !live, minProfit: "1usd", historyPath: history,
            signer: live ? LocalSigner(key: try Devnet.key(0), source: "test") : nil)
    }

    static func accountData(_ users: [Address], _ c: RPCClient) async throws -> [Address: AaveAccountData] {
        let view = try await c.pinned()
        let reader = AaveReader(view: view, multicall: try multicall, pool: try pool, oracle: try oracle)
        let data = try await reader.accountData(of: users)
        return Dictionary(uniqueKeysWithValues: zip(users, data))
    }

    static let liquidationTopic = Keccak256.hash(
        utf8: "LiquidationCall(address,address,address,uint256,uint256,address,bool)")

    /// Every LiquidationCall the pool emitted in `from...latest`: (user, debtToCover, collateral).
    static func liquidations(_ c: RPCClient, from: UInt64) async throws -> [(Address, U256, U256)] {
        let head = try await c.blockNumber()
        let logs = try await c.logs(LogFilter(addresses: [try pool], topics: [[liquidationTopic]]), from: from, to: head)
        return try logs.map { l in
            (try Address(bytes: Array(l.topics[3].bytes.suffix(20))), try U256(bigEndian: Array(l.data[0..<32])),
             try U256(bigEndian: Array(l.data[32..<64])))
        }
    }

    @Test func sweepLiquidatesExactlyTheLiquidatableWithThePoolsAmounts() async throws {
        try await Devnet.withSnapshot { c in
            let small = try await Self.addSmallBorrower(c)
            try Self.movePrice("WETH", "1600")
            let users = Self.seededBorrowers() + [small]
            let before = try await Self.accountData(users, c)
            let expected = Set(users.filter { before[$0]!.isLiquidatable })
            #expect(expected.count == 3)  // hf_1_05 (0.84), hf_1_2 (0.96), the small one (0.96)
            let usdc = try Self.token("USDC")
            let owner = try Self.account(0)
            let balance0 = try await QuoteDevnet.balance(usdc, of: owner, client: c)
            let start = try await c.blockNumber()
            let history = Devnet.tempPath("liq-history")

            let summary = try await LiquidationSweep.run(try Self.request(history, live: true), config: try Self.config())
            #expect(summary.outcome == .allDone)
            #expect(Set(summary.executed.map(\.user)) == expected)
            #expect(summary.protocols.first?.checked == users.count)
            #expect(summary.protocols.first?.liquidatable == 3)
            var realized = U256.zero
            for e in summary.executed {
                #expect(e.succeeded == true && e.failure == nil)
                // The executor's gain sent to the owner equals what the simulation returned.
                #expect(e.realizedProfit != nil && e.realizedProfit == e.simulatedProfit)
                realized += e.realizedProfit ?? .zero
                // The pool's own LiquidationCall amounts equal the prediction.
                #expect(e.actualDebtRepaid == e.predictedDebtRepaid)
                #expect(e.actualCollateral == e.predictedCollateral)
            }
            let balance1 = try await QuoteDevnet.balance(usdc, of: owner, client: c)
            #expect(balance1 - balance0 == realized)
            // Each liquidation's realised P&L is recorded, valued by the Aave oracle at its block (as `execute`'s).
            var valued: [PnLRow] = []
            try HistoryStore(path: history).forEachPnLRow { valued.append($0); return true }
            #expect(valued.count == 3)
            for row in valued {
                #expect(row.state == "included" && row.quote == "USD")
                let net = try I256(parsing: try #require(row.net))
                #expect(net > .zero, "a liquidation worth sending nets a profit after gas and the flash premium")
            }

            // Independently: recompute each liquidation from the state just before its block, at its timestamp.
            let events = try await Self.liquidations(c, from: start + 1)
            #expect(events.count == 3)
            #expect(Set(events.map(\.0)) == expected)
            for e in summary.executed {
                let hash = try #require(e.txHash)
                let r = try #require(try await c.receipt(hash))
                let view = try await c.pinned(at: .number(r.blockNumber - 1))
                let reader = AaveReader(view: view, multicall: try Self.multicall, pool: try Self.pool, oracle: try Self.oracle)
                var state = try await reader.readDeployment(configuredVersion: nil)
                let b = try #require(try await reader.borrowers([e.user], state: state).first)
                // The model's health factor equals the pool's at that block.
                #expect(try state.market.accountData(of: b.position, version: state.version).healthFactor
                    == b.accountData.healthFactor)
                state.market.timestamp = try await c.block(.number(r.blockNumber)).timestamp
                // The call as sent: `max` when it clears the debt or takes all collateral, else the exact amount.
                let outcome = try state.market.liquidate(
                    b.position, collateralAsset: e.collateralAsset, debtAsset: e.debtAsset,
                    debtToCover: e.debtToCoverArgument, version: state.version)
                let ev = try #require(events.first { $0.0 == e.user })
                #expect(outcome.debtRepaid == ev.1)
                #expect(outcome.collateralToLiquidator == ev.2)
                #expect(outcome.debtRepaid <= outcome.maxLiquidatableDebt)
                let plan = try state.market.liquidationPlan(
                    user: b.position, debtAsset: e.debtAsset, collateralAsset: e.collateralAsset, version: state.version)
                if e.user == small {
                    // The deployed rules (3.2 by its bytecode) cap it at 50 %; 3.3 would have taken all of it.
                    let v33 = try state.market.liquidationPlan(
                        user: b.position, debtAsset: e.debtAsset, collateralAsset: e.collateralAsset, version: .v3_3)
                    #expect(state.version < .v3_3)
                    #expect(v33.outcome.debtRepaid > plan.outcome.debtRepaid)
                }
            }
            // Healthy positions untouched.
            let after = try await Self.accountData(users, c)
            for u in users where !expected.contains(u) {
                #expect(after[u]!.totalCollateralBase == before[u]!.totalCollateralBase)
            }
            // A second sweep finds nothing to do (the fully seized position is bad debt: nothing left to seize).
            let again = try await LiquidationSweep.run(try Self.request(history, live: true), config: try Self.config())
            #expect(again.outcome == .nothingToDo)
            #expect(again.executed.isEmpty)
            #expect(again.minProfitBase == U256(100_000_000), "the 1 USD threshold is reported with nothing to do")
            #expect(try await Self.liquidations(c, from: start + 1).count == 3)
        }
    }

    @Test func dryRunSimulatesWithoutSending() async throws {
        try await Devnet.withSnapshot { c in
            try Self.movePrice("WETH", "1800")
            let start = try await c.blockNumber()
            let s = try await LiquidationSweep.run(
                try Self.request(Devnet.tempPath("liq-dry"), live: false), config: try Self.config())
            #expect(s.executed.count == 1)  // only hf_1_05 at 1800
            #expect(s.executed.first?.txHash == nil)
            #expect(s.executed.first?.simulatedProfit != nil)
            #expect(try await c.blockNumber() == start)
            let healthy = try await LiquidationSweep.run(
                try Self.request(Devnet.tempPath("liq-dry2"), live: false), config: {
                    var cfg = try Self.config()
                    cfg.liquidation.minProfitUSD = ExactDecimal(1_000_000)
                    return cfg
                }())
            // The request's --min-profit (1usd) wins over config; below-threshold skips are reported with reasons.
            #expect(healthy.executed.count == 1)
        }
    }

    @Test func heldLockRefusesAtOnce() async throws {
        let history = Devnet.tempPath("liq-lock")
        let lock = try FileLock.acquire(LiquidationSweep.lockPath(historyPath: history))
        defer { lock.release() }
        await #expect(throws: LiquidationError.self) {
            _ = try await LiquidationSweep.run(try Self.request(history, live: false), config: try Self.config())
        }
        do {
            _ = try await LiquidationSweep.run(try Self.request(history, live: false), config: try Self.config())
        } catch let e as LiquidationError {
            #expect(e.exitCode == .lockHeld)
        }
    }

    // MARK: - cron behaviour with real processes

    static var defiBinary: String? {
        if let b = ProcessInfo.processInfo.environment["DEFI_BIN"] { return b }
        let p = root.appendingPathComponent(".build/debug/defi").path
        return FileManager.default.isExecutableFile(atPath: p) ? p : nil
    }

    struct CLIRun: Sendable {
        var status: Int32
        var out: String
        var err: String
    }

    /// Starts every argument list at once (same moment) and waits for all.
    static func runDefi(_ all: [[String]], env extra: [String: String] = [:]) async throws -> [CLIRun] {
        let bin = try #require(defiBinary, "build the defi binary or set DEFI_BIN")
        var started: [(Process, Pipe, Pipe, Task<Int32, Never>)] = []
        var env = ProcessInfo.processInfo.environment
        for (k, v) in extra { env[k] = v }
        for args in all {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: bin)
            p.arguments = args
            p.environment = env
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            let wait = AsyncStream<Int32> { c in p.terminationHandler = { c.yield($0.terminationStatus); c.finish() } }
            started.append((p, out, err, Task { for await s in wait { return s }; return -1 }))
        }
        for s in started { try s.0.run() }
        var runs: [CLIRun] = []
        for (_, out, err, wait) in started {
            let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            runs.append(CLIRun(status: await wait.value, out: o, err: e))
        }
        return runs
    }

    static func cliArgs(db: String, keyFile: String) -> [String] {
        ["liquidate", "--config", configPath, "--rpc-url", Devnet.url ?? "", "--db", db, "--protocol", "aave",
         "--min-profit", "1usd", "--private-key-file", keyFile, "--json"]
    }

    static func keyFile() throws -> String {
        guard case .array(let a)? = Devnet.deployment["accounts"], case .string(let k)? = a[0]["private_key"] else {
            throw RPCError.malformedReply(what: "deployment accounts", bodyPrefix: "")
        }
        let path = Devnet.tempPath("liq-key")
        _ = FileManager.default.createFile(atPath: path, contents: Data(k.utf8), attributes: [.posixPermissions: 0o600])
        return path
    }

    @Test(.enabled(if: LiquidationDevnetTests.defiBinary != nil, "needs the defi binary (DEFI_BIN or .build/debug/defi)"))
    func twoSweepsAtOnceOneRunsTheOtherExits5() async throws {
        try await Devnet.withSnapshot { c in
            try Self.movePrice("WETH", "1600")
            let start = try await c.blockNumber()
            let db = Devnet.tempPath("liq-cron")
            let key = try Self.keyFile()
            let runs = try await Self.runDefi([Self.cliArgs(db: db, keyFile: key), Self.cliArgs(db: db, keyFile: key)])
            let codes = runs.map(\.status).sorted()
            #expect(codes == [0, 5], "exit codes \(codes); stderr: \(runs.map(\.err))")
            let loser = try #require(runs.first { $0.status == 5 })
            #expect(loser.err.contains("lock held") || loser.out.contains("lock_held"))
            // Exactly the two liquidatable borrowers, once each.
            let events = try await Self.liquidations(c, from: start + 1)
            #expect(events.count == 2)
            #expect(Set(events.map(\.0)).count == 2)
        }
    }

    /// Killed right after journaling (before broadcast) or right after the broadcast returned: the next run
    /// finishes that transaction from the journal and liquidates the rest; no borrower is liquidated twice.
    @Test(.enabled(if: LiquidationDevnetTests.defiBinary != nil, "needs the defi binary (DEFI_BIN or .build/debug/defi)"),
          arguments: ["journaled", "broadcast"])
    func killedMidSweepNeitherRepeatsNorLoses(_ point: String) async throws {
        try await Devnet.withSnapshot { c in
            try Self.movePrice("WETH", "1600")
            let start = try await c.blockNumber()
            let db = Devnet.tempPath("liq-kill")
            let key = try Self.keyFile()
            let killed = try await Self.runDefi([Self.cliArgs(db: db, keyFile: key)], env: ["DEFI_TEST_EXIT_AT": point])
            #expect(killed.first?.status == 86)
            let history = try HistoryStore(path: db)
            let journaled = try history.transactions(chainID: 31337, sender: try Self.account(0).checksummed)
            #expect(journaled.count == 1)
            try? history.close()
            let next = try await Self.runDefi([Self.cliArgs(db: db, keyFile: key)])
            #expect(next.first?.status == 0, "\(next.first?.err ?? "")")
            let events = try await Self.liquidations(c, from: start + 1)
            #expect(events.count == 2)
            #expect(Set(events.map(\.0)).count == 2)
            // The journaled transaction of the killed run is the one that liquidated its borrower.
            let again = try HistoryStore(path: db)
            let txs = try again.transactions(chainID: 31337, sender: try Self.account(0).checksummed)
            #expect(txs.count == 2)
            #expect(txs.allSatisfy { $0.state == .included })
            try? again.close()
            // A third run: nothing to do.
            let third = try await Self.runDefi([Self.cliArgs(db: db, keyFile: key)])
            #expect(third.first?.status == 8)
        }
    }
}
