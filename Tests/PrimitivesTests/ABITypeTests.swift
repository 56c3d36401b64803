import Testing

@testable import Primitives

@Suite struct ABITypeTests {
    @Test func parsesElementaryTypesAndAliases() throws {
        #expect(try ABIType(parsing: "uint256") == .uint(256))
        #expect(try ABIType(parsing: "uint") == .uint(256))
        #expect(try ABIType(parsing: "int") == .int(256))
        #expect(try ABIType(parsing: "int8") == .int(8))
        #expect(try ABIType(parsing: "bytes1") == .fixedBytes(1))
        #expect(try ABIType(parsing: "bytes32") == .fixedBytes(32))
        #expect(try ABIType(parsing: "bytes") == .bytes)
        #expect(try ABIType(parsing: "string") == .string)
        #expect(try ABIType(parsing: "address") == .address)
        #expect(try ABIType(parsing: "bool") == .bool)
        #expect(try ABIType(parsing: " uint8 ") == .uint(8))
    }

    @Test func arraySuffixesApplyLeftToRight() throws {
        // T[2][] is a dynamic array of T[2].
        #expect(try ABIType(parsing: "bytes32[3][]") == .array(.fixedArray(.fixedBytes(32), 3)))
        #expect(try ABIType(parsing: "uint8[][2]") == .fixedArray(.array(.uint(8)), 2))
        #expect(try ABIType(parsing: "(uint256,address)[2][]").description == "(uint256,address)[2][]")
    }

    @Test func canonicalDescriptions() throws {
        for text in ["uint256", "(address,uint256)[]", "bytes32[3][]", "((uint8,string)[],bool)", "()", "int24[7]"] {
            #expect(try ABIType(parsing: text).description == text)
        }
        #expect(try ABIType(parsing: "tuple(uint, int)[]").description == "(uint256,int256)[]")
        #expect(try ABIType(parsing: "(address to, uint amount)").description == "(address,uint256)")
    }

    @Test func tupleNamesAreKeptButIgnoredByEquality() throws {
        let t = try ABIType(parsing: "(address to,uint256 amount)")
        guard case .tuple(_, let names) = t else { Issue.record("not a tuple"); return }
        #expect(names == ["to", "amount"])
        #expect(t == (try ABIType(parsing: "(address,uint256)")))
    }

    @Test func dynamicAndHeadSize() throws {
        let cases: [(String, Bool, Int)] = [
            ("uint8", false, 32), ("bytes", true, 32), ("string", true, 32), ("uint256[]", true, 32),
            ("uint256[3]", false, 96), ("string[2]", true, 32), ("(uint256,bool)", false, 64),
            ("(uint256,bytes)", true, 32), ("(uint256,bool)[2]", false, 128), ("()", false, 0),
        ]
        for (text, dynamic, head) in cases {
            let t = try ABIType(parsing: text)
            #expect(t.isDynamic == dynamic, "\(text)")
            #expect(t.headSize == head, "\(text)")
        }
    }

    @Test func rejectsInvalidSizes() {
        for text in ["uint7", "uint0", "uint264", "int9", "bytes0", "bytes33", "uint08", "bytes01", "uint256[0]",
                     "uint256[01]", "uint1000"] {
            #expect(throws: ABIParseError.self, "\(text)") { try ABIType(parsing: text) }
        }
        #expect(throws: ABIParseError.invalidSize(offset: 0, type: "uint7")) { try ABIType(parsing: "uint7") }
    }

    @Test func rejectsMalformedTypes() {
        for text in ["", "uint256[", "uint256]", "(uint256", "(uint256,)", "foo", "uint256 x", "[]", "(,)",
                     "uint256[2", "tuple", "address[-1]", "((((", "uint256[99999999999]"] {
            #expect(throws: ABIParseError.self, "\(text)") { try ABIType(parsing: text) }
        }
        #expect(throws: ABIParseError.unknownType(offset: 0, name: "foo")) { try ABIType(parsing: "foo") }
        #expect(throws: ABIParseError.unexpectedEnd(expected: "a type")) { try ABIType(parsing: "") }
    }

    @Test func rejectsDeepNestingAndHugeStaticTypes() {
        let deep = String(repeating: "(", count: 100) + "uint8" + String(repeating: ")", count: 100)
        #expect(throws: ABIParseError.self) { try ABIType(parsing: deep) }
        let brackets = "uint8" + String(repeating: "[]", count: 100)
        #expect(throws: ABIParseError.self) { try ABIType(parsing: brackets) }
        #expect(throws: ABIParseError.self) { try ABIType(parsing: "uint256[65536][65536]") }
    }

    @Test func validateRejectsHandBuiltInvalidTypes() {
        #expect(throws: ABIParseError.self) { try ABIType.uint(7).validate() }
        #expect(throws: ABIParseError.self) { try ABIType.fixedBytes(0).validate() }
        #expect(throws: ABIParseError.self) { try ABIType.fixedArray(.uint256, 0).validate() }
        #expect(throws: ABIParseError.self) { try ABIType.fixedArray(.fixedArray(.uint256, 1 << 20), 1 << 20).validate() }
        #expect((try? ABIType.tuple([.uint256, .array(.string)]).validate()) != nil)
    }

    @Test func fuzzedTypeTextNeverTraps() {
        var rng = SplitMix(seed: 7)
        let alphabet = Array("uintbytes2568[]()0,1 addressbool".utf8)
        for _ in 0..<3000 {
            let n = Int(rng.next() % 24)
            let bytes = (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            _ = try? ABIType(parsing: String(decoding: bytes, as: UTF8.self))
        }
    }
}

/// A small deterministic generator for fuzz-style loops.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func bytes(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8(truncatingIfNeeded: next()) } }
}
