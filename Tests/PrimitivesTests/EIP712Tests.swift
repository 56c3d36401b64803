import Testing

@testable import Primitives

@Suite struct EIP712Tests {
    /// The Mail example from EIP-712 (assets/eip-712/Example.js).
    static let mail = #"""
    {
      "types": {
        "EIP712Domain": [
          {"name": "name", "type": "string"}, {"name": "version", "type": "string"},
          {"name": "chainId", "type": "uint256"}, {"name": "verifyingContract", "type": "address"}
        ],
        "Person": [{"name": "name", "type": "string"}, {"name": "wallet", "type": "address"}],
        "Mail": [{"name": "from", "type": "Person"}, {"name": "to", "type": "Person"}, {"name": "contents", "type": "string"}]
      },
      "primaryType": "Mail",
      "domain": {"name": "Ether Mail", "version": "1", "chainId": 1,
                 "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
      "message": {
        "from": {"name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
        "to": {"name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},
        "contents": "Hello, Bob!"
      }
    }
    """#

    @Test func mailExampleMatchesTheEIP() throws {
        let td = try TypedData(jsonText: EIP712Tests.mail)
        #expect(try td.encodeType("Mail") == "Mail(Person from,Person to,string contents)Person(string name,address wallet)")
        #expect(try td.typeHash(of: "Mail").description == "0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2")
        #expect(try td.typeHash(of: "EIP712Domain").description
            == "0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f")
        #expect(try td.domainSeparator().description == "0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f")
        #expect(try td.hashStruct("Mail", td.message).description
            == "0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e")
        #expect(try td.signingHash().description == "0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2")
    }

    @Test func domainTypeIsDerivedFromPresentFieldsWhenOmitted() throws {
        var text = EIP712Tests.mail
        let start = try #require(text.range(of: "\"EIP712Domain\""))
        let end = try #require(text.range(of: "\"Person\""))
        text.removeSubrange(start.lowerBound..<end.lowerBound)
        let td = try TypedData(jsonText: text)
        #expect(try td.domainSeparator().description == "0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f")
    }

    @Test func referencedTypesAreSortedByName() throws {
        let td = try TypedData(jsonText: #"""
        {"types": {"Z": [{"name": "b", "type": "B[]"}, {"name": "a", "type": "A"}],
                   "A": [{"name": "x", "type": "uint8"}], "B": [{"name": "a", "type": "A[2]"}]},
         "primaryType": "Z", "domain": {}, "message": {}}
        """#)
        #expect(try td.encodeType("Z") == "Z(B[] b,A a)A(uint8 x)B(A[2] a)")
    }

    @Test func rejectsBadTypedData() throws {
        let bad = [
            "[]", #"{"types": {}, "primaryType": "X", "domain": {}, "message": {}}"#,
            #"{"types": {"X": [{"name": "a"}]}, "primaryType": "X", "domain": {}, "message": {}}"#,
            #"{"primaryType": "X"}"#, "{",
        ]
        for text in bad {
            #expect(throws: EIP712Error.self, "\(text)") { try TypedData(jsonText: text) }
        }
        func hash(_ type: String, _ value: String) throws -> Hash32 {
            try TypedData(jsonText: #"{"types": {"X": [{"name": "a", "type": "\#(type)"}]}, "primaryType": "X", "domain": {}, "message": {"a": \#(value)}}"#)
                .signingHash()
        }
        let invalid: [(String, String)] = [
            ("uint8", "256"), ("uint8", "-1"), ("int8", "128"), ("uint256", "1.5"), ("bool", "1"), ("address", "\"0x12\""),
            ("bytes2", "\"0x010203\""), ("bytes", "\"zz\""), ("string", "1"), ("uint8[2]", "[1]"), ("Y", "1"),
            ("uint256", "true"), ("uint7", "1"),
        ]
        for (t, v) in invalid {
            #expect(throws: EIP712Error.self, "\(t) \(v)") { try hash(t, v) }
        }
        #expect(throws: EIP712Error.missing(path: "message.a")) {
            try TypedData(jsonText: #"{"types": {"X": [{"name": "a", "type": "uint8"}]}, "primaryType": "X", "domain": {}, "message": {}}"#)
                .signingHash()
        }
        // Numbers as JSON numbers, decimal strings and hex strings hash alike.
        #expect(try hash("int16", "-300") == (try hash("int16", "\"-300\"")))
        #expect(try hash("uint256", "255") == (try hash("uint256", "\"0xff\"")))
    }

    @Test(.enabled(if: Fixtures.hasOracle("eip712"), "eip712 oracle absent: run scripts/test"))
    func matchesEthAccount() throws {
        let cases = try Fixtures.oracle("eip712")["cases"] as? [[String: Any]] ?? []
        #expect(cases.count >= 100)
        for (i, c) in cases.enumerated() {
            let td = try TypedData(jsonText: c["json"] as? String ?? "")
            #expect(try td.domainSeparator().description == c["domain_separator"] as? String, "case \(i) domain")
            #expect(try td.hashStruct(td.primaryType, td.message).description == c["struct_hash"] as? String,
                    "case \(i) struct hash: \(c["json"] ?? "")")
            #expect(try td.signingHash().description == c["digest"] as? String, "case \(i) digest")
        }
    }
}
