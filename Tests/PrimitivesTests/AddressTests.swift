import Foundation
import TestSupport
import Testing

@testable import Primitives

@Suite struct AddressTests {
    static let sample = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"

    @Test(.enabled(if: Fixtures.hasVector("eip55"), "vector eip55.json absent: ../shared/vectors"))
    func eip55VectorsChecksumCaseByCase() throws {
        let v = try Fixtures.vector("eip55")
        let cases = try #require(v["cases"] as? [[String: String]])
        #expect(cases.count >= 60)
        for c in cases {
            let lower = try #require(c["input_lowercase"]), want = try #require(c["checksummed"])
            let a = try Address(parsing: lower)
            #expect(a.description == want, "\(lower): got \(a.description) expected \(want)")
            #expect(try Address(parsing: want) == a, "\(want) parses")
            #expect(try Address(parsing: lower.uppercased().replacingOccurrences(of: "0X", with: "0x")) == a)
            #expect(a.lowercaseHex == lower)
            if let k = c["keccak_of_lowercase_hex"] {
                let got = Keccak256.hash(utf8: String(lower.dropFirst(2))).description
                #expect(got == k, "\(lower): keccak got \(got) expected \(k)")
            }
            if let pub = c["public_key_uncompressed"] {
                let key = try [UInt8](hex: pub)
                #expect(try Address.fromPublicKey(key) == a, "\(lower) from 65-byte key")
                #expect(try Address.fromPublicKey(key.dropFirst()) == a, "\(lower) from 64-byte key")
            }
        }
    }

