import Foundation

/// Runs the built `defi` binary: `$DEFI_BIN` when set, else `.build/debug/defi` in this repository.
enum DefiBinary {
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var url: URL {
        if let env = ProcessInfo.processInfo.environment["DEFI_BIN"] { return URL(fileURLWithPath: env) }
        return repoRoot.appendingPathComponent(".build/debug/defi")
    }

    /// The result of one run: exit status, stdout and stderr as text.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `defi` with `arguments` (and extra environment) and waits for it.
    ///
    /// The caller's `ETH_*`, `DEFI_*`, `XDG_*` and `NO_COLOR` variables are dropped so a developer's shell cannot
    /// change a golden output; `directory` is the working directory (for `./defi.yaml`).
    static func run(
        _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil, directory: URL? = nil
    ) throws -> Run {
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { key, _ in
            !(key.hasPrefix("ETH_") || key.hasPrefix("DEFI_") || key.hasPrefix("XDG_") || key == "NO_COLOR")
        }
        for (k, v) in environment { env[k] = v }
        if let directory { p.currentDirectoryURL = directory }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                   stderr: String(decoding: e, as: UTF8.self))
    }
}
