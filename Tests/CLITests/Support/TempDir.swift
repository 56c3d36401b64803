import Foundation

/// A fresh temporary directory for one test, used as HOME, XDG_CONFIG_HOME and working directory.
struct TempDir {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("defi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// An environment that keeps `defi` away from the real home and config directories.
    var isolatedEnvironment: [String: String] {
        ["HOME": url.path, "XDG_CONFIG_HOME": url.appendingPathComponent("xdg").path,
         "XDG_DATA_HOME": url.appendingPathComponent("data").path]
    }

    /// Runs `defi` inside this directory with the isolated environment plus `environment`.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> DefiBinary.Run {
        try DefiBinary.run(
            arguments, environment: isolatedEnvironment.merging(environment) { $1 }, directory: url)
    }
}
