import ArgumentParser

/// `defi config`: the effective configuration.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show or check the effective configuration.",
        subcommands: [ConfigShow.self, ConfigCheck.self])
}
