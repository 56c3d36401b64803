import Testing

@testable import Primitives

@Suite struct ABICodecTests {
    func word(_ hex: String) -> String { String(repeating: "0", count: 64 - hex.count) + hex }

    @Test func encodesSpecExample() throws {
        // Solidity ABI spec example: f(uint256,uint32[],bytes10,bytes) with (0x123, [0x456, 0x789], "1234567890", "Hello, world!").
        let types = try ["uint256", "uint32[]", "bytes10", "bytes"].map { try ABIType(parsing: $0) }
        let values: [ABIValue] = [
            .uint(0x123), .array([.uint(0x456), .uint(0x789)]), .fixedBytes(Array("1234567890".utf8)),
            .bytes(Array("Hello, world!".utf8)),
        ]
        let expected = word("123") + word("80") + "3132333435363738393000000000000000000000000000000000000000000000"
            + word("e0") + word("2") + word("456") + word("789") + word("d")
            + "48656c6c6f2c20776f726c642100000000000000000000000000000000000000"
        let data = try ABI.encode(types: types, values: values)
        #expect(Hex.encode(data, prefix: false) == expected)
        #expect(try ABI.decode(types: types, data: data) == values)
    }

    @Test func encodesNegativeIntsSignExtended() throws {
        let data = try ABI.encode(.signed(-1), as: .int(8))
        #expect(data == [UInt8](repeating: 0xFF, count: 32))
        #expect(try ABI.decode(.int(8), data: data) == .signed(-1))
        #expect(ABIValue.signed(-5).description == "-5")
    }

