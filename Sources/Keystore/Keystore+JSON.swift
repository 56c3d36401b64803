import Foundation
import Primitives

extension Keystore {
    /// Parses keystore JSON text (UTF-8).
    public init(json text: String) throws(KeystoreError) { try self.init(json: Data(text.utf8)) }

    /// Parses keystore JSON. Accepts "crypto" or geth's legacy "Crypto" key, requires version 3, cipher
    /// aes-128-ctr and kdf scrypt or pbkdf2 (prf hmac-sha256); every hex field may carry a `0x` prefix.
    public init(json data: Data) throws(KeystoreError) {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw .invalidJSON("\(data.count) bytes do not parse as json")
        }
        guard let root = object as? [String: Any] else { throw .invalidJSON("top level is not an object") }
        let version = try Self.int(root, "version", path: "version")
        guard version == 3 else { throw .unsupportedVersion(String(version)) }
        guard let crypto = (root["crypto"] ?? root["Crypto"]) as? [String: Any] else {
            if root["crypto"] != nil || root["Crypto"] != nil { throw .wrongType(field: "crypto", expected: "an object") }
            throw .missingField("crypto")
        }
        let cipher = try Self.string(crypto, "cipher", path: "crypto.cipher")
        guard cipher == "aes-128-ctr" else { throw .unsupportedCipher(cipher) }
        guard let cipherparams = crypto["cipherparams"] as? [String: Any] else {
            throw crypto["cipherparams"] == nil
                ? .missingField("crypto.cipherparams") : .wrongType(field: "crypto.cipherparams", expected: "an object")
        }
        let iv = try Self.hex(cipherparams, "iv", path: "crypto.cipherparams.iv", count: 16)
        let ciphertext = try Self.hex(crypto, "ciphertext", path: "crypto.ciphertext", count: 32)
        let mac = try Self.hex(crypto, "mac", path: "crypto.mac", count: 32)
        let kdfName = try Self.string(crypto, "kdf", path: "crypto.kdf")
        guard let params = crypto["kdfparams"] as? [String: Any] else {
            throw crypto["kdfparams"] == nil
                ? .missingField("crypto.kdfparams") : .wrongType(field: "crypto.kdfparams", expected: "an object")
        }
        let dklen = try Self.int(params, "dklen", path: "crypto.kdfparams.dklen")
        let salt = try Self.hex(params, "salt", path: "crypto.kdfparams.salt", count: nil)
        let kdf: KeyDerivation
        switch kdfName {
        case "scrypt":
            kdf = .scrypt(ScryptParameters(
                n: try Self.int(params, "n", path: "crypto.kdfparams.n"),
                r: try Self.int(params, "r", path: "crypto.kdfparams.r"),
                p: try Self.int(params, "p", path: "crypto.kdfparams.p"), dklen: dklen, salt: salt))
        case "pbkdf2":
            let prf = try Self.string(params, "prf", path: "crypto.kdfparams.prf")
            guard prf == "hmac-sha256" else { throw .unsupportedPRF(prf) }
            kdf = .pbkdf2(PBKDF2Parameters(c: try Self.int(params, "c", path: "crypto.kdfparams.c"), dklen: dklen, salt: salt))
        default:
            throw .unsupportedKDF(kdfName)
        }
        // Validate now so a hostile file fails at parse time, before any work.
        switch kdf {
        case .scrypt(let p): try p.validate()
        case .pbkdf2(let p): try p.validate()
        }
        let address = root["address"] == nil ? nil : try Self.hex(root, "address", path: "address", count: 20)
        self.init(id: root["id"] as? String, address: address, kdf: kdf, iv: iv, ciphertext: ciphertext, mac: mac)
    }

    /// The keystore as geth writes it: lower-case hex without `0x`, `address` present, version 3, sorted keys.
    public func jsonData() -> Data {
        var kdfparams: [String: Any]
        let kdfName: String
        switch kdf {
        case .scrypt(let p):
            kdfName = "scrypt"
            kdfparams = ["n": p.n, "r": p.r, "p": p.p, "dklen": p.dklen, "salt": Hex.encode(p.salt, prefix: false)]
        case .pbkdf2(let p):
            kdfName = "pbkdf2"
            kdfparams = ["c": p.c, "prf": "hmac-sha256", "dklen": p.dklen, "salt": Hex.encode(p.salt, prefix: false)]
        }
        var root: [String: Any] = [
            "version": 3,
            "crypto": [
                "cipher": "aes-128-ctr", "cipherparams": ["iv": Hex.encode(iv, prefix: false)],
                "ciphertext": Hex.encode(ciphertext, prefix: false), "kdf": kdfName, "kdfparams": kdfparams,
                "mac": Hex.encode(mac, prefix: false),
            ] as [String: Any],
        ]
        if let id { root["id"] = id }
        if let address { root["address"] = Hex.encode(address, prefix: false) }
        // Serialising dictionaries of strings and integers cannot fail.
        return (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])) ?? Data()
    }

    /// `jsonData()` as a string.
    public var jsonString: String { String(decoding: jsonData(), as: UTF8.self) }

    static func string(_ o: [String: Any], _ key: String, path: String) throws(KeystoreError) -> String {
        guard let v = o[key] else { throw .missingField(path) }
        guard let s = v as? String else { throw .wrongType(field: path, expected: "a string") }
        return s
    }

    static func int(_ o: [String: Any], _ key: String, path: String) throws(KeystoreError) -> Int {
        guard let v = o[key] else { throw .missingField(path) }
        // JSONSerialization gives NSNumber: fractions do not bridge to Int, and booleans have objCType "c".
        guard let num = v as? NSNumber, String(cString: num.objCType) != "c", let i = v as? Int else {
            throw .wrongType(field: path, expected: "an integer")
        }
        return i
    }

    static func hex(_ o: [String: Any], _ key: String, path: String, count: Int?) throws(KeystoreError) -> [UInt8] {
        let s = try string(o, key, path: path)
        let bytes: [UInt8]
        do { bytes = try Hex.decode(s) } catch { throw .badHex(field: path, reason: error.description) }
        if let count, bytes.count != count { throw .wrongLength(field: path, expected: String(count), got: bytes.count) }
        return bytes
    }
}
