import ArgumentParser
import Chain
import DeFiCore
import Execution
import Foundation
import Primitives

/// `defi execute`: simulate, risk-check, sign and send a plan.
struct Execute: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        abstract: "Execute an opportunity or plan: simulate, check risk caps, sign, send, and wait.",
        discussion: """
            Exits 4 when refused (reverted, unprofitable, or over a risk cap), 5 when another run holds the lock.
            """)

    @Argument(help: "An opportunity id from history, or a plan file.", completion: .file(extensions: ["json"]))
    var target: String

    @Flag(help: "Do everything except broadcast.")
    var dryRun = false

    @Option(help: "How to fund the trade.")
    var engine: EngineChoice = .auto

    @Flag(help: "Send privately (a bundle to a builder) instead of the public mempool.")
    var `private` = false

    @Option(help: "Blocks to wait for after inclusion.")
    var confirmations = 1

    @Option(help: ArgumentHelp("Give up if not included within this many seconds.", valueName: "seconds"))
    var deadline: Int?

    @OptionGroup var signer: SignerOptions
    @OptionGroup var rpc: RPCOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        if `private` { throw PrivateBroadcast.unavailable }
        let loaded = try ConfigLoader.load(configOptions.request(rpc: rpc))
        let request = ExecutionRequest(
            target: try ExecutionTarget.parse(target), engine: engine, block: try BlockOption.parse(rpc.block),
            dryRun: dryRun, confirmations: UInt64(max(0, confirmations)), deadlineSeconds: deadline ?? 120)
        let key = try signer.privateKey()
        let setup = try await ExecutionSetup(config: loaded.config, historyPath: try configOptions.historyPath())
        let outcome = try await ExecutionService.execute(
            request, setup: setup, signer: LocalSigner(key: key, source: "defi execute"), checkpoint: CrashHook.fromEnvironment())
        try Renderer(display: display).emit(
            ExecutionReport(outcome: outcome, names: TokenNames(config: loaded.config), dryRun: dryRun))
        if outcome.state == .reverted {
            Diagnostics.shared.error(label: "error", message: "the transaction reverted on-chain", hint: nil)
            throw ArgumentParser.ExitCode(DeFiCore.ExitCode.failure.rawValue)
        }
        if outcome.state == .pending || outcome.state == .broadcast {
            Diagnostics.shared.warning("not included before the deadline; the next run reconciles it")
            throw ArgumentParser.ExitCode(DeFiCore.ExitCode.partialFailure.rawValue)
        }
    }
}

/// A test hook: `DEFI_TEST_EXIT_AT=journaled|broadcast` makes `execute` exit (code 86) right after that point, as a
/// process killed there would; only integration tests set it.
enum CrashHook {
    static func fromEnvironment() -> (@Sendable (SendCheckpoint, JournalEntry) -> Void)? {
        guard let at = ProcessInfo.processInfo.environment["DEFI_TEST_EXIT_AT"] else { return nil }
        return { point, _ in
            if (at == "journaled" && point == .journaled) || (at == "broadcast" && point == .broadcastReturned) {
                _exit(86)
            }
        }
    }
}

/// Small option parsers shared by simulate and execute.
enum BlockOption {
    static func parse(_ text: String?) throws -> BlockRef {
        guard let text, text != "latest" else { return .latest }
        if let n = UInt64(text) { return .number(n) }
        throw ValidationError("--block \(text): expected latest or a block number")
    }
}

enum AddressOption {
    static func parse(_ text: String, flag: String) throws -> Address {
        do { return try Address(parsing: text) } catch { throw ValidationError("\(flag) \(text): \(error)") }
    }
}
