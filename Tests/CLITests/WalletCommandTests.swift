import Foundation
import Testing

/// `defi wallet` on the built binary: fixed keys, tiny scrypt costs, deterministic signatures (from eth-account).
@Suite struct WalletCommandTests {
    static let helloSignature =
        "0x8c330545fcd3461c4667461caa42688c9e96c73be7a7f7efcfab95bbb09039c85437bf5690bf0d6e"
        + "fbbab707ea11ee7b1a70c58365d6ba155175daa0014db1691b"
    static let deadbeefSignature =
        "0x0a4ee10cbf4152a3270bb891f40a779f380dfe9e16436abb06ea67d9810a1b672c574216577c"
        + "d2ee9e42908e48649452457ae675e4b3dacda70c720ed03bb8311c"
    static let mail =
        "{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"version\",\"type\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\"}],\"Person\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"wallet\",\"type\":\"address\"}],\"Mail\":[{\"name\":\"from\",\"type\":\"Person\"},{\"name\":\"to\",\"type\":\"Person\"},{\"name\":\"contents\",\"type\":\"string\"}]},\"primaryType\":\"Mail\",\"domain\":{\"name\":\"Ether Mail\",\"version\":\"1\",\"chainId\":1,\"verifyingContract\":\"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC\"},\"message\":{\"from\":{\"name\":\"Cow\",\"wallet\":\"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826\"},\"to\":{\"name\":\"Bob\",\"wallet\":\"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB\"},\"contents\":\"Hello, Bob!\"}}"
    static let mailSignature =
        "0xf1d661eb98ec854c13e27721637514ea794fc8bc4ee8194218da3dcdae79e6405fee9ef6fded0507a"
        + "de8c8d5c5fa07c461e1f8e5f3332f6796f80fc3bc495d6b1b"
    static let mailDigest = "0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"

    @Test func checksumHumanAndJSON() throws {
        let r = try DefiBinary.run(["wallet", "checksum", "0x5fbdb2315678afecb367f032d93f642f64180aa3"])
        #expect(r.status == 0)
        #expect(r.stdout == "0x5FbDB2315678afecb367f032d93F642f64180aa3\n")
        let j = try DefiBinary.run(["wallet", "checksum", "0x5FBDB2315678AFECB367F032D93F642F64180AA3", "--json"])
        #expect(try TestKeys.data(j.stdout)["address"] as? String == "0x5FbDB2315678afecb367f032d93F642f64180aa3")
    }

    @Test func wrongChecksumNamesTheExpectedFormExit2() throws {
        let r = try DefiBinary.run(["wallet", "checksum", "0x5FBDB2315678afecb367f032d93F642f64180aa3"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(
            r.stderr == "error: address checksum mismatch (EIP-55): got 0x5FBDB2315678afecb367f032d93F642f64180aa3, "
                + "expected 0x5FbDB2315678afecb367f032d93F642f64180aa3\n")
    }

    @Test func addressFromEachSignerSource() throws {
        let dir = try TempDir()
        let file = try dir.run(["wallet", "address", "--private-key-file", try TestKeys.keyFile(dir)])
        #expect(file.stdout == TestKeys.oneAddress + "\n")
        #expect(file.stderr.isEmpty)
        let env = try dir.run(["wallet", "address", "--json"], environment: ["DEFI_PRIVATE_KEY": TestKeys.one])
        #expect(try TestKeys.data(env.stdout)["address"] as? String == TestKeys.oneAddress)
        let none = try dir.run(["wallet", "address"])
        #expect(none.status == 2)
        #expect(none.stderr == "error: no signer: pass --keystore, --private-key-file or set DEFI_PRIVATE_KEY\n")
    }

    @Test func looseKeyFileWarnsOnStderrAndInTheEnvelope() throws {
        let dir = try TempDir()
        let key = try TestKeys.keyFile(dir, mode: 0o644)
        let r = try dir.run(["wallet", "address", "--private-key-file", key, "--json"])
        #expect(r.status == 0)
        #expect(r.stderr == "warning: \(key) is readable by group or others (mode 644): run chmod 600 \(key)\n")
        #expect(r.stdout.contains("readable by group or others"))
        #expect(!r.stderr.contains("1111111111"))
    }

    @Test func fromMustMatchTheKey() throws {
        let dir = try TempDir()
        let r = try dir.run(
            ["wallet", "address", "--from", "0x5FbDB2315678afecb367f032d93F642f64180aa3"],
            environment: ["DEFI_PRIVATE_KEY": TestKeys.one])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: the selected key signs for \(TestKeys.oneAddress)"))
    }

    @Test func importListAndUseAKeystore() throws {
        let dir = try TempDir()
        let pw = try dir.write("pw.txt", "hunter2\n")
        let r = try dir.run(
            ["wallet", "import", "ops", "--password-file", pw] + TestKeys.lightScrypt,
            environment: ["DEFI_PRIVATE_KEY": TestKeys.one])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == TestKeys.oneAddress + "\n")
        let path = dir.url.appendingPathComponent("data/defi/keystores/ops.json").path
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        let dirMode = try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)
        #expect(dirMode[.posixPermissions] as? Int == 0o700)

        let list = try dir.run(["wallet", "list"])
        #expect(
            list.stdout
                == "NAME  ADDRESS                                     PATH\nops   \(TestKeys.oneAddress)  \(path)\n")
        let json = try TestKeys.data(try dir.run(["wallet", "list", "--json"]).stdout)
        let first = (json["keystores"] as? [[String: Any]])?.first
        #expect(first?["name"] as? String == "ops")
        #expect(first?["address"] as? String == TestKeys.oneAddress)

