import ArgumentParser
import DeFiCore
import Foundation

/// A command whose display options decide how its failures are reported.
protocol DisplayingCommand {
    var display: DisplayOptions { get }
}

/// The process entry: parse, run, and map every outcome to a documented exit code.
///
/// argument-parser exits 64 on usage errors; `defi` documents 2, so parsing errors are handled here.
enum Entry {
    static func main() async -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let wantsJSON = arguments.contains("--json")
        let command: any ParsableCommand
        do {
            command = try Defi.parseAsRoot(arguments)
        } catch {
            exit(parseFailure(error, json: wantsJSON))
        }
        let display = (command as? DisplayingCommand)?.display
        if let display { Diagnostics.shared.configure(display) }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
            exit(DeFiCore.ExitCode.success.rawValue)
        } catch {
            exit(runFailure(error, json: display?.json ?? wantsJSON))
        }
    }

    /// Help, version and completion requests print to stdout and exit 0; usage errors exit 2.
    static func parseFailure(_ error: any Error, json: Bool) -> Int32 {
        let code = Defi.exitCode(for: error)
        let text = Defi.fullMessage(for: error)
        if code == .success {
            Diagnostics.writeOutput(text.hasSuffix("\n") || text.isEmpty ? text : text + "\n")
            return 0
        }
        let exitCode = code == .validationFailure ? DeFiCore.ExitCode.usage.rawValue : code.rawValue
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = lines.first.map { $0.hasPrefix("Error: ") ? String($0.dropFirst(7)) : $0 } ?? "invalid usage"
        if !lines.isEmpty { lines.removeFirst() }
        Renderer.fail(code: "usage", label: "error", message: first, hint: nil, exitCode: exitCode, json: json)
        let rest = lines.joined(separator: "\n")
        if !rest.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { Diagnostics.writeError(rest + "\n") }
        return exitCode
    }

    /// Typed errors print their line and exit with their code; anything else is a plain failure (1).
    static func runFailure(_ error: any Error, json: Bool) -> Int32 {
        if let error = error as? any DefiError {
            let status = error.exitCode.rawValue
            Renderer.fail(code: error.code, label: error.label, message: error.message, hint: error.hint,
                          exitCode: status, json: json)
            return status
        }
        if let code = error as? ArgumentParser.ExitCode { return code.rawValue }
        if Defi.exitCode(for: error) == .success || error is ValidationError {
            return parseFailure(error, json: json)
        }
        let status = DeFiCore.ExitCode.failure.rawValue
        Renderer.fail(code: "failure", label: "error", message: "\(error)", hint: nil, exitCode: status, json: json)
        return status
    }
}
