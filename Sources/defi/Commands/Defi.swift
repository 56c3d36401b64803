import ArgumentParser
import DeFiCore

/// `defi`: the root command. Its discussion carries the exit codes and env vars into `--help` and `man defi`.
struct Defi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "defi",
        abstract: "Find, price, simulate, execute and account for on-chain trades on EVM chains.",
        discussion: discussion,
        version: DefiVersion.current,
        subcommands: [
            Scan.self, Quote.self, Simulate.self, Execute.self, Liquidate.self, PnL.self, RegisterStrategy.self, DeployCommand.self,
            WalletCommand.self, ABICommand.self, TxCommand.self, ConfigCommand.self, HistoryCommand.self,
            KeccakAlias.self,
        ])

    static var discussion: String {
        let codes = DeFiCore.ExitCode.allCases.map { "  \($0.rawValue)  \($0.meaning)" }.joined(separator: "\n")
        let env = EnvironmentOverride.all.map { "  \($0.variable) -> defi.\($0.keyPath.joined(separator: "."))" }
            .joined(separator: "\n")
        return """
            Results go to stdout (a table, --csv, or one --json envelope); logs, warnings and progress go to stderr.

            EXIT CODES:
            \(codes)

            ENVIRONMENT (flags override these; these override defi.yaml):
            \(env)
              DEFI_CONFIG -> the config file (like --config)
              DEFI_PASSWORD, DEFI_PRIVATE_KEY -> signer secrets (never a plain flag)
              NO_COLOR -> no colour with --color auto
            """
    }
}
