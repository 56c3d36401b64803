import ArgumentParser
import DeFiCore

/// `defi config show`: the effective configuration, secrets redacted, with each value's source.
struct ConfigShow: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the effective configuration (YAML, or --json / --csv) with secrets redacted.",
        discussion: "Each value is annotated with its source: default, file, env:<VAR> or flag:<--flag>.")

    @OptionGroup var rpc: RPCOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let loaded = try ConfigLoader.load(configOptions.request(rpc: rpc))
        try Renderer(display: display).emit(ConfigShowReport(loaded))
    }
}
