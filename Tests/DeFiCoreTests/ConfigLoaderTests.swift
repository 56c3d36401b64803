import Foundation
import Testing

@testable import DeFiCore

@Suite struct ConfigLoaderTests {
    func request(env: [String: String] = [:], flags: [FlagOverride] = [], explicit: String? = nil) -> ConfigRequest {
        ConfigRequest(
            explicitPath: explicit, flags: flags, environment: env, currentDirectory: "/nonexistent-cwd",
            homeDirectory: "/nonexistent-home")
    }

    @Test func precedenceIsFlagThenEnvThenFileThenDefault() throws {
        let file = try ConfigYAML.parse("defi: {rpc_url: \"http://file\", risk: {max_position_count: 3}}", path: "f")
        let env = ["ETH_RPC_URL": "http://env", "DEFI_MAX_DAILY_LOSS_USD": "5"]
        let flag = FlagOverride(flag: "--rpc-url", keyPath: ["rpc_url"], value: "http://flag")

        let a = try ConfigLoader.merge(file: "f", tree: file, request: request())
        #expect(a.config.rpcURL == "http://file")
        #expect(a.sources["defi.rpc_url"] == .file)
        #expect(a.sources["defi.risk.max_position_count"] == .file)
        #expect(a.sources["defi.risk.var_confidence"] == .defaultValue)

        let b = try ConfigLoader.merge(file: "f", tree: file, request: request(env: env))
        #expect(b.config.rpcURL == "http://env")
        #expect(b.sources["defi.rpc_url"] == .environment("ETH_RPC_URL"))
        #expect(b.config.risk.maxDailyLossUSD.description == "5")

        let c = try ConfigLoader.merge(file: "f", tree: file, request: request(env: env, flags: [flag]))
        #expect(c.config.rpcURL == "http://flag")
        #expect(c.sources["defi.rpc_url"] == .flag("--rpc-url"))
    }

    @Test func theOnlyChainIsTheDefaultAndItsFirstURLTheEndpoint() throws {
        let file = try ConfigYAML.parse(
            "defi: {chains: {devnet: {chain_id: 31337, rpc_urls: [\"http://127.0.0.1:8545\"]}}}", path: "f")
        let loaded = try ConfigLoader.merge(file: "f", tree: file, request: request())
        #expect(loaded.config.chain == "devnet")
        #expect(loaded.config.rpcURL == "http://127.0.0.1:8545")
    }

    @Test func aChainMustBeOneOfTheConfiguredChains() throws {
        let file = try ConfigYAML.parse("defi: {chains: {devnet: {chain_id: 31337}, base: {chain_id: 8453}}}", path: "f")
        let flag = FlagOverride(flag: "--chain", keyPath: ["chain"], value: "mainet")
        #expect(throws: ConfigError.invalidValue(
            path: "defi.chain", expected: "one of base, devnet", got: "\"mainet\"", origin: "--chain")) {
            try ConfigLoader.merge(file: "f", tree: file, request: request(flags: [flag]))
        }
    }

    @Test func historyDBDefaultsUnderXDGDataHome() throws {
        let loaded = try ConfigLoader.merge(
            file: nil, tree: .emptyMapping, request: request(env: ["XDG_DATA_HOME": "/data"]))
        #expect(loaded.config.historyDB == "/data/defi/history.sqlite")
        #expect(loaded.sources["defi.history.db"] == .defaultValue)
    }

    @Test func missingExplicitFileIsAnError() {
        #expect(throws: ConfigError.fileNotFound(path: "/no/such.yaml")) {
            try ConfigLoader.locate(request(explicit: "/no/such.yaml"))
        }
        #expect(throws: ConfigError.fileNotFound(path: "/no/env.yaml")) {
            try ConfigLoader.locate(request(env: ["DEFI_CONFIG": "/no/env.yaml"]))
        }
    }

    @Test func noFileAnywhereIsFine() throws {
        #expect(try ConfigLoader.locate(request()) == nil)
    }

    @Test func exitCodesAreStable() {
        #expect(DeFiCore.ExitCode.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 5, 6, 7, 8])
        #expect(NotAvailableError(command: "defi scan").description == "error: defi scan is not yet available in this build")
    }
}
