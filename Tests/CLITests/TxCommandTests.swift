import Foundation
import Testing

/// `defi tx sign|decode` on the built binary with a fixed key (RFC 6979 signatures are deterministic); the
/// expected raw transactions come from eth-account.
@Suite struct TxCommandTests {
    static let to = "0x5FbDB2315678afecb367f032d93F642f64180aa3"
    static let legacyRaw =
        "0xf86b80843b9aca00825208945fbdb2315678afecb367f032d93f642f64180aa3880de0b6b3a76400008025a0"
        + "5c38b50c59c67de4e9b98e0530a7f109ae67c62fd7cb6be031f422f49800e199a0445db7e666122842a3dd0be30413175562422d9a"
        + "cb7fa1e3610c42bc536065be"
    static let legacyHash = "0xf63374e3bb46490cc7072e64cad44d60d6467966bd201a7580f7ac7cd4b05b8b"
    static let dynamicRaw =
        "0x02f871827a6907843b9aca008506fc23ac0082ea60945fbdb2315678afecb367f032d93f642f64180aa38084"
        + "a9059cbbc001a0f4b67fad275b002f587dfdb6bdec491d20035031b889c934c7eef8a9ef390e5aa072b7daf7a738ff2bd82db29fa7d0"
        + "9d0ff9d32102dcc2dc29c94b8481cec011a8"
    static let dynamicHash = "0x2bed8dd38d25028f0266151274c5f52c7266a884d73780a91649d5a928afe05a"

    static let legacyFlags = [
        "--to", to, "--value", "1ether", "--nonce", "0", "--gas-limit", "21000",
        "--gas-price", "1gwei", "--chain-id", "1",
    ]

    @Test func signLegacyHuman() throws {
        let dir = try TempDir()
        let r = try dir.run(["tx", "sign", "--private-key-file", try TestKeys.keyFile(dir)] + Self.legacyFlags)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == Self.legacyRaw + "\n" + Self.legacyHash + "\n")
        #expect(r.stderr.isEmpty)
    }

    @Test func signDynamicFeeFromAFileWithFlagOverridesJSON() throws {
        let dir = try TempDir()
        let request = try dir.write(
            "req.json",
            """
            {"to": "\(Self.to)", "nonce": 99, "gas": "60000", "maxFeePerGas": "30gwei",
             "maxPriorityFeePerGas": "1gwei", "chainId": 31337, "data": "0xa9059cbb"}
            """)
        let r = try dir.run(
            ["tx", "sign", request, "--nonce", "7", "--json"],
            environment: ["DEFI_PRIVATE_KEY": TestKeys.one])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try TestKeys.data(r.stdout)
        #expect(data["raw"] as? String == Self.dynamicRaw)
        #expect(data["hash"] as? String == Self.dynamicHash)
        #expect(data["from"] as? String == TestKeys.oneAddress)
        #expect(data["type"] as? Int == 2)
        #expect(data["max_fee_per_gas"] as? String == "30000000000")
        #expect(data["gas_price"] is NSNull)
        #expect(data["nonce"] as? Int == 7)
    }

    @Test func decodeHuman() throws {
        let r = try DefiBinary.run(["tx", "decode", Self.legacyRaw])
        #expect(r.status == 0)
        #expect(
            r.stdout == """
                type                      0
                type_name                 legacy
                hash                      \(Self.legacyHash)
                from                      \(TestKeys.oneAddress)
                to                        \(Self.to)
                chain_id                  1
                nonce                     0
                gas_limit                 21000
                gas_price                 1000000000
                max_fee_per_gas           -
                max_priority_fee_per_gas  -
                value                     1000000000000000000
                data                      0x
                access_list               -
                v                         37
                r                         0x5c38b50c59c67de4e9b98e0530a7f109ae67c62fd7cb6be031f422f49800e199
                s                         0x445db7e666122842a3dd0be30413175562422d9acb7fa1e3610c42bc536065be
                signing_hash              \(Self.legacySigningHash)

                """)
    }

    /// keccak256(rlp([nonce, gasPrice, gas, to, value, data, 1, 0, 0])) (EIP-155), computed with pyrlp.
    static let legacySigningHash = "0x4a7a9b6bccaeece91ba23571a4ea9f6cd011c655463d85f4c951dd1849e8bdc1"

    @Test func decodeJSONGolden() throws {
        let r = try DefiBinary.run(["tx", "decode", Self.legacyRaw, "--json"])
        #expect(r.status == 0)
        #expect(r.stdout == """
            {
              "data" : {
                "access_list" : null,
                "chain_id" : 1,
                "data" : "0x",
                "from" : "\(TestKeys.oneAddress)",
                "gas_limit" : 21000,
                "gas_price" : "1000000000",
                "hash" : "\(Self.legacyHash)",
                "max_fee_per_gas" : null,
                "max_priority_fee_per_gas" : null,
                "nonce" : 0,
                "r" : "0x5c38b50c59c67de4e9b98e0530a7f109ae67c62fd7cb6be031f422f49800e199",
                "raw" : "\(Self.legacyRaw)",
                "s" : "0x445db7e666122842a3dd0be30413175562422d9acb7fa1e3610c42bc536065be",
                "signing_hash" : "\(Self.legacySigningHash)",
                "to" : "\(Self.to)",
                "type" : 0,
                "type_name" : "legacy",
                "v" : "37",
                "value" : "1000000000000000000"
              },
              "error" : null,
              "ok" : true,
              "schema_version" : 1,
              "warnings" : [

              ]
            }

            """)
    }

    @Test func decodeJSON() throws {
        let data = try TestKeys.data(try DefiBinary.run(["tx", "decode", Self.dynamicRaw, "--json"]).stdout)
        #expect(data["type_name"] as? String == "eip1559")
        #expect(data["chain_id"] as? Int == 31337)
        #expect(data["to"] as? String == Self.to)
        #expect(data["value"] as? String == "0")
        #expect(data["max_priority_fee_per_gas"] as? String == "1000000000")
        #expect(data["access_list"] as? [Any] != nil)
        #expect(data["data"] as? String == "0xa9059cbb")
        #expect(data["v"] as? String == "1")
    }

    @Test func truncatedRawIsOneLineExit2() throws {
        let r = try DefiBinary.run(["tx", "decode", String(Self.legacyRaw.dropLast(6))])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: raw transaction: "))
        #expect(r.stderr.split(separator: "\n").count == 1)
        let odd = try DefiBinary.run(["tx", "decode", "0xf86", "--json"])
        #expect(odd.status == 2)
        #expect(try TestKeys.error(odd.stdout)["code"] as? String == "invalid_hex")
    }

    @Test func missingFieldsAndBadAmountsAreUsageErrors() throws {
        let dir = try TempDir()
        let key = try TestKeys.keyFile(dir)
        let noNonce = try dir.run([
            "tx", "sign", "--private-key-file", key, "--gas-limit", "1", "--chain-id", "1",
            "--gas-price", "1",
        ])
        #expect(noNonce.status == 2)
        #expect(noNonce.stderr.hasPrefix("error: missing --nonce\n"))
        var flags = Self.legacyFlags
        flags[3] = "1.2.3ether"
        let bad = try dir.run(["tx", "sign", "--private-key-file", key] + flags)
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("error: --value: invalid character '.'"))
        #expect(bad.stdout.isEmpty)
    }
}
