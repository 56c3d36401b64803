import Foundation
import Testing

/// `defi abi encode|decode|selector` on the built binary: human and --json forms, and bad input.
@Suite struct ABICommandTests {
    static let weth = "0x5FbDB2315678afecb367f032d93F642f64180aa3"
    static let transferCall =
        "0xa9059cbb0000000000000000000000005fbdb2315678afecb367f032d93f642f64180aa3"
        + "00000000000000000000000000000000000000000000000014d1120d7b160000"

    @Test func encodeHuman() throws {
        let r = try DefiBinary.run(["abi", "encode", "transfer(address,uint256)", Self.weth, "1.5ether"])
        #expect(r.status == 0)
        #expect(r.stdout == Self.transferCall + "\n")
        #expect(r.stderr.isEmpty)
    }

    @Test func encodeJSON() throws {
        let r = try DefiBinary.run(["abi", "encode", "transfer(address,uint256)", Self.weth, "1.5ether", "--json"])
        #expect(r.status == 0)
        #expect(
            r.stdout == """
                {
                  "data" : {
                    "data" : "\(Self.transferCall)",
                    "selector" : "0xa9059cbb",
                    "signature" : "transfer(address,uint256)"
                  },
                  "error" : null,
                  "ok" : true,
                  "schema_version" : 1,
                  "warnings" : [

                  ]
                }

                """)
    }

    @Test func encodeNegativeIntsArraysTuplesAndNoSelector() throws {
        let r = try DefiBinary.run(["abi", "encode", "--no-selector", "f(int8,(uint16,bool)[])", "-1", "[(30, true)]"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout == "0x" + String(repeating: "f", count: 64)
                + String(repeating: "0", count: 62) + "40" + String(repeating: "0", count: 63) + "1"
                + String(repeating: "0", count: 62) + "1e" + String(repeating: "0", count: 63) + "1\n")
    }

    @Test func decodeHumanAndJSON() throws {
        let r = try DefiBinary.run(["abi", "decode", "--input", "transfer(address,uint256)", Self.transferCall])
        #expect(r.status == 0)
        #expect(r.stdout == "\(Self.weth)\n1500000000000000000\n")
        let j = try DefiBinary.run([
            "abi", "decode", "--input", "transfer(address,uint256)", Self.transferCall, "--json",
        ])
        let data = try TestKeys.data(j.stdout)
        #expect(data["types"] as? [String] == ["address", "uint256"])
        #expect(data["values"] as? [String] == [Self.weth, "1500000000000000000"])
        let out = try DefiBinary.run([
            "abi", "decode", "balanceOf(address)(uint256)", "0x" + String(repeating: "0", count: 62) + "2a",
        ])
        #expect(out.stdout == "42\n")
    }

    @Test func selectorHumanAndJSON() throws {
        #expect(try DefiBinary.run(["abi", "selector", "transfer(address,uint256)"]).stdout == "0xa9059cbb\n")
        let event = try DefiBinary.run(["abi", "selector", "event Transfer(address indexed,address indexed,uint256)"])
        #expect(event.stdout == "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef\n")
        let j = try TestKeys.data(
            try DefiBinary.run([
                "abi", "selector", "function balanceOf(address owner) view returns (uint256)", "--json",
            ]).stdout)
        #expect(j["selector"] as? String == "0x70a08231")
        #expect(j["kind"] as? String == "function")
        #expect(j["signature"] as? String == "balanceOf(address)")
    }

    @Test(
        arguments: [
            (
                ["abi", "encode", "f(address)", "0x5FBDB2315678afecb367f032d93F642f64180aa3"],
                "error: argument 0: cannot parse '0x5FBDB2315678afecb367f032d93F642f64180aa3' as address: address checksum "
                    + "mismatch (EIP-55): got 0x5FBDB2315678afecb367f032d93F642f64180aa3, expected "
                    + "0x5FbDB2315678afecb367f032d93F642f64180aa3\n"
            ),
            (
                ["abi", "encode", "f(uint256)", "1.2.3ether"],
                "error: argument 0: cannot parse '1.2.3ether' as uint256: invalid character '.' at offset 3 in \"1.2.3ether\"\n"
            ),
            (
                ["abi", "encode", "f(uint256)", "1.0000000001gwei"],
                "error: argument 0: cannot parse '1.0000000001gwei' as uint256: \"1.0000000001gwei\" has digits below the "
                    + "smallest unit (9 decimals)\n"
            ),
            (["abi", "decode", "(uint256)", "0xzz"], "error: data: invalid hex character 'z' at offset 0\n"),
            (["abi", "encode", "f(uint256", "1"], nil),
        ] as [([String], String?)])
    func badInputIsOneLineExit2(arguments: [String], stderr: String?) throws {
        let r = try DefiBinary.run(arguments)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        if let stderr { #expect(r.stderr == stderr) }
        #expect(r.stderr.split(separator: "\n").count == 1)
        let j = try DefiBinary.run(arguments + ["--json"])
        #expect(j.status == 2)
        #expect(try TestKeys.error(j.stdout)["exit_code"] as? Int == 2)
    }
}