    @Test(.enabled(if: Fixtures.hasVector("eip55"), "vector eip55.json absent: ../shared/vectors"))
    func eip55ValidationCasesCaseByCase() throws {
        let v = try Fixtures.vector("eip55")
        let cases = try #require(v["checksum_validation_cases"] as? [[String: Any]])
        #expect(cases.count >= 10)
        for c in cases {
            let text = try #require(c["address"] as? String), valid = try #require(c["valid_checksum"] as? Bool)
            let why = c["why"] as? String ?? ""
            #expect(Address.isChecksummed(text) == valid, "\(text) (\(why))")
            let parsed = Result { () throws(AddressError) in try Address(parsing: text) }
            if let correct = c["correct"] as? String {
                let isSingleCase = text == text.lowercased() || text.dropFirst(2) == text.dropFirst(2).uppercased()
                if valid || isSingleCase {
                    #expect(try parsed.get().description == correct, "\(text) (\(why))")
                } else {
                    #expect(throws: AddressError.badChecksum(got: text, expected: correct), "\(text) (\(why))") {
                        try parsed.get()
                    }
                }
            } else {
                #expect(throws: AddressError.self, "\(text) (\(why))") { try parsed.get() }
            }
        }
    }

    @Test(.enabled(if: Fixtures.hasOracle("address"), "oracle address.json absent: run scripts/test"))
    func checksumCreateAndCreate2MatchEthUtils() throws {
        let o = try Fixtures.oracle("address")
        for c in try #require(o["cases"] as? [[String: String]]) {
            let got = try Address(parsing: try #require(c["lower"])).description
            #expect(got == c["checksummed"], "\(c["lower"] ?? ""): got \(got)")
        }
        let creates = try #require(o["create"] as? [[String: String]])
        #expect(creates.count >= 100)
        for c in creates {
            let sender = try Address(parsing: try #require(c["sender"]))
            let nonce = try #require(UInt64(c["nonce"] ?? ""), "nonce")
            let got = Address.create(sender: sender, nonce: nonce).description
            #expect(got == c["address"], "create(\(sender), \(nonce)): got \(got) expected \(c["address"] ?? "")")
        }
        let creates2 = try #require(o["create2"] as? [[String: String]])
        #expect(creates2.count >= 100)
        for c in creates2 {
            let deployer = try Address(parsing: try #require(c["deployer"]))
            let salt = try Hash32(hex: try #require(c["salt"]))
            let code = try [UInt8](hex: try #require(c["init_code"]))
            let got = Address.create2(deployer: deployer, salt: salt, initCode: code).description
            #expect(got == c["address"], "create2(\(deployer), \(salt)): got \(got) expected \(c["address"] ?? "")")
        }
    }

    @Test func specExampleChecksums() throws {
        let a = try Address(parsing: "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359")
        #expect(a.description == "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")
        #expect(Address.zero.description == "0x0000000000000000000000000000000000000000")
        #expect(Address.zero.isZero && !a.isZero)
    }

    @Test func parsingRejectsBadTextWithTypedErrors() throws {
        #expect(throws: AddressError.missingPrefix) { try Address(parsing: String(Self.sample.dropFirst(2))) }
        #expect(throws: AddressError.missingPrefix) { try Address(parsing: "") }
        #expect(throws: AddressError.missingPrefix) { try Address(parsing: "0") }
        #expect(throws: AddressError.wrongLength(expected: 40, got: 0)) { try Address(parsing: "0x") }
        #expect(throws: AddressError.wrongLength(expected: 40, got: 39)) { try Address(parsing: Self.sample.dropLast()) }
        #expect(throws: AddressError.wrongLength(expected: 40, got: 41)) { try Address(parsing: Self.sample + "d") }
        #expect(throws: AddressError.invalidCharacter(offset: 41, character: "g")) {
            try Address(parsing: Self.sample.dropLast() + "g")
        }
        #expect(throws: AddressError.invalidCharacter(offset: 2, character: " ")) {
            try Address(parsing: "0x " + Self.sample.dropFirst(3))
        }
        #expect(throws: AddressError.self) { try Address(parsing: "0x" + String(repeating: "é", count: 20)) }
        let bad = "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
        #expect(throws: AddressError.badChecksum(got: bad, expected: Self.sample)) { try Address(parsing: bad) }
        #expect(AddressError.badChecksum(got: bad, expected: Self.sample).description.contains(Self.sample))
    }

    @Test func bytesRoundTripAndOrderIsNumeric() throws {
        let raw = (1...20).map { UInt8($0) }
        let a = try Address(bytes: raw)
        #expect(a.bytes == raw)
        #expect(try Address(bytes: a.bytes) == a)
        #expect(throws: AddressError.wrongLength(expected: 20, got: 19)) { try Address(bytes: raw.dropLast()) }
        #expect(throws: AddressError.wrongLength(expected: 20, got: 0)) { try Address(bytes: []) }
        var hi = raw
        hi[19] = 21
        #expect(a < (try Address(bytes: hi)))
        var first = [UInt8](repeating: 0, count: 20)
        first[0] = 1
        #expect(try Address(bytes: first) > (try Address(bytes: [0] + [UInt8](repeating: 0xff, count: 19))))
        #expect(Set([a, a, Address.zero]).count == 2)
    }

    @Test func uniswapV2PairsFollowCreate2() throws {
        // protocol-notes 1.4: pair = create2(factory, keccak(token0 ‖ token1), initCodeHash), tokens sorted.
        let usdc = try Address(parsing: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48")
        let weth = try Address(parsing: "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2")
        let (t0, t1) = usdc < weth ? (usdc, weth) : (weth, usdc)
        #expect(t0 == usdc)
        let salt = Keccak256.hash(t0.bytes + t1.bytes)
        let uni = Address.create2(
            deployer: try Address(parsing: "0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f"), salt: salt,
            initCodeHash: try Hash32(hex: "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f"))
        #expect(uni.description == "0xB4e16d0168e52d35CaCD2c6185b44281Ec28C9Dc")
        let sushi = Address.create2(
            deployer: try Address(parsing: "0xC0AEe478e3658e2610c5F7A4A2E1777cE9e4f2Ac"), salt: salt,
            initCodeHash: try Hash32(hex: "0xe18a34eb0e04b04f7a0ac29a6e80748dca96319b42c54d679cb821dca90c6303"))
        #expect(sushi.description == "0x397FF1542f962076d0BFE58eA045FfA2d347ACa0")
    }

    @Test func eip1014ExamplesMatch() throws {
        // EIP-1014 "Examples" 0, 1 and 5.
        let zero = Address.zero
        #expect(
            Address.create2(deployer: zero, salt: .zero, initCode: [0x00]).description
                == "0x4D1A2e2bB4F88F0250f26Ffff098B0b30B26BF38")
        let deadbeef = try Address(parsing: "0xdeadbeef00000000000000000000000000000000")
        #expect(
            Address.create2(deployer: deadbeef, salt: .zero, initCode: [0x00]).description
                == "0xB928f69Bb1D91Cd65274e3c79d8986362984fDA3")
        let salt = try Hash32(hex: "0x00000000000000000000000000000000000000000000000000000000cafebabe")
        #expect(
            Address.create2(deployer: try Address(parsing: "0x00000000000000000000000000000000deadbeef"), salt: salt,
                            initCode: [0xde, 0xad, 0xbe, 0xef]).description
                == "0x60f3f640a8508fC6a86d45DF051962668E1e8AC7")
        #expect(Address.create2(deployer: zero, salt: .zero, initCode: []).description
                == "0xE33C0C7F7df4809055C3ebA6c09CFe4BaF1BD9e0")
    }

    @Test func createMatchesKnownDeployment() throws {
        // keccak(rlp([0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0, n]))[12:], the classic worked example.
        let sender = try Address(parsing: "0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0")
        #expect(Address.create(sender: sender, nonce: 0).lowercaseHex == "0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d")
        #expect(Address.create(sender: sender, nonce: 1).lowercaseHex == "0x343c43a37d37dff08ae8c4a11544c718abb4fcf8")
        #expect(Address.create(sender: sender, nonce: 2).lowercaseHex == "0xf778b86fa74e846c4f0a1fbd1335fe81c00a0c91")
        #expect(Address.create(sender: sender, nonce: 3).lowercaseHex == "0xfffd933a0bc612844eaf0c6fe3e5b8e9b6c1d19c")
    }

    @Test func publicKeyRejectsWrongShapes() throws {
        #expect(throws: AddressError.badPublicKey(length: 0, firstByte: nil)) { try Address.fromPublicKey([]) }
        #expect(throws: AddressError.badPublicKey(length: 65, firstByte: 0x02)) {
            try Address.fromPublicKey([0x02] + [UInt8](repeating: 1, count: 64))
        }
        #expect(throws: AddressError.badPublicKey(length: 33, firstByte: 0x02)) {
            try Address.fromPublicKey([0x02] + [UInt8](repeating: 1, count: 32))
        }
    }

    @Test func abiWordRoundTripsAndRejectsDirtyWords() throws {
        let a = try Address(parsing: Self.sample)
        let w = a.abiWord
        #expect(w.count == 32 && w.prefix(12).allSatisfy { $0 == 0 } && Array(w.suffix(20)) == a.bytes)
        #expect(try Address(abiWord: w) == a)
        var dirty = w
        dirty[3] = 1
        #expect(throws: AddressError.dirtyABIWord(offset: 3)) { try Address(abiWord: dirty) }
        #expect(throws: AddressError.wrongLength(expected: 32, got: 20)) { try Address(abiWord: a.bytes) }
    }

    @Test func hashSuffixTakesLastTwentyBytes() throws {
        let h = try Hash32(bytes: (0..<32).map { UInt8($0) })
        #expect(Address(hashSuffix: h).bytes == (12..<32).map { UInt8($0) })
    }
}
