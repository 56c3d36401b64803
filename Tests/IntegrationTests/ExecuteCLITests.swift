import Chain
import DeFiCore
import Execution
import Foundation
import History
import Primitives
import Protocols
import Strategies
import Testing

extension ExecutionDevnetSuites {
    /// `defi simulate` / `defi execute` as a user runs them on the devnet (the built binary, the devnet's defi.yaml, a
    /// temporary history store): the opportunity path end to end, the refusals with nothing sent, the lock, and a
    /// process killed after broadcast whose transaction the next run reconciles without sending again.
    @Suite struct ExecuteCLITests {
        static let ownerKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"  // anvil account 0

        struct Run {
            var status: Int32
            var stdout: String
            var stderr: String
        }

        /// Runs the built `defi` (DEFI_BIN, else .build/debug/defi) with the devnet config and `db`.
        static func defi(_ args: [String], db: String, config: String? = nil, env: [String: String] = [:]) throws -> Run
        {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            let bin =
                ProcessInfo.processInfo.environment["DEFI_BIN"] ?? root.appendingPathComponent(".build/debug/defi").path
            let p = Process()
            p.executableURL = URL(fileURLWithPath: bin)
            p.arguments = args + ["--config", config ?? devnetConfig, "--db", db]
            var e = ProcessInfo.processInfo.environment.filter {
                !$0.key.hasPrefix("DEFI_") && !$0.key.hasPrefix("ETH_")
            }
            e["DEFI_PRIVATE_KEY"] = ownerKey
            for (k, v) in env { e[k] = v }
            p.environment = e
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            let o = out.fileHandleForReading.readDataToEndOfFile()
            let r = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return Run(
                status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                stderr: String(decoding: r, as: UTF8.self))
        }

        static var devnetConfig: String {
            ((Devnet.deploymentPath ?? "") as NSString).deletingLastPathComponent + "/defi.yaml"
        }

