import Foundation

/// devnet/stubs/aggregators.py (the 1inch / 0x stand-in) on a free port for the life of a test. Without `rpc` it
/// checks requests and injects faults but cannot price; with the devnet's URL and deployment it prices for real.
public final class AggregatorStandIn: @unchecked Sendable {
    let process = Process()
    let stdin = Pipe()
    /// `http://127.0.0.1:PORT`.
    public let url: String
    /// The keys it accepts.
    public static let oneInchKey = "test-oneinch-key"
    public static let zeroExKey = "test-zerox-key"

    /// Starts the server; throws when it does not print its URL.
    public init(rpc: String? = nil, deployment: String? = nil) throws {
        let root = Fixtures.repoRoot
        let python =
            [".venv/bin/python", ".venv-devnet/bin/python"].map { root.appendingPathComponent($0).path }
            .first { FileManager.default.fileExists(atPath: $0) } ?? "/usr/bin/python3"
        process.executableURL = URL(fileURLWithPath: python)
        var args = [root.appendingPathComponent("devnet/stubs/aggregators.py").path, "--watch-stdin"]
        if let rpc { args += ["--rpc", rpc] }
        if let deployment { args += ["--deployment", deployment] }
        process.arguments = args
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = stdin
        try process.run()
        var line = Data()
        while true {
            let b = out.fileHandleForReading.readData(ofLength: 1)
            if b.isEmpty || b == Data("\n".utf8) { break }
            line += b
        }
        url = String(decoding: line, as: UTF8.self)
        guard url.hasPrefix("http://") else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "aggregators.py did not start"])
        }
    }

    /// The base URL with a fault prefix (`rate429x1s0`, `http503`, `garbled`, `wrongrouter`, ...).
    public func fault(_ mode: String) -> String { url + "/_fault/" + mode }

    // Children inherit a mask that blocks SIGTERM: SIGKILL it; it also exits when its stdin closes.
    deinit { kill(process.processIdentifier, SIGKILL) }
}