        let byName = try dir.run(["wallet", "sign-message", "--keystore", "ops", "--password-file", pw, "hello world"])
        #expect(byName.stdout == Self.helloSignature + "\n")
        let missing = try dir.run(["wallet", "address", "--keystore", "ops"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: missing keystore password: pass --password-file or set DEFI_PASSWORD\n")
        let wrong = try dir.run(
            ["wallet", "address", "--keystore", "ops", "--json"], environment: ["DEFI_PASSWORD": "nope"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr == "error: keystore mac mismatch: wrong password or corrupted file\n")
        #expect(try TestKeys.error(wrong.stdout)["code"] as? String == "wrong_password")
        #expect(!wrong.stdout.contains("nope") && !wrong.stderr.contains("nope"))

        let again = try dir.run(
            ["wallet", "import", "ops", "--password-file", pw] + TestKeys.lightScrypt,
            environment: ["DEFI_PRIVATE_KEY": TestKeys.one])
        #expect(again.status == 2)
        #expect(again.stderr.hasPrefix("error: keystore ops already exists at "))
    }

    @Test func importJSONNamesTheFile() throws {
        let dir = try TempDir()
        let key = try TestKeys.keyFile(dir)
        let r = try dir.run(
            ["wallet", "import", "ops", "--private-key-file", key, "--json"] + TestKeys.lightScrypt,
            environment: ["DEFI_PASSWORD": "pw"])
        #expect(r.status == 0, "\(r.stderr)")
        let path = dir.url.appendingPathComponent("data/defi/keystores/ops.json").path
        #expect(r.stdout == """
            {
              "data" : {
                "address" : "\(TestKeys.oneAddress)",
                "name" : "ops",
                "path" : "\(path)"
              },
              "error" : null,
              "ok" : true,
              "schema_version" : 1,
              "warnings" : [

              ]
            }

            """)
    }

    @Test func importReadsTheKeyFromStdin() throws {
        let dir = try TempDir()
        let r = try DefiBinary.run(
            ["wallet", "import", "piped", "--keystore-dir", dir.url.path] + TestKeys.lightScrypt,
            environment: ["DEFI_PASSWORD": "pw"], stdin: TestKeys.one + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == TestKeys.oneAddress + "\n")
    }

    @Test func newPrintsOnlyTheAddressAndWritesAPrivateKeystore() throws {
        let dir = try TempDir()
        let r = try dir.run(["wallet", "new", "fresh"] + TestKeys.lightScrypt, environment: ["DEFI_PASSWORD": "pw"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.count == 43 && r.stdout.hasPrefix("0x") && r.stdout.hasSuffix("\n"))
        #expect(r.stderr.isEmpty)
        let address = String(r.stdout.dropLast())
        #expect(try DefiBinary.run(["wallet", "checksum", address]).stdout == r.stdout, "printed EIP-55")
        let use = try dir.run(["wallet", "address", "--keystore", "fresh"], environment: ["DEFI_PASSWORD": "pw"])
        #expect(use.stdout == r.stdout)
        let json = try dir.run(
            ["wallet", "new", "second", "--json"] + TestKeys.lightScrypt,
            environment: ["DEFI_PASSWORD": "pw"])
        let data = try TestKeys.data(json.stdout)
        #expect(data["name"] as? String == "second")
        #expect((data["path"] as? String)?.hasSuffix("data/defi/keystores/second.json") == true)
    }

    @Test func newWithoutAPasswordAndNoTerminalIsExit2() throws {
        let r = try TempDir().run(["wallet", "new"] + TestKeys.lightScrypt)
        #expect(r.status == 2)
        #expect(r.stderr == "error: missing keystore password: pass --password-file or set DEFI_PASSWORD\n")
    }

    @Test func signMessageHumanHexAndJSON() throws {
        let env = ["DEFI_PRIVATE_KEY": TestKeys.one]
        #expect(
            try DefiBinary.run(["wallet", "sign-message", "hello world"], environment: env).stdout
                == Self.helloSignature + "\n")
        #expect(
            try DefiBinary.run(["wallet", "sign-message", "--hex", "0xdeadbeef"], environment: env).stdout
                == Self.deadbeefSignature + "\n")
        let data = try TestKeys.data(
            try DefiBinary.run(
                ["wallet", "sign-message", "hello world", "--json"],
                environment: env
            ).stdout)
        #expect(data["signature"] as? String == Self.helloSignature)
        #expect(data["signer"] as? String == TestKeys.oneAddress)
        #expect(data["v"] as? Int == 27)
        let bad = try DefiBinary.run(["wallet", "sign-message", "--hex", "0xabc"], environment: env)
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("error: message: "))
    }

    @Test func signTypedDataHumanAndJSON() throws {
        let dir = try TempDir()
        let file = try dir.write("mail.json", Self.mail)
        let env = ["DEFI_PRIVATE_KEY": TestKeys.one]
        let r = try dir.run(["wallet", "sign-typed-data", file], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == Self.mailSignature + "\n" + Self.mailDigest + "\n")
        let data = try TestKeys.data(
            try dir.run(["wallet", "sign-typed-data", file, "--json"], environment: env).stdout)
        #expect(data["digest"] as? String == Self.mailDigest)
        #expect(data["signature"] as? String == Self.mailSignature)
    }
}