        /// The devnet config with one line replaced (caps).
        static func config(replacing old: String, with new: String) throws -> String {
            let text = try String(contentsOfFile: devnetConfig, encoding: .utf8)
            #expect(text.contains(old))
            let path = Devnet.tempPath("cfg") + ".yaml"
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        static func json(_ text: String) throws -> JSONValue { try JSONValue(parsing: text) }

        static func string(_ v: JSONValue?, _ path: String...) -> String? {
            var x = v
            for p in path { x = x?[p] }
            if case .string(let s)? = x { return s }
            if case .number(let n)? = x { return n }
            return nil
        }

        /// Records the devnet's planted cross-venue spread (USDC → WETH on venue A, WETH → USDC on venue B) as an
        /// opportunity, as `defi scan` would.
        static func recordSpread(db: String, client: RPCClient) async throws -> String {
            let usdc = try ExecutionDevnetTests.token("USDC"), weth = try ExecutionDevnetTests.token("WETH")
            let a = try ExecutionDevnetTests.pool("uniswap_v2_a:WETH/USDC"),
                b = try ExecutionDevnetTests.pool("uniswap_v2_b:WETH/USDC")
            let size = U256(39_625_847_270)
            let route = Route(
                strategy: .spatial, tokenIn: usdc, size: size,
                hops: [
                    RouteHop(
                        hop: PlanHop(kind: .uniswapV2, pool: a, tokenIn: usdc, tokenOut: weth, extra: U256(30)),
                        venue: "uniswap_v2_a", amountIn: size, amountOut: .one),
                    RouteHop(
                        hop: PlanHop(kind: .uniswapV2, pool: b, tokenIn: weth, tokenOut: usdc, extra: U256(30)),
                        venue: "uniswap_v2_b", amountIn: .one, amountOut: size + .one),
                ])
            let head = try await client.block(.latest)
            let store = try HistoryStore(path: db)
            let rec = OpportunityRecord(
                createdAt: Date(), chainID: 31337, blockNumber: head.number,
                blockHash: head.hash.description, strategy: "spatial", route: route.jsonText(),
                size: size.decimalString, tokenIn: usdc.checksummed, grossProfit: "1", costs: "0",
                netProfit: "1", netProfitUSD: "0")
            try store.recordOpportunity(rec)
            return rec.id
        }

        static func nonce(_ c: RPCClient) async throws -> UInt64 {
            try await c.transactionCount(of: try Address(parsing: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"))
        }

        /// scan's record → simulate → execute → history show: realised = simulated (same block) = balance change.
        @Test func opportunitySimulatesExecutesAndShowsInHistory() async throws {
            try await Devnet.withSnapshot { c in
                let db = Devnet.tempPath("cli-db") + ".sqlite"
                let id = try await Self.recordSpread(db: db, client: c)
                let sim = try Self.defi(["simulate", id, "--json"], db: db)
                #expect(sim.status == 0, "\(sim.stderr)")
                let s = try Self.json(sim.stdout)["data"]
                #expect(Self.string(s, "engine") == "flash_swap")
                let simulated = try #require(Self.string(s, "profit"))

                let usdc = try ExecutionDevnetTests.token("USDC")
                let owner = try Address(parsing: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
                let before = try await QuoteDevnet.balance(usdc, of: owner, client: c)
                let exe = try Self.defi(["execute", id, "--json"], db: db)
                #expect(exe.status == 0, "\(exe.stderr)")
                let e = try Self.json(exe.stdout)["data"]
                #expect(Self.string(e, "state") == "included")
                let after = try await QuoteDevnet.balance(usdc, of: owner, client: c)
                let realised = try #require(Self.string(e, "realised_profit"))
                #expect(realised == Self.string(e, "simulated_profit"))
                #expect(realised == (after - before).decimalString)
                #expect(realised == simulated)  // nothing moved between the two commands

                let exeID = try #require(Self.string(e, "execution_id"))
                let show = try Self.defi(["history", "show", exeID, "--json"], db: db)
                #expect(show.status == 0, "\(show.stderr)")
                #expect(show.stdout.contains(realised) && show.stdout.contains("included"))
                let store = try HistoryStore(path: db)
                #expect(try store.opportunity(id: id)?.status == .executed)
                // The realised P&L was valued at the inclusion block (AaveOracle) and recorded with its source;
                // `defi pnl` reports it (one execution, one win).
                let pnlRow = try #require(try store.executionPnL(id: exeID))
                #expect(pnlRow.valuationSource.hasPrefix("aave_oracle:"))
                #expect(!(pnlRow.net.hasPrefix("-")) && pnlRow.net != "0")
                let pnl = try Self.defi(["pnl", "--by", "strategy", "--json"], db: db)
                #expect(pnl.status == 0, "\(pnl.stderr)")
                let netText = Units.format(try U256(parsing: pnlRow.net), decimals: pnlRow.quoteDecimals)
                #expect(pnl.stdout.contains("\"net\" : \"\(netText)\""), "\(netText) in \(pnl.stdout)")
            }
        }

        /// The pool moved after the scan: the re-sizing at a fresh block finds nothing, exit 4, no transaction.
        @Test func staleOpportunityIsRefusedWithNothingSent() async throws {
            try await Devnet.withSnapshot { c in
                let db = Devnet.tempPath("cli-db") + ".sqlite"
                let id = try await Self.recordSpread(db: db, client: c)
                // Another trader dumps WETH into venue B's pair: B's price falls below A's and the spread is gone.
                let weth = try ExecutionDevnetTests.token("WETH"),
                    b = try ExecutionDevnetTests.pool("uniswap_v2_b:WETH/USDC")
                let trader = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc"  // anvil account 5
                let amount = U256(400) * U256(1_000_000_000_000_000_000)
                func send(_ to: Address, _ data: [UInt8], value: U256 = .zero) async throws {
                    _ = try await c.call(
                        "eth_sendTransaction",
                        [
                            .object([
                                "from": .string(trader), "to": .string(to.checksummed),
                                "data": .string(Hex.encode(data)),
                                "value": .string(value.hexString), "gas": .string("0x30d40"),
                            ])
                        ])
                }
                try await send(weth, [0xd0, 0xe3, 0x0d, 0xb0], value: amount)
                try await send(
                    weth, [0xa9, 0x05, 0x9c, 0xbb] + [UInt8](repeating: 0, count: 12) + b.bytes + amount.bigEndianBytes)
                try await send(b, [0xff, 0xf6, 0xca, 0xe9])  // sync()
                let nonce = try await Self.nonce(c)
                let r = try Self.defi(["execute", id], db: db)
                #expect(r.status == 4, "\(r.stdout) \(r.stderr)")
                #expect(r.stderr.contains("stale opportunity"))
                #expect(try await Self.nonce(c) == nonce)
                #expect(try HistoryStore(path: db).opportunity(id: id)?.status == .rejected)
            }
        }

        /// The market's gas price is above execution.flash_loan.max_gas_price_gwei: exit 4, nothing sent.
        /// `--engine capital`: the executor trades its own USDC (flash kind none); the profit goes to the owner and
        /// the capital stays in the executor.
        @Test func capitalEngineSpendsTheExecutorsOwnBalance() async throws {
            try await Devnet.withSnapshot { c in
                let db = Devnet.tempPath("cli-db") + ".sqlite"
                let id = try await Self.recordSpread(db: db, client: c)
                let usdc = try ExecutionDevnetTests.token("USDC")
                let executor = try ExecutionDevnetTests.executor
                let capital = U256(50_000_000_000)  // 50,000 USDC, above the route's size
                _ = try await c.call(
                    "eth_sendTransaction",
                    [
                        .object([
                            "from": .string("0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc"),
                            "to": .string(usdc.checksummed),
                            "data": .string(
                                Hex.encode(
                                    [0x40, 0xc1, 0x0f, 0x19] + [UInt8](repeating: 0, count: 12) + executor.bytes
                                        + capital.bigEndianBytes)),
                        ])
                    ])
                let r = try Self.defi(["execute", id, "--engine", "capital", "--json"], db: db)
                #expect(r.status == 0, "\(r.stderr)")
                let e = try Self.json(r.stdout)["data"]
                #expect(Self.string(e, "state") == "included")
                #expect(try await QuoteDevnet.balance(usdc, of: executor, client: c) == capital)
                let exeID = try #require(Self.string(e, "execution_id"))
                let exe = try #require(try HistoryStore(path: db).execution(id: exeID))
                #expect(exe.engine == "capital" && exe.grossProfit == Self.string(e, "realised_profit"))
            }
        }

        @Test func gasPriceAboveTheCapIsRefused() async throws {
            try await Devnet.withSnapshot { c in
                let db = Devnet.tempPath("cli-db") + ".sqlite"
                let id = try await Self.recordSpread(db: db, client: c)
                let cfg = try Self.config(replacing: "max_gas_price_gwei: 100", with: "max_gas_price_gwei: 0.000000001")
                let nonce = try await Self.nonce(c)
                let r = try Self.defi(["execute", id], db: db, config: cfg)
                #expect(r.status == 4, "\(r.stdout) \(r.stderr)")
                #expect(r.stderr.contains("gas price"))
                #expect(try await Self.nonce(c) == nonce)
            }
        }

        /// Today's realised loss already reaches risk.max_daily_loss_usd: exit 4, nothing sent.
        @Test func dailyLossReachedIsRefused() async throws {
            try await Devnet.withSnapshot { c in
                let db = Devnet.tempPath("cli-db") + ".sqlite"
                let id = try await Self.recordSpread(db: db, client: c)
                let store = try HistoryStore(path: db)
                // A losing execution earlier today: -1500 USDC.
                try store.upsertExecution(
                    ExecutionRecord(
                        strategy: "Arbitrage", engine: "flash_swap", createdAt: Date(), state: .included,
                        chainID: 31337,
                        txHash: "0x" + String(repeating: "ab", count: 32), gasUsed: 100_000, effectiveGasPrice: "1",
                        grossProfit: "-1500000000", fees: "100000",
                        profitToken: try ExecutionDevnetTests.token("USDC").checksummed, blockNumber: 1))
                let nonce = try await Self.nonce(c)
                let r = try Self.defi(["execute", id], db: db)
                #expect(r.status == 4, "\(r.stdout) \(r.stderr)")
                #expect(r.stderr.contains("max_daily_loss_usd"))
                #expect(try await Self.nonce(c) == nonce)
            }
        }

        /// Another execute holds the lock: exit 5 at once.
        @Test func concurrentExecuteGetsTheLockExitCode() async throws {
            let db = Devnet.tempPath("cli-db") + ".sqlite"
            _ = try HistoryStore(path: db)
            let lock = try ExecutionLock(path: ExecutionLock.path(forHistory: db))
            defer { lock.release() }
            let r = try Self.defi(["execute", "opp_0000"], db: db)
            #expect(r.status == 5, "\(r.stderr)")
            #expect(r.stderr.contains("holds the lock"))
        }

        /// `--private` without defi.execution.mev.builders: a usage error, nothing sent.
        @Test func privateSendingNeedsBuilders() throws {
            let r = try Self.defi(["execute", "opp_0000", "--private"], db: Devnet.tempPath("cli-db") + ".sqlite")
            #expect(r.status == 2, "\(r.stderr)")
            #expect(r.stderr.contains("no builders configured"))
        }

        /// `--private` through the stand-in relay (devnet/stubs/relay.py checks the X-Flashbots-Signature and the
        /// params, simulates, then lands the bundle): the flash-swap plan is simulated by the relay, sent as a
        /// one-transaction bundle, included, and its realised profit recorded; the public mempool never saw it
        /// before inclusion (only the relay submitted it).
        @Test func privateSendingGoesThroughTheRelay() async throws {
            try await Devnet.withSnapshot { c in
                let relay = try StubServer("relay.py", arguments: [Devnet.url ?? ""])
                let db = Devnet.tempPath("cli-db") + ".sqlite"
                let plan = try await ExecutionDevnetTests.flashSwapPlan(c)
                let path = Devnet.tempPath("plan") + ".json"
                try plan.json.write(toFile: path, atomically: true, encoding: .utf8)
                let cfg = try Self.config(
                    replacing: "    capital: {max_allocation_pct: 50}",
                    with: "    capital: {max_allocation_pct: 50}\n"
                        + "    mev: {builders: [\"\(relay.url)\"], auth_key: \"env:DEFI_TEST_RELAY_KEY\"}")
                let nonce = try await Self.nonce(c)
                // The relay identity is a throwaway key, never the trading key.
                let relayKey = "0x" + String(repeating: "5a", count: 32)
                let r = try Self.defi(
                    ["execute", path, "--private", "--json"], db: db, config: cfg,
                    env: ["DEFI_TEST_RELAY_KEY": relayKey])
                #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
                #expect(try await Self.nonce(c) == nonce + 1)
                let log = try relay.log()
                let methods = (log["requests"] as? [[String: Any]] ?? []).compactMap { $0["method"] as? String }
                #expect(methods.contains("eth_callBundle") && methods.contains("eth_sendBundle"), "\(methods)")
                let bundles = log["bundles"] as? [[String: Any]] ?? []
                #expect(!bundles.isEmpty)
                let exe = try HistoryStore(path: db).listExecutions()
                #expect(exe.count == 1 && exe[0].state == .included, "\(exe)")
            }
        }

        /// Killed right after the broadcast returned: the transaction is mined but the run never recorded it. The next
        /// execute of the same plan reconciles it (history gets the realised result) and does not send again.
        @Test func killedAfterBroadcastIsReconciledAndNotSentAgain() async throws {
            try await Devnet.withSnapshot { c in
                let db = Devnet.tempPath("cli-db") + ".sqlite"
                let plan = try await ExecutionDevnetTests.flashSwapPlan(c)
                let path = Devnet.tempPath("plan") + ".json"
                try plan.json.write(toFile: path, atomically: true, encoding: .utf8)
                let nonce = try await Self.nonce(c)
                let first = try Self.defi(["execute", path], db: db, env: ["DEFI_TEST_EXIT_AT": "broadcast"])
                #expect(first.status == 86, "\(first.stdout) \(first.stderr)")
                #expect(try await Self.nonce(c) == nonce + 1)
                let store = try HistoryStore(path: db)
                let open = try store.listExecutions()
                #expect(open.count == 1 && open[0].state == .journaled && open[0].txHash != nil)

                let second = try Self.defi(["execute", path, "--json"], db: db)
                #expect(second.status == 4, "\(second.stdout) \(second.stderr)")  // the spread is gone now
                #expect(try await Self.nonce(c) == nonce + 1)  // nothing new was sent
                let done = try #require(try store.execution(id: open[0].id))
                #expect(done.state == .included && done.grossProfit != nil && done.grossProfit != "0")
                let realised = try store.executionDeltas(id: done.id, source: "realised")
                #expect(realised.contains { $0.token == (try? ExecutionDevnetTests.token("USDC"))?.checksummed })
            }
        }

        /// The flash-swap plan priced at the deployment block 147 (reserves of the planted spread).
        static let plan147 = #"""
            {
              "schema": "defi.plan/1",
              "chain_id": "31337",
              "executor": "0x1429859428C0aBc9C2C47C8Ee9FBaf82cFA0F20f",
              "strategy": {
                "name": "Arbitrage"
              },
              "flash": {
                "kind": "uniswap_v2_flash_swap",
                "lender": "0x57702E47f167177202d7C54E7602c1A2Dee9Ee9F",
                "asset": "0x5FbDB2315678afecb367f032d93F642f64180aa3",
                "amount": "19733994106400553836",
                "asset_is_token1": false,
                "repay_token": "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
                "fee_bps": "30"
              },
              "profit_token": "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
              "min_profit": "1",
              "payload": {
                "type": "arbitrage",
                "hops": [
                  {
                    "kind": "uniswap_v2",
                    "pool": "0x2CC141d3F5151c5Cd457688E2422Ff39e0624eF1",
                    "token_in": "0x5FbDB2315678afecb367f032d93F642f64180aa3",
                    "token_out": "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
                    "extra": "30"
                  }
                ]
              }
            }
            """#

        /// Lines that depend on the market's current fee (the pinned block is fixed, the fee quote is live).
        static func normalized(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                if line.hasPrefix("  gas estimate") { return String(line.prefix { $0 != "," }) + ", <fees>" }
                if line.hasPrefix("  net after gas") { return "  net after gas <fees>" }
                return String(line)
            }.joined(separator: "\n")
        }

        @Test func simulateGoldenHumanAndJSONAtTheDeploymentBlock() throws {
            let db = Devnet.tempPath("cli-db") + ".sqlite"
            let path = Devnet.tempPath("plan") + ".json"
            try Self.plan147.write(toFile: path, atomically: true, encoding: .utf8)
            let human = try Self.defi(["simulate", path, "--block", "147", "--color", "never"], db: db)
            #expect(human.status == 0, "\(human.stderr)")
            #expect(
                Self.normalized(human.stdout) == """
                    simulate \(path) at block 147: success, profitable
                      from 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 to 0x1429859428C0aBc9C2C47C8Ee9FBaf82cFA0F20f
                      profit 78174402 [78.174402 USDC]
                      gas estimate 307394, <fees>
                      net after gas <fees>
                    HOLDER  TOKEN  CHANGE
                    sender  USDC   78174402 [+78.174402 USDC]

                    """)
            let json = try Self.defi(["simulate", path, "--block", "147", "--json"], db: db)
            #expect(json.status == 0)
            let d = try Self.json(json.stdout)["data"]
            let expected: [String: String] = [
                "block_number": "147", "from": "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                "to": "0x1429859428C0aBc9C2C47C8Ee9FBaf82cFA0F20f", "profit": "78174402",
                "profit_token": "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", "gas_estimate": "307394",
                "gas_limit": "368872", "flash_kind": "uniswap_v2_flash_swap",
            ]
            for (k, v) in expected { #expect(Self.string(d, k) == v, "\(k)") }
            #expect(d?["success"] == .bool(true) && d?["profitable"] == .bool(true))
            #expect(
                Self.string(d?["deltas"].flatMap { if case .array(let a) = $0 { a.first } else { nil } }, "delta")
                    == "78174402")
            #expect(Self.string(d, "calldata")?.hasPrefix("0x548913ad") == true)
        }

        @Test func executeDryRunStopsAfterTheSimulation() async throws {
            let c = try Devnet.client()
            let db = Devnet.tempPath("cli-db") + ".sqlite"
            let path = Devnet.tempPath("plan") + ".json"
            try Self.plan147.write(toFile: path, atomically: true, encoding: .utf8)
            let nonce = try await Self.nonce(c)
            let r = try Self.defi(["execute", path, "--dry-run", "--block", "147", "--color", "never"], db: db)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.hasPrefix("dry run: simulated at block "))
            #expect(r.stdout.contains("  profit 78174402 [78.174402 USDC]\n"))
            #expect(try await Self.nonce(c) == nonce)
            #expect(try HistoryStore(path: db).listExecutions().isEmpty)
        }
    }
}
