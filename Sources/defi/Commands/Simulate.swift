import ArgumentParser
import DeFiCore
import Execution
import Foundation

/// `defi simulate`: run a plan or transaction against one block without sending it.
struct Simulate: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate an opportunity, a plan file, or a raw or unsigned transaction.",
        discussion: "Exits 4 when the simulation reverts or the result is unprofitable.")

    @Argument(help: "An opportunity id from history, a plan file, or a raw/unsigned transaction (0x…).",
              completion: .file(extensions: ["json"]))
    var target: String

    @Option(help: ArgumentHelp("State overrides to apply (eth_call format).", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var stateOverride: String?

    @Option(help: ArgumentHelp("The sender (default: the executor's owner; the signer of a raw transaction).",
                               valueName: "address"))
    var from: String?

    @Option(help: "How to fund an opportunity.")
    var engine: EngineChoice = .auto

    @OptionGroup var rpc: RPCOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let loaded = try ConfigLoader.load(configOptions.request(rpc: rpc))
        let request = try ExecutionRequest(
            target: ExecutionTarget.parse(target), engine: engine, block: BlockOption.parse(rpc.block),
            overrides: stateOverride.map { try StateOverrideFile.parse(InputFile.read($0)) } ?? [:],
            from: from.map { try AddressOption.parse($0, flag: "--from") })
        let setup = try await ExecutionSetup(config: loaded.config, historyPath: try configOptions.historyPath())
        let result = try await ExecutionService.simulate(request, setup: setup)
        try Renderer(display: display).emit(SimulationReport(result: result, names: TokenNames(config: loaded.config)))
        if !result.profitable {
            Diagnostics.shared.error(label: "refused", message: result.plan?.refusal
                ?? result.raw?.revertReason.map { "the transaction reverts: \($0)" }
                ?? result.skipped.first ?? "no profitable funding option", hint: nil)
            throw ArgumentParser.ExitCode(DeFiCore.ExitCode.refused.rawValue)
        }
    }
}
