import Foundation

/// Fixed keys and helpers for the signer and wallet tests: outputs must be identical on every run.
enum TestKeys {
    /// 0x11…11; its address is 0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A.
    static let one = "0x" + String(repeating: "11", count: 32)
    static let oneAddress = "0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A"
    /// A tiny scrypt cost so keystore tests take milliseconds.
    static let lightScrypt = ["--scrypt-n", "16", "--scrypt-r", "1", "--scrypt-p", "1"]

    /// Writes `key` to `name` in `dir` with mode 0600 and returns the path.
    static func keyFile(_ dir: TempDir, _ key: String = one, name: String = "key.txt", mode: Int = 0o600) throws
        -> String
    {
        let path = try dir.write(name, key + "\n")
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    /// The `data` object of a successful JSON envelope.
    static func data(_ stdout: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]
        guard let object, object["ok"] as? Bool == true, let data = object["data"] as? [String: Any] else {
            throw TestKeysError.notASuccessEnvelope(stdout)
        }
        return data
    }

    /// The `error` object of a failed JSON envelope.
    static func error(_ stdout: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]
        guard let object, object["ok"] as? Bool == false, let error = object["error"] as? [String: Any] else {
            throw TestKeysError.notASuccessEnvelope(stdout)
        }
        return error
    }

    enum TestKeysError: Error { case notASuccessEnvelope(String) }
}
