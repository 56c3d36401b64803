import Testing

@Suite struct CLISmokeTests {
    @Test func abiKeccakPrintsDigest() throws {
        let r = try DefiBinary.run(["abi", "keccak", "abc"])
        #expect(r.stdout == "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45\n")
        #expect(r.status == 0)
    }

    @Test func hiddenTopLevelKeccakAliasStillWorks() throws {
        let r = try DefiBinary.run(["keccak", "abc"])
        #expect(r.stdout == "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45\n")
        #expect(r.status == 0)
    }

    @Test func abiKeccakOfHexBytes() throws {
        let r = try DefiBinary.run(["abi", "keccak", "0x"])
        #expect(r.stdout == "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470\n")
    }

    @Test func abiKeccakJSONIsAnEnvelope() throws {
        let r = try DefiBinary.run(["abi", "keccak", "abc", "--json"])
        #expect(r.status == 0)
        #expect(r.stdout == """
            {
              "data" : {
                "hash" : "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"
              },
              "error" : null,
              "ok" : true,
              "schema_version" : 1,
              "warnings" : [

              ]
            }

            """)
        #expect(r.stderr.isEmpty)
    }

    @Test func abiKeccakCSV() throws {
        let r = try DefiBinary.run(["abi", "keccak", "abc", "--csv"])
        #expect(r.stdout == "hash\n0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45\n")
    }

    @Test func abiKeccakBadHexIsAUsageError() throws {
        let r = try DefiBinary.run(["abi", "keccak", "0xzz"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: input: expected 0x-prefixed hex bytes"))
    }
}
