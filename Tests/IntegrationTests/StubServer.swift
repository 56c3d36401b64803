import Chain
import Foundation

/// A Python stand-in under devnet/stubs (relay.py, tenderly.py) started for the life of a test on a free port;
/// it prints its URL first and exits when our end of its stdin closes, or is killed on deinit.
final class StubServer: @unchecked Sendable {
    let process = Process()
    let stdin = Pipe()
    let url: String

    init(_ script: String, arguments: [String], environment: [String: String] = [:]) throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let root = here.deletingLastPathComponent().deletingLastPathComponent()
        let python =
            [".venv/bin/python"].map { root.appendingPathComponent($0).path }
            .first { FileManager.default.fileExists(atPath: $0) } ?? "/usr/bin/python3"
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [root.appendingPathComponent("devnet/stubs/\(script)").path] + arguments + ["--watch-stdin"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
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
    }

    /// POST /log (what the stand-in received) as parsed JSON.
    func log() throws -> [String: Any] {
        let reply = try CurlTransport().post([], url: url + "/log", headers: [], timeout: .seconds(10), label: "stub")
        return try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any] ?? [:]
    }

    deinit { kill(process.processIdentifier, SIGKILL) }
}
