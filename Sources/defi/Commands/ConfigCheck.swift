import ArgumentParser
import DeFiCore

/// `defi config check`: validate the configuration; exit 0 when valid, 2 when not.
struct ConfigCheck: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the configuration (file, env and flags); exit 0 or 2.")

    @OptionGroup var rpc: RPCOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let loaded = try ConfigLoader.load(configOptions.request(rpc: rpc))
        if loaded.file == nil { Diagnostics.shared.info("no defi.yaml found; using defaults") }
        try Renderer(display: display).emit(ConfigCheckReport(loaded))
    }
}
