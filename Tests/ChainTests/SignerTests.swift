import Foundation
import Keystore
import Primitives
import Testing

@testable import Chain

@Suite struct SignerTests {
    let hexKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"

    @Test func environmentSignerHasAnvilAddressAndRedactsKey() throws {
        let (s, _) = try SignerSource.environment().load(environment: ["DEFI_PRIVATE_KEY": hexKey])
        #expect(s.address.checksummed == "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
        for text in [s.description, String(describing: s), String(reflecting: s), "\(Mirror(reflecting: s).children.map { "\($0)" })"] {
            #expect(!text.contains("ac0974bec39a17e3"), "\(text)")
        }
        let tx = Transaction.dynamicFee(chainID: 31337, nonce: 0, maxPriorityFeePerGas: U256(1), maxFeePerGas: U256(2),
                                        gasLimit: 21_000, to: .zero)
        #expect(try s.sign(tx).sender() == s.address)
    }

    @Test func missingOrBadKeyNeverEchoesInput() {
        #expect(throws: SignerError.missingEnvironment("DEFI_PRIVATE_KEY")) { try SignerSource.environment().load(environment: [:]) }
        do {
            _ = try SignerSource.environment().load(environment: ["DEFI_PRIVATE_KEY": "0xdeadSECRETbeef"])
            Issue.record("accepted a bad key")
        } catch {
            #expect(!error.description.contains("SECRET") && error.code == "signer.invalid_key")
        }
    }

    @Test func keyFileWarnsWhenReadableByOthers() throws {
        let path = NSTemporaryDirectory() + "defi-key-\(UInt32.random(in: 0...UInt32.max))"
        try (hexKey + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let (s, warnings) = try SignerSource.keyFile(path).load()
        #expect(s.address.checksummed == "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
        #expect(warnings.count == 1 && warnings[0].contains("chmod 600"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(try SignerSource.keyFile(path).load().warnings.isEmpty)
    }

    @Test func keystoreWithPasswordFromEnvironment() throws {
        let key = try PrivateKey(hex: hexKey)
        let ks = try Keystore.encrypt(key, password: "pw", kdf: .scrypt(.init(n: 1 << 10, r: 8, p: 1, salt: Array(repeating: 1, count: 32))))
        let path = NSTemporaryDirectory() + "defi-ks-\(UInt32.random(in: 0...UInt32.max)).json"
        try ks.jsonString.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (s, _) = try SignerSource.keystore(path: path, passwordFile: nil).load(environment: ["DEFI_PASSWORD": "pw"])
        #expect(s.address.checksummed == "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
        #expect(throws: SignerError.self) { try SignerSource.keystore(path: path, passwordFile: nil).load(environment: ["DEFI_PASSWORD": "no"]) }
        #expect(throws: SignerError.noPassword) { try SignerSource.keystore(path: path, passwordFile: nil).load(environment: [:]) }
    }
}
