import ArgumentParser
import DeFiCore
import Foundation

/// `--config`, `--db`: which configuration file and history store to use.
struct ConfigOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The config file; else DEFI_CONFIG, ./defi.yaml, $XDG_CONFIG_HOME/defi/defi.yaml, ~/.config/defi/defi.yaml.",
        valueName: "path"), completion: .file(extensions: ["yaml", "yml"]))
    var config: String?

    @Option(help: ArgumentHelp("The history database; falls back to DEFI_DB, then defi.history.db.", valueName: "path"),
            completion: .file())
    var db: String?

    /// The load request for this process, with the RPC flags when the command has them.
    func request(rpc: RPCOptions? = nil) -> ConfigRequest {
        var flags = rpc?.flagOverrides ?? []
        if let db { flags.append(FlagOverride(flag: "--db", keyPath: ["history", "db"], value: db)) }
        return ConfigRequest(
            explicitPath: config, flags: flags, environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            homeDirectory: ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory())
    }
}

extension ConfigOptions {
    /// The history store path: --db, DEFI_DB, defi.history.db in the config, else the default path.
    func historyPath() throws -> String {
        let loaded = try ConfigLoader.load(request())
        return HistoryQuery.path(configured: loaded.config.historyDB, environment: ProcessInfo.processInfo.environment)
    }
}
