import Foundation
import Primitives
import Testing

@testable import DeFiCore

@Suite struct WalletUtilityTests {
    static let keyHex = "0x" + String(repeating: "11", count: 32)

    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("defi-core-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func savedKeystoreIsPrivateAndDecryptsThroughTheSignerSource() throws {
        let dir = KeystoreDirectory(path: try tempDir() + "/keys", environment: [:])
        let key = try PrivateKey(hex: Self.keyHex)
        let saved = try WalletUtility.save(
            key, name: "ops", password: "pw", cost: ScryptCost(n: 16, r: 1, p: 1), in: dir)
        let fileMode = try FileManager.default.attributesOfItem(atPath: saved.path)[.posixPermissions] as? Int
        let dirMode = try FileManager.default.attributesOfItem(atPath: dir.path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(dirMode == 0o700)
        #expect(dir.list().map(\.name) == ["ops"])
        #expect(dir.list().first?.address == key.address)
        let source = try SignerSource.select(
            keystore: "ops", passwordFile: nil, privateKeyFile: nil, directory: dir, environment: [:])
        let input = SecretInput(environment: ["DEFI_PASSWORD": "pw"], prompt: { _ in nil })
        #expect(try source.load(input) == key)
        #expect(throws: UtilityError.self) {
            try WalletUtility.save(key, name: "ops", password: "pw", cost: ScryptCost(n: 16, r: 1, p: 1), in: dir)
        }
    }

    @Test func keystoreErrorsAreOneSafeLine() throws {
        let dir = KeystoreDirectory(path: try tempDir(), environment: [:])
        _ = try WalletUtility.save(
            try PrivateKey(hex: Self.keyHex), name: "k", password: "right", cost: ScryptCost(n: 16, r: 1, p: 1), in: dir
        )
        let source = SignerSource.keystore(path: dir.file(for: "k"), passwordFile: nil)
        #expect(throws: SecretInput.missingPassword) {
            try source.load(SecretInput(environment: [:], prompt: { _ in nil }))
        }
        do {
            _ = try source.load(SecretInput(environment: ["DEFI_PASSWORD": "wrong"], prompt: { _ in nil }))
            Issue.record("expected a mac mismatch")
        } catch {
            #expect(error.message == "keystore mac mismatch: wrong password or corrupted file")
            #expect(error.exitCode == .usage)
            #expect(!error.message.contains("wrong\""))
        }
    }

    @Test func privateKeyErrorsNeverEchoTheKey() {
        let text = "0x" + String(repeating: "ab", count: 31)
        do {
            _ = try SignerSource.parseKey(text, source: "DEFI_PRIVATE_KEY")
        } catch {
            #expect(!error.message.contains("abab"))
        }
    }

    @Test func looseKeyFilePermissionsWarn() throws {
        let path = try tempDir() + "/key"
        try Self.keyHex.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let warnings = Warnings()
        let input = SecretInput(environment: [:], prompt: { _ in nil }, warn: { warnings.add($0) })
        #expect(
            try SignerSource.privateKeyFile(path).load(input).address.checksummed
                == "0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A")
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("chmod 600") == true)
    }

    @Test func noSignerIsAnError() {
        #expect(throws: SecretInput.missingKey) {
            try SignerSource.select(
                keystore: nil, passwordFile: nil, privateKeyFile: nil,
                directory: KeystoreDirectory(path: "/nonexistent", environment: [:]), environment: [:])
        }
    }

    @Test func checksumNamesTheExpectedForm() throws {
        #expect(
            try WalletUtility.checksum("0x5fbdb2315678afecb367f032d93f642f64180aa3").checksummed
                == "0x5FbDB2315678afecb367f032d93F642f64180aa3")
        #expect(throws: UtilityError.self) { try WalletUtility.checksum("0x5FBDB2315678afecb367f032d93F642f64180aa3") }
    }

    @Test func defaultKeystoreDirectoryFollowsXDG() {
        #expect(
            KeystoreDirectory.defaultPath(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/defi/keystores")
        #expect(
            KeystoreDirectory.defaultPath(environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"])
                == "/h/.local/share/defi/keystores")
    }
}

/// Collects warnings across the sendable closure.
final class Warnings: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.withLock { items.append(s) } }
    var all: [String] { lock.withLock { items } }
}
