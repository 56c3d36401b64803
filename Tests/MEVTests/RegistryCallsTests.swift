import Chain
import DeFiCore
import Execution
import Foundation
import Primitives
import TestSupport
import Testing

@Suite("Registry calldata, artifacts, config writing, relay key loading")
struct RegistryCallsTests {
    // Selectors and topics computed with eth_utils.keccak (eth-hash, pycryptodome).
    @Test func calldataMatchesTheContractABI() throws {
        let id = RegistryCalls.strategyID("Arbitrage")
        #expect(id.description == "0x79ecca47559729bccdbc8e165e6d45d20e5588f5fa95f89a3f5d14b79b7a007b")
        let a = try Address(parsing: "0xcbEAF3BDe82155F56486Fb5a1072cb8baAf547cc")
        let reg = RegistryCalls.registerStrategy(id: id, strategy: a)
        #expect(Hex.encode(reg.prefix(4)) == "0x60c0c1b4")
        #expect(reg.count == 68 && Array(reg[4..<36]) == id.bytes && Array(reg[48...]) == a.bytes)
        #expect(Hex.encode(RegistryCalls.removeStrategy(id: id).prefix(4)) == "0xf6e9016c")
        #expect(Hex.encode(RegistryCalls.setExecutor(a).prefix(4)) == "0x1c3c0ea8")
        #expect(Hex.encode(RegistryCalls.owner) == "0x8da5cb5b")
        #expect(Hex.encode(RegistryCalls.executor) == "0xc34c08e5")
        #expect(Hex.encode(RegistryCalls.strategies(id).prefix(4)) == "0x3ff34eb9")
        #expect(
            RegistryCalls.registeredTopic.description
                == "0x6a094453fcbb576907f7846dcb4a40800aea2d52fd993400e2b67c3313da87ff")
        #expect(RegistryCalls.address(word: [UInt8](repeating: 0, count: 12) + a.bytes) == a)
        #expect(RegistryCalls.address(word: [1] + [UInt8](repeating: 0, count: 11) + a.bytes) == nil)
    }

    @Test func committedArtifactsLoadWithTheirFunctions() throws {
        let dir = Fixtures.repoRoot.appendingPathComponent("contracts/build")
        let executor = try ContractArtifact.load(path: dir.appendingPathComponent("FlashLoans.json").path)
        #expect(executor.name == "FlashLoans")
        #expect(executor.has("registerStrategy") && executor.has("removeStrategy") && executor.has("strategies"))
        #expect(!executor.has("setExecutor") && !executor.constructorTakesArguments)
        let arb = try ContractArtifact.load(path: dir.appendingPathComponent("Arbitrage.json").path)
        #expect(arb.has("setExecutor") && !arb.bytecode.isEmpty)
        #expect(throws: RegistryError.self) {
            try ContractArtifact.load(path: dir.appendingPathComponent("none.json").path)
        }
    }

    @Test func configFileWriterKeepsOtherKeys() throws {
        let path = NSTemporaryDirectory() + "defi-mev-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
        defi:
          chain: devnet   # comment
          chains:
            devnet: {chain_id: 31337, rpc_urls: ["http://127.0.0.1:8545"]}
          execution:
            flash_loan: {max_gas_price_gwei: 100}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let executor = try Address(parsing: "0x1429859428C0aBc9C2C47C8Ee9FBaf82cFA0F20f")
        try ConfigFileWriter.setExecutor(executor, in: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let c = try ConfigValidator().validate(try ConfigYAML.parse(text, path: path))
        #expect(c.flashLoan.contractAddress == executor.checksummed)
        #expect(c.flashLoan.maxGasPriceGwei.description == "100")
        #expect(c.chains["devnet"]?.rpcURLs == ["http://127.0.0.1:8545"] && c.chain == "devnet")
        // A new file is created.
        let fresh = path + ".new"
        defer { try? FileManager.default.removeItem(atPath: fresh) }
        try ConfigFileWriter.setExecutor(executor, in: fresh)
        #expect(
            try String(contentsOfFile: fresh, encoding: .utf8)
                == "defi:\n  execution:\n    flash_loan:\n      contract_address: \"\(executor.checksummed)\"\n")
    }

    @Test func broadcasterFromConfig() throws {
        let key = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"
        let config = MEVConfig(builders: ["https://relay.example/k/secret123", "http://b"], authKey: "env:K")
        let b = try FlashbotsBroadcaster(config: config, environment: ["K": key])
        #expect(b.builders.map(\.url) == config.builders)
        #expect(
            b.builders.allSatisfy { $0.authSigner.address.checksummed == "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" })
        #expect(b.blocks == 2)
        #expect(throws: UtilityError.self) {
            try FlashbotsBroadcaster(config: MEVConfig(authKey: "env:K"), environment: ["K": key])
        }
    }

    @Test func relayKeyComesFromTheNamedVariableOnly() throws {
        let key = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"
        let s = try MEVAuth.signer(MEVConfig(authKey: "env:RELAY_KEY"), environment: ["RELAY_KEY": key])
        #expect(s.address.checksummed == "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
        // The trading key's variable is not a fallback.
        #expect(throws: UtilityError.self) {
            try MEVAuth.signer(MEVConfig(authKey: "env:RELAY_KEY"), environment: ["DEFI_PRIVATE_KEY": key])
        }
        #expect(throws: UtilityError.self) { try MEVAuth.signer(MEVConfig(), environment: ["DEFI_PRIVATE_KEY": key]) }
        do {
            _ = try MEVAuth.signer(MEVConfig(authKey: "env:RELAY_KEY"), environment: ["RELAY_KEY": "0xnothex" + key])
        } catch { #expect(!"\(error)".contains(String(key.dropFirst(2)))) }
    }
}
