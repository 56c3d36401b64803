import Foundation
import TestSupport
import Testing

/// The built binary against reference libraries (eth-abi, eth-account), case by case, from the `cli` oracle
/// (Tests/oracles/gen_cli.py; `Tests/oracles/generate.py --only cli --out .oracles`). Skipped when absent.
@Suite(.enabled(if: Fixtures.hasOracle("cli"), "run Tests/oracles/generate.py --only cli --out .oracles"))
struct CLIOracleTests {
    /// The oracle's cases in `group`; an absent or empty group fails rather than passing vacuously.
    static func cases(_ group: String) throws -> [[String: Any]] {
        let cases = try #require(try Fixtures.oracle("cli")[group] as? [[String: Any]], "no \(group) cases")
        try #require(!cases.isEmpty, "no \(group) cases")
        return cases
    }

    @Test func abiEncodeMatchesEthABI() throws {
        for c in try Self.cases("abi") {
            let sig = try #require(c["signature"] as? String)
            let args = try #require(c["args"] as? [String])
            let r = try DefiBinary.run(["abi", "encode", sig] + args)
            #expect(r.status == 0, "\(sig) \(args): \(r.stderr)")
            #expect(r.stdout == (c["calldata"] as? String ?? "") + "\n", "\(sig) \(args)")
            let types = try #require(c["types"] as? [String])
            let bare = try DefiBinary.run(["abi", "encode", "--no-selector", sig] + args)
            #expect(bare.stdout == (c["encoded"] as? String ?? "") + "\n", "\(sig) --no-selector")
            let list = try DefiBinary.run(["abi", "encode", "(" + types.joined(separator: ",") + ")"] + args)
            #expect(list.stdout == bare.stdout, "\(sig) as a type list")
        }
    }

    @Test func abiDecodeMatchesEthABI() throws {
        for c in try Self.cases("abi") {
            let sig = try #require(c["signature"] as? String)
            let call = try #require(c["calldata"] as? String)
            let r = try DefiBinary.run(["abi", "decode", "--input", sig, call, "--json"])
            #expect(r.status == 0, "\(sig): \(r.stderr)")
            let values = try TestKeys.data(r.stdout)["values"] as? NSArray
            #expect(values == (c["values"] as? NSArray), "\(sig): got \(values ?? []), expected \(c["values"] ?? "")")
        }
    }

    @Test func txSignMatchesEthAccount() throws {
        let dir = try TempDir()
        for (i, c) in try Self.cases("tx").enumerated() {
            let key = try TestKeys.keyFile(dir, try #require(c["key"] as? String), name: "k\(i)")
            let flags = try #require(c["flags"] as? [String])
            let r = try dir.run(["tx", "sign", "--private-key-file", key] + flags)
            #expect(r.status == 0, "case \(i): \(r.stderr)")
            #expect(r.stdout == "\(c["raw"] ?? "")\n\(c["hash"] ?? "")\n", "case \(i) \(flags)")
            let decoded = try dir.run(["tx", "decode", c["raw"] as? String ?? "", "--json"])
            let data = try TestKeys.data(decoded.stdout)
            #expect(data["from"] as? String == c["sender"] as? String, "case \(i) sender")
            #expect(data["hash"] as? String == c["hash"] as? String, "case \(i) hash")
        }
    }

    @Test func personalSignMatchesEthAccount() throws {
        let dir = try TempDir()
        for (i, c) in try Self.cases("messages").enumerated() {
            let key = try TestKeys.keyFile(dir, try #require(c["key"] as? String), name: "k\(i)")
            let message = try #require(c["message"] as? String)
            let hex = c["hex"] as? Bool == true ? ["--hex"] : []
            let r = try dir.run(["wallet", "sign-message", "--private-key-file", key, message] + hex)
            #expect(r.status == 0, "case \(i): \(r.stderr)")
            #expect(r.stdout == "\(c["signature"] ?? "")\n", "case \(i) \(message.debugDescription)")
        }
    }

    @Test func typedDataSignatureMatchesEthAccount() throws {
        let dir = try TempDir()
        for (i, c) in try Self.cases("typed").enumerated() {
            let key = try TestKeys.keyFile(dir, try #require(c["key"] as? String), name: "k\(i)")
            let file = try dir.write("typed\(i).json", try #require(c["json"] as? String))
            let r = try dir.run(["wallet", "sign-typed-data", "--private-key-file", key, file])
            #expect(r.status == 0, "case \(i): \(r.stderr)")
            #expect(r.stdout == "\(c["signature"] ?? "")\n\(c["digest"] ?? "")\n", "case \(i)")
        }
    }

    @Test func keystoresWrittenByEthAccountDecrypt() throws {
        let dir = try TempDir()
        for (i, c) in try Self.cases("keystores").enumerated() {
            let file = try dir.write("ks\(i).json", try #require(c["keystore"] as? String))
            let password = try #require(c["password"] as? String)
            let r = try dir.run(["wallet", "address", "--keystore", file], environment: ["DEFI_PASSWORD": password])
            #expect(r.status == 0, "case \(i): \(r.stderr)")
            #expect(r.stdout == "\(c["address"] ?? "")\n", "case \(i)")
        }
    }
}

/// `defi wallet new` keystores decrypted by eth-account, when the reference venv is present.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: PythonOracle.python), "needs the oracle venv"))
struct KeystoreInteropTests {
    @Test func ethAccountDecryptsAKeystoreFromWalletNew() throws {
        let dir = try TempDir()
        let pw = try dir.write("pw", "s3cret pässword\n")
        let r = try dir.run(["wallet", "new", "interop", "--password-file", pw, "--json"] + TestKeys.lightScrypt)
        #expect(r.status == 0, "\(r.stderr)")
        let data = try TestKeys.data(r.stdout)
        let path = try #require(data["path"] as? String)
        let script = """
            import json, sys
            from eth_account import Account
            key = Account.decrypt(json.load(open(sys.argv[1])), "s3cret pässword")
            print(Account.from_key(key).address)
            """
        let out = try PythonOracle.run(script, arguments: [path])
        #expect(out == "\(data["address"] ?? "")\n")
    }
}

/// Runs the reference Python (eth-abi, eth-account): $DEFI_ORACLE_PYTHON, else the repository's .venv (made by
/// scripts/bootstrap), else /work/main/.venv.
enum PythonOracle {
    static var python: String {
        if let env = ProcessInfo.processInfo.environment["DEFI_ORACLE_PYTHON"] { return env }
        let local = Fixtures.repoRoot.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: local) ? local : "/work/main/.venv/bin/python"
    }

    static func run(_ script: String, arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", script] + arguments
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
