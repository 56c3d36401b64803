import Foundation
import Primitives
import TestSupport
import Testing

@testable import Keystore

/// Differential tests against eth-keyfile and hashlib (Tests/oracles/gen_keystore.py), both directions.
@Suite("KeystoreOracle")
struct KeystoreOracleTests {
    static func hex(_ c: [String: Any], _ k: String) throws -> [UInt8] { try Hex.decode(c[k] as? String ?? "") }

    @Test(.enabled(if: Fixtures.hasOracle("keystore"), "keystore oracle absent: run scripts/test"))
    func pythonWrittenKeystoresDecrypt() throws {
        let cases = try Fixtures.oracle("keystore")["cases"] as? [[String: Any]] ?? []
        #expect(cases.count >= 20)
        for c in cases {
            let name = c["name"] as? String ?? "?"
            let ks = try Keystore(json: JSONSerialization.data(withJSONObject: c["keystore"] ?? [:]))
            let key = try ks.decrypt(password: c["password"] as? String ?? "")
            #expect(key.secretBytes == (try Self.hex(c, "private_key")), "\(name)")
            #expect(key.addressBytes == (try Self.hex(c, "address")), "\(name) address")
            #expect(throws: KeystoreError.macMismatch, "\(name)") {
                try ks.decrypt(password: (c["password"] as? String ?? "") + "x")
            }
        }
    }

    @Test(.enabled(if: Fixtures.hasOracle("keystore"), "keystore oracle absent: run scripts/test"))
    func kdfOutputsMatchHashlib() throws {
        let cases = try Fixtures.oracle("keystore")["kdfs"] as? [[String: Any]] ?? []
        #expect(cases.count >= 40)
        for (i, c) in cases.enumerated() {
            let password = try Self.hex(c, "password"), salt = try Self.hex(c, "salt")
            let dklen = c["dklen"] as? Int ?? 0
            let got: [UInt8]
            if c["kind"] as? String == "scrypt" {
                let n = c["n"] as? Int ?? 0, r = c["r"] as? Int ?? 0, p = c["p"] as? Int ?? 0
                got = try Scrypt.derive(password: password, salt: salt, n: n, r: r, p: p, count: dklen)
                // The fallback scrypt against hashlib too, on the same (small) parameters.
                #expect(
                    try Scrypt.portable(password: password, salt: salt, n: n, r: r, p: p, count: dklen)
                        == (try Self.hex(c, "dk")), "kdf case \(i) (portable scrypt)")
            } else {
                got = try PBKDF2SHA256.derive(
                    password: password, salt: salt, iterations: c["c"] as? Int ?? 0, count: dklen)
            }
            #expect(got == (try Self.hex(c, "dk")), "kdf case \(i) (\(c["kind"] ?? "?"))")
        }
    }

    static let python = "/work/main/.venv/bin/python"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: python), "eth-keyfile venv absent"))
    func swiftWrittenKeystoresDecryptInEthKeyfile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("defi-ks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var expected: [String] = []
        let kdfs: [KeyDerivation] = [
            .scrypt(ScryptParameters(n: 2, r: 8, p: 1, salt: Keystore.randomBytes(32))),
            .scrypt(ScryptParameters(n: 256, r: 1, p: 3, salt: Keystore.randomBytes(16))),
            .pbkdf2(PBKDF2Parameters(c: 7, salt: Keystore.randomBytes(32))),
            .pbkdf2(PBKDF2Parameters(c: 1, dklen: 48, salt: [])),
        ]
        for (i, kdf) in kdfs.enumerated() {
            let key = PrivateKey.random()
            let ks = try Keystore.encrypt(key, password: "pw✓\(i)", kdf: kdf)
            try ks.jsonData().write(to: dir.appendingPathComponent("\(i).json"))
            expected.append(Hex.encode(key.secretBytes, prefix: false))
        }
        let script = """
            import json, sys
            from eth_keyfile import decode_keyfile_json
            for i in range(\(kdfs.count)):
                ks = json.load(open(f"\(dir.path)/{i}.json"))
                print(decode_keyfile_json(ks, f"pw✓{i}".encode()).hex())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = ["-c", script]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init) == expected)
    }
}