    @Test func encodeRejectsMismatchedValues() throws {
        #expect(throws: ABIEncodingError.outOfRange(path: "value.0", type: "uint8", value: "256")) {
            try ABI.encode(types: [.uint(8)], values: [.uint(256)])
        }
        #expect(throws: ABIEncodingError.self) { try ABI.encode(types: [.int(8)], values: [.signed(128)]) }
        #expect(throws: ABIEncodingError.self) { try ABI.encode(types: [.int(8)], values: [.signed(-129)]) }
        _ = try ABI.encode(types: [.int(8)], values: [.signed(-128)])
        #expect(throws: ABIEncodingError.self) { try ABI.encode(types: [.address], values: [.address([1, 2])]) }
        #expect(throws: ABIEncodingError.self) { try ABI.encode(types: [.fixedBytes(4)], values: [.fixedBytes([1])]) }
        #expect(throws: ABIEncodingError.typeMismatch(path: "value.0", expected: "bool", got: "uint")) {
            try ABI.encode(types: [.bool], values: [.uint(1)])
        }
        #expect(throws: ABIEncodingError.self) { try ABI.encode(types: [.fixedArray(.bool, 2)], values: [.array([.bool(true)])]) }
        #expect(throws: ABIEncodingError.self) { try ABI.encode(types: [.uint256, .uint256], values: [.uint(1)]) }
        #expect(throws: ABIEncodingError.self) { try ABI.encode(types: [.uint(7)], values: [.uint(1)]) }
    }

    @Test func encodesEmptyAndNested() throws {
        #expect(try ABI.encode(types: [], values: []) == [])
        let t = try ABIType(parsing: "(string,uint8[])[]")
        let v = ABIValue.array([.tuple([.string("a"), .array([])]), .tuple([.string(""), .array([.uint(3)])])])
        let data = try ABI.encode(v, as: t)
        #expect(try ABI.decode(t, data: data) == v)
    }

    // MARK: strict decoding

    func dirty(_ type: String, _ hex: String) throws -> ABIDecodingError? {
        let t = try ABIType(parsing: type)
        let data = try [UInt8](hex: hex)
        do {
            _ = try ABI.decode(t, data: data)
            return nil
        } catch { return error }
    }

    @Test func rejectsDirtyPaddingAndOutOfRangeWords() throws {
        let ff = String(repeating: "f", count: 64)
        #expect(try dirty("address", "01" + String(repeating: "0", count: 62) + "01") == .dirtyPadding(offset: 0, type: "address"))
        #expect(try dirty("bool", word("2")) == .invalidBool(offset: 0, word: "0x" + word("2")))
        #expect(try dirty("bool", "01" + word("1").dropFirst(2)) != nil)
        #expect(try dirty("uint8", word("100")) == .outOfRange(offset: 0, type: "uint8", word: "0x" + word("100")))
        #expect(try dirty("uint248", ff) != nil)
        #expect(try dirty("uint256", ff) == nil)
        #expect(try dirty("int8", word("80")) != nil)  // +128 does not fit int8
        #expect(try dirty("int8", String(repeating: "f", count: 62) + "7f") != nil)  // sign bit clear, high bytes set
        #expect(try dirty("int8", ff) == nil)
        #expect(try dirty("bytes1", "0102" + String(repeating: "0", count: 60)) == .dirtyPadding(offset: 0, type: "bytes1"))
        // bytes tail padding must be zero.
        #expect(try dirty("bytes", word("20") + word("1") + "aa" + String(repeating: "0", count: 60) + "01")
            == .dirtyPadding(offset: 65, type: "bytes"))
    }

    @Test func rejectsTruncatedData() throws {
        #expect(try dirty("uint256", "00") == .truncated(offset: 0, needed: 32, available: 1))
        #expect(try dirty("uint256[2]", word("1")) != nil)
        #expect(try dirty("bytes", word("20") + word("21") + String(repeating: "a", count: 64)) != nil)
        // Length present but the padding word is missing.
        #expect(try dirty("bytes", word("20") + word("1") + "aa") != nil)
        #expect(try dirty("string", word("20")) != nil)
    }

    @Test func rejectsBadOffsetsAndLengths() throws {
        #expect(try dirty("bytes", word("40")) == .offsetOutOfBounds(offset: 0, value: "64", size: 32))
        #expect(try dirty("bytes", ff64()) != nil)
        // Offset pointing back into the head.
        let head = try dirty("(uint256,bytes)", word("20") + word("1") + word("0") + word("0"))
        #expect(head == .offsetIntoHead(offset: 64, value: 0, headSize: 64))
        #expect(try dirty("(uint256,bytes)", word("1")) == .offsetIntoHead(offset: 0, value: 1, headSize: 32))
        // Array length beyond the data.
        #expect(try dirty("uint256[]", word("20") + word("ffff")) == .lengthOutOfBounds(offset: 32, length: "65535", available: 0))
        #expect(try dirty("uint256[]", word("20") + ff64()) != nil)
        #expect(try dirty("bytes", word("20") + word("5")) != nil)
    }

    func ff64() -> String { String(repeating: "f", count: 64) }

    @Test func rejectsInvalidUTF8() throws {
        #expect(try dirty("string", word("20") + word("1") + "ff" + String(repeating: "0", count: 62)) == .invalidUTF8(offset: 32))
    }

    @Test func reusedOffsetsHitTheWorkLimit() throws {
        // bytes[] with many offsets all pointing at one large bytes value: amplification is refused.
        let n = 2000
        var hex = word("20") + word(String(n, radix: 16))
        let target = (n) * 32
        for _ in 0..<n { hex += word(String(target, radix: 16)) }
        hex += word(String(4096, radix: 16)) + String(repeating: "ab", count: 4096)
        #expect(try dirty("bytes[]", hex) == .limitExceeded(size: hex.count / 2))
    }

    @Test func decodeRejectsInvalidHandBuiltTypes() {
        #expect(throws: ABIDecodingError.self) { try ABI.decode(types: [.fixedArray(.uint256, 0)], data: []) }
        #expect(throws: ABIDecodingError.self) { try ABI.decode(types: [.uint(300)], data: [UInt8](repeating: 0, count: 32)) }
    }

    @Test func randomGarbageNeverTraps() throws {
        var rng = SplitMix(seed: 42)
        let types = try ["uint8", "int16", "address", "bool", "bytes3", "bytes", "string", "uint256[]", "(bool,bytes)[2]",
                         "(string,(uint8[],bytes)[])", "bytes32[3][]", "string[][]", "(uint256,address)[]"]
            .map { try ABIType(parsing: $0) }
        var decoded = 0
        for i in 0..<4000 {
            let t = Array(types.shuffled(using: &rng).prefix(1 + i % 3))
            var data = rng.bytes(Int(rng.next() % 300))
            // Bias toward small words so offsets and lengths often look plausible.
            for j in stride(from: 0, to: data.count, by: 32) where rng.next() % 2 == 0 {
                for k in j..<min(j + 31, data.count) { data[k] = 0 }
                if j + 31 < data.count { data[j + 31] = UInt8(rng.next() % 0x80) }
            }
            if (try? ABI.decode(types: t, data: data)) != nil { decoded += 1 }
        }
        #expect(decoded >= 0)
    }

    @Test func mutatedValidEncodingsNeverTrap() throws {
        var rng = SplitMix(seed: 9)
        let t = try ABIType(parsing: "(string,(uint8[],bytes)[],int16,address)")
        let v = ABIValue.tuple([
            .string("hello"), .array([.tuple([.array([.uint(1), .uint(2)]), .bytes([1, 2, 3])])]), .signed(-7),
            .address([UInt8](repeating: 0x11, count: 20)),
        ])
        let good = try ABI.encode(v, as: t)
        #expect(try ABI.decode(t, data: good) == v)
        for _ in 0..<3000 {
            var d = good
            for _ in 0..<(1 + rng.next() % 3) {
                let i = Int(rng.next() % UInt64(d.count))
                d[i] = UInt8(truncatingIfNeeded: rng.next())
            }
            if rng.next() % 4 == 0 { d.removeLast(Int(rng.next() % UInt64(d.count))) }
            _ = try? ABI.decode(t, data: d)
        }
    }
}
