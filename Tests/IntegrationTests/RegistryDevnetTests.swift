import Chain
import Execution
import Foundation
import History
import Primitives
import Testing

/// `deploy executor`, `register-strategy` (deploy + register), `--list`, `--remove` and the non-owner refusal on
/// the devnet. Each test deploys its own executor from a fresh funded key, so it only adds state nobody else sees
/// (no snapshot/revert needed, no shared nonces).
@Suite(.enabled(if: Devnet.available, Devnet.reason)) struct RegistryDevnetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let artifacts = root.appendingPathComponent("contracts/build").path

    func freshKey(_ client: RPCClient) async throws -> PrivateKey {
        var rng = SystemRandomNumberGenerator()
        let key = try PrivateKey(bytes: (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) })
        _ = try await client.call(
            "anvil_setBalance",
            [.string(try Address(bytes: key.addressBytes).lowercaseHex), .string("0x56bc75e2d63100000")])
        return key
    }

    func context(_ key: PrivateKey, client: RPCClient, history: HistoryStore, dryRun: Bool = false) -> RegistryContext {
        RegistryContext(
            client: client, chainID: 31337, history: history, signer: LocalSigner(key: key, source: "test"),
            dryRun: dryRun, receiptTimeout: .seconds(60), pollInterval: .milliseconds(50))
    }

    @Test func deployExecutorThenRegisterListRemoveAndRefuseANonOwner() async throws {
        let client = try Devnet.client()
        let owner = try await freshKey(client)
        let ownerAddress = try Address(bytes: owner.addressBytes)
        let history = try HistoryStore(path: Devnet.tempPath("registry"))
        let config = Devnet.tempPath("defi") + ".yaml"
        try "defi:\n  chain: devnet  # a comment\n  risk: {max_daily_loss_usd: 5}\n".write(
            toFile: config, atomically: true, encoding: .utf8)

        // A dry run deploys nothing.
        let n0 = try await client.transactionCount(of: ownerAddress)
        let dry = try await StrategyRegistryService.deployExecutor(
            artifactsDir: Self.artifacts, configFile: nil,
            context: context(owner, client: client, history: history, dryRun: true))
        #expect(dry.steps.filter { $0.status == "simulated" }.count == 3)
        #expect(try await client.transactionCount(of: ownerAddress) == n0)

        // deploy executor: three contracts, both strategies wired and registered, config written.
        let deployed = try await StrategyRegistryService.deployExecutor(
            artifactsDir: Self.artifacts, configFile: config, context: context(owner, client: client, history: history))
        let executor = try #require(deployed.deployed["FlashLoans"])
        #expect(deployed.executor == executor)
        #expect(try await StrategyRegistryService.owner(of: executor, client: client) == ownerAddress)
        for name in ["Arbitrage", "Liquidator"] {
            let strategy = try #require(deployed.deployed[name])
            #expect(
                try await StrategyRegistryService.strategy(
                    RegistryCalls.strategyID(name), executor: executor, client: client) == strategy)
            guard case .success(let w) = try await client.call(CallRequest(to: strategy, data: RegistryCalls.executor))
            else {
                Issue.record("executor() failed")
                continue
            }
            #expect(RegistryCalls.address(word: w) == executor)
        }
        #expect(deployed.entries.map(\.status) == ["registered", "registered"])
        let written = try String(contentsOfFile: config, encoding: .utf8)
        #expect(written.contains("contract_address: \"\(executor.checksummed)\""), "\(written)")
        #expect(written.contains("max_daily_loss_usd: 5"))

        // register-strategy --deploy: a second Arbitrage under another name.
        let reg = try await StrategyRegistryService.register(
            name: "ArbitrageB", address: nil,
            artifact: try ContractArtifact.load(path: Self.artifacts + "/Arbitrage.json"), executor: executor,
            context: context(owner, client: client, history: history))
        #expect(reg.steps.map(\.action) == ["deploy Arbitrage", "setExecutor", "registerStrategy"])
        #expect(reg.steps.allSatisfy { $0.status == "included" && $0.txHash != nil })
        let b = try #require(reg.deployed["Arbitrage"])
        #expect(
            try await StrategyRegistryService.strategy(
                RegistryCalls.strategyID("ArbitrageB"), executor: executor, client: client) == b)
        let record = try #require(try history.listStrategies(chainID: 31337).first { $0.name == "ArbitrageB" })
        #expect(record.address == b.checksummed && record.executor == executor.checksummed && record.active)
        #expect(record.txHash == reg.steps.last?.txHash?.description)
        // Journaled before broadcast: every sent transaction is in the history journal.
        for s in reg.steps { #expect(try history.transaction(hash: s.txHash?.description ?? "none") != nil) }

        // Registering the same again is idempotent on chain (skipped).
        let again = try await StrategyRegistryService.register(
            name: "ArbitrageB", address: b, artifact: nil, executor: executor,
            context: context(owner, client: client, history: history))
        #expect(again.steps.map(\.status) == ["skipped", "skipped"])

        // --list: on-chain next to history.
        let list = try await StrategyRegistryService.list(
            executor: executor, context: context(owner, client: client, history: history))
        #expect(list.map(\.name) == ["Arbitrage", "Liquidator", "ArbitrageB"])
        #expect(list.allSatisfy { $0.status == "registered" })

        // A non-owner is refused before anything is sent.
        let stranger = try await freshKey(client)
        let strangerAddress = try Address(bytes: stranger.addressBytes)
        let strangerHistory = try HistoryStore(path: Devnet.tempPath("registry-stranger"))
        await #expect {
            _ = try await StrategyRegistryService.register(
                name: "Evil", address: b, artifact: nil, executor: executor,
                context: context(stranger, client: client, history: strangerHistory))
        } throws: { e in (e as? RegistryError)?.exitCode == .refused }
        await #expect {
            _ = try await StrategyRegistryService.remove(
                name: "ArbitrageB", executor: executor,
                context: context(stranger, client: client, history: strangerHistory))
        } throws: { e in (e as? RegistryError)?.exitCode == .refused }
        #expect(try await client.transactionCount(of: strangerAddress) == 0)
        #expect(try strangerHistory.transactions(chainID: 31337, sender: strangerAddress.checksummed).isEmpty)
        #expect(try strangerHistory.transactions(chainID: 31337, sender: strangerAddress.lowercaseHex).isEmpty)
        #expect(try strangerHistory.listStrategies().isEmpty)

        // --remove: gone on chain, inactive in history.
        let removed = try await StrategyRegistryService.remove(
            name: "ArbitrageB", executor: executor, context: context(owner, client: client, history: history))
        #expect(removed.steps.first?.status == "included")
        #expect(
            try await StrategyRegistryService.strategy(
                RegistryCalls.strategyID("ArbitrageB"), executor: executor, client: client) == nil)
        #expect(try history.listStrategies(chainID: 31337).first { $0.name == "ArbitrageB" }?.active == false)
        #expect(removed.entries.first { $0.name == "ArbitrageB" }?.status == "removed")
        // Removing an unknown strategy is refused (exit 4), nothing sent.
        let before = try await client.transactionCount(of: ownerAddress)
        await #expect {
            _ = try await StrategyRegistryService.remove(
                name: "ArbitrageB", executor: executor, context: context(owner, client: client, history: history))
        } throws: { e in (e as? RegistryError)?.exitCode == .refused }
        #expect(try await client.transactionCount(of: ownerAddress) == before)
    }

    @Test func aGasPriceAboveTheCapIsRefusedBeforeJournaling() async throws {
        let client = try Devnet.client()
        let owner = try Devnet.key(0)
        let history = try HistoryStore(path: Devnet.tempPath("registry-cap"))
        var ctx = context(owner, client: client, history: history)
        ctx.maxGasPrice = U256(1)
        let executor = try Devnet.address("executor", "address")
        let arb = try Devnet.address("executor", "strategies", "Arbitrage", "address")
        await #expect {
            _ = try await StrategyRegistryService.register(
                name: "CapTest", address: arb, artifact: nil, executor: executor, context: ctx)
        } throws: { e in
            (e as? RegistryError)?.exitCode == .refused && "\(e)".contains("exceeds the cap")
        }
        #expect(try history.transactions(chainID: 31337, sender: owner.address.checksummed).isEmpty)
        #expect(try history.transactions(chainID: 31337, sender: owner.address.lowercaseHex).isEmpty)
        #expect(
            try await StrategyRegistryService.strategy(
                RegistryCalls.strategyID("CapTest"), executor: executor, client: client) == nil)
    }

    /// The built binary on the devnet: `--dry-run --json`, a non-owner's exit 4 with nothing sent, and `--list`.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: RegistryDevnetTests.binary), "build defi first"))
    func cliDryRunNonOwnerAndList() async throws {
        let client = try Devnet.client()
        let executor = try Devnet.address("executor", "address")
        let stranger = try await freshKey(client)
        let strangerAddress = try Address(bytes: stranger.addressBytes)
        let keyFile = Devnet.tempPath("key")
        try Hex.encode(stranger.secretBytes).write(toFile: keyFile, atomically: true, encoding: .utf8)
        chmod(keyFile, 0o600)
        let arb = try Devnet.address("executor", "strategies", "Arbitrage", "address")
        let common = ["--rpc-url", Devnet.url ?? "", "--executor", executor.checksummed, "--db", Devnet.tempPath("db")]

        let refused = try Self.run(
            ["register-strategy", "Mine", arb.checksummed, "--private-key-file", keyFile] + common)
        #expect(refused.status == 4, "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.hasPrefix("error: the signer \(strangerAddress) is not the owner of the executor"))
        #expect(try await client.transactionCount(of: strangerAddress) == 0)

        let owner = try Devnet.key(0)
        let ownerFile = Devnet.tempPath("owner")
        try Hex.encode(owner.secretBytes).write(toFile: ownerFile, atomically: true, encoding: .utf8)
        chmod(ownerFile, 0o600)
        let ownerAddress = try Address(bytes: owner.addressBytes)
        let n = try await client.transactionCount(of: ownerAddress)
        let dry = try Self.run(
            ["register-strategy", "ArbAlias", arb.checksummed, "--private-key-file", ownerFile, "--dry-run", "--json"]
                + common)
        #expect(dry.status == 0, "\(dry.stderr)")
        let data = try #require(
            (try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any])?["data"] as? [String: Any]
        )
        #expect(data["dry_run"] as? Bool == true)
        let steps = try #require(data["steps"] as? [[String: Any]])
        // Arbitrage already points at the executor, so only the registration is simulated.
        #expect(steps.map { $0["action"] as? String } == ["setExecutor", "registerStrategy"])
        #expect(steps.map { $0["status"] as? String } == ["skipped", "simulated"])
        #expect(try await client.transactionCount(of: ownerAddress) == n)

        // The human form, golden (addresses from deployment.json; the devnet registers exactly these two).
        let liq = try Devnet.address("executor", "strategies", "Liquidator", "address")
        let human = try Self.run(["register-strategy", "--list", "--color", "never"] + common)
        #expect(human.status == 0)
        let a = RegistryCalls.strategyID("Arbitrage").description.prefix(10)
        let l = RegistryCalls.strategyID("Liquidator").description.prefix(10)
        // Exact when the shared devnet still has only its two strategies (another suite may have added one).
        let onChain = try await StrategyRegistryService.list(
            executor: executor,
            context: context(stranger, client: client, history: try HistoryStore(path: Devnet.tempPath("h"))))
        #expect(
            onChain.count != 2
                || human.stdout == """
                    list on executor \(executor.checksummed) (chain 31337)
                    NAME        ID           ON-CHAIN                                    HISTORY  STATUS
                    Arbitrage   \(a)…  \(arb.checksummed)  -        not in history
                    Liquidator  \(l)…  \(liq.checksummed)  -        not in history

                    """
        )
        let list = try Self.run(["register-strategy", "--list", "--csv"] + common)
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.first == "name,id,on_chain,recorded,status")
        #expect(
            lines.contains { $0.hasPrefix("Arbitrage,\(RegistryCalls.strategyID("Arbitrage")),\(arb.checksummed),") })
    }

    static var binary: String {
        ProcessInfo.processInfo.environment["DEFI_BIN"] ?? root.appendingPathComponent(".build/debug/defi").path
    }

    static func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("DEFI_") && !$0.key.hasPrefix("ETH_")
        }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
