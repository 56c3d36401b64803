import Testing

@testable import Primitives

@Suite struct RLPTests {
    static func decode(_ hex: String) throws(RLPError) -> RLPItem {
        let bytes = (try? [UInt8](hex: hex)) ?? []
        return try RLP.decode(bytes)
    }

    // MARK: encoding

    @Test func encodesStringsAtLengthBoundaries() throws {
        #expect(RLP.encode(bytes: []) == [0x80])
        #expect(RLP.encode(bytes: [0x00]) == [0x00])
        #expect(RLP.encode(bytes: [0x7f]) == [0x7f])
        #expect(RLP.encode(bytes: [0x80]) == [0x81, 0x80])
        let s55 = [UInt8](repeating: 0x61, count: 55)
        #expect(RLP.encode(bytes: s55) == [0xb7] + s55)
        let s56 = [UInt8](repeating: 0x61, count: 56)
        #expect(RLP.encode(bytes: s56) == [0xb8, 56] + s56)
        let s256 = [UInt8](repeating: 1, count: 256)
        #expect(RLP.encode(bytes: s256) == [0xb9, 0x01, 0x00] + s256)
        let mib = [UInt8](repeating: 7, count: 1 << 20)
        let e = RLP.encode(bytes: mib)
        #expect(e.count == 4 + (1 << 20) && Array(e.prefix(4)) == [0xba, 0x10, 0x00, 0x00])
        #expect(try RLP.decode(e) == .bytes(mib))
    }

    @Test func encodesListsAtLengthBoundaries() throws {
        #expect(RLP.encode(.list([])) == [0xc0])
        #expect(RLP.encode(.list([.list([]), .list([.list([])])])) == [0xc3, 0xc0, 0xc1, 0xc0])
        // A payload of exactly 55 bytes stays short; 56 takes the long form.
        let p55 = RLPItem.list([.bytes([UInt8](repeating: 1, count: 54))])
        #expect(Array(RLP.encode(p55).prefix(2)) == [0xf7, 0xb6])
        let p56 = RLPItem.list([.bytes([UInt8](repeating: 1, count: 55))])
        #expect(Array(RLP.encode(p56).prefix(3)) == [0xf8, 56, 0xb7])
        #expect(RLPItem.list([.uint(1), .uint(2)]).encoded == [0xc2, 0x01, 0x02])
    }

    @Test func encodesIntegersMinimally() throws {
        #expect(RLP.encode(UInt64(0)) == [0x80])
        #expect(RLP.encode(UInt64(1)) == [0x01])
        #expect(RLP.encode(UInt64(0x7f)) == [0x7f])
        #expect(RLP.encode(UInt64(0x80)) == [0x81, 0x80])
        #expect(RLP.encode(UInt64(0x100)) == [0x82, 0x01, 0x00])
        #expect(RLP.encode(UInt64.max) == [0x88] + [UInt8](repeating: 0xff, count: 8))
        #expect(RLP.encode(U256.zero) == [0x80])
        #expect(RLP.encode(U256.max) == [0xa0] + [UInt8](repeating: 0xff, count: 32))
        #expect(RLP.encode(try U256(parsing: "1000000000000000000")) == [0x88, 0x0d, 0xe0, 0xb6, 0xb3, 0xa7, 0x64, 0, 0])
    }

    @Test func encodesAddressesAndContractCreation() throws {
        let a = try Address(parsing: "0x3535353535353535353535353535353535353535")
        #expect(RLP.encode(a) == [0x94] + [UInt8](repeating: 0x35, count: 20))
        #expect(RLPItem.address(nil as Address?) == .empty)
        #expect(RLPItem.hash32(.zero) == .bytes([UInt8](repeating: 0, count: 32)))
    }

    @Test func eip155SigningPayloadMatchesProtocolNotes() throws {
        // protocol-notes 11.2: nonce 9, 20 gwei, 21000 gas, to 0x35…35, 1 ether, chainId 1.
        let to = try Address(parsing: "0x3535353535353535353535353535353535353535")
        let item = RLPItem.list([
            .uint(9), .uint(20_000_000_000), .uint(21000), .address(to),
            .uint(try U256(parsing: "1000000000000000000")), .empty, .uint(1), .uint(0), .uint(0),
        ])
        let enc = RLP.encode(item)
        #expect(enc.hex == "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080")
        #expect(Keccak256.hash(enc).description == "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53")
        let fields = try RLP.decode(enc).list(count: 9)
        #expect(try fields[0].uint64() == 9)
        #expect(try fields[3].address() == to)
        #expect(try fields[4].u256() == (try U256(parsing: "1000000000000000000")))
        #expect(try fields[5].bytes().isEmpty)
    }

    // MARK: strict decoding, one rule at a time

    @Test func rejectsEmptyAndTruncatedInput() throws {
        #expect(throws: RLPError.truncated(offset: 0, needed: 1, available: 0)) { try Self.decode("") }
        #expect(throws: RLPError.truncated(offset: 1, needed: 1, available: 0)) { try Self.decode("81") }
        #expect(throws: RLPError.truncated(offset: 1, needed: 3, available: 2)) { try Self.decode("836162") }
        #expect(throws: RLPError.truncated(offset: 1, needed: 5, available: 3)) { try Self.decode("c5010203") }
        #expect(throws: RLPError.truncated(offset: 1, needed: 2, available: 1)) { try Self.decode("b901") }
        #expect(throws: RLPError.truncated(offset: 3, needed: 384, available: 1)) { try Self.decode("f9018080") }
        #expect(throws: RLPError.truncated(offset: 1, needed: 3, available: 2)) { try Self.decode("c3c2c1") }
    }

    @Test func rejectsNonCanonicalSingleByte() throws {
        #expect(throws: RLPError.nonCanonicalSingleByte(offset: 0)) { try Self.decode("8105") }
        #expect(throws: RLPError.nonCanonicalSingleByte(offset: 0)) { try Self.decode("8100") }
        #expect(throws: RLPError.nonCanonicalSingleByte(offset: 1)) { try Self.decode("c2817f") }
        #expect(try Self.decode("8180") == .bytes([0x80]))
    }

    @Test func rejectsLeadingZeroInLongLength() throws {
        #expect(throws: RLPError.leadingZeroInLength(offset: 1)) { try Self.decode("b800") }
        #expect(throws: RLPError.leadingZeroInLength(offset: 1)) { try Self.decode("f800") }
        #expect(throws: RLPError.leadingZeroInLength(offset: 2)) { try Self.decode("c4b9003801") }
    }

    @Test func rejectsLongFormForShortLength() throws {
        #expect(throws: RLPError.nonCanonicalLength(offset: 0)) { try Self.decode("b801ff") }
        #expect(throws: RLPError.nonCanonicalLength(offset: 0)) { try Self.decode("f80180") }
        #expect(throws: RLPError.nonCanonicalLength(offset: 0)) { try Self.decode("b837" + String(repeating: "00", count: 55)) }
        #expect(throws: RLPError.nonCanonicalLength(offset: 2)) { try Self.decode("c4c0b80161") }
    }

    @Test func rejectsLengthOverflow() throws {
        #expect(throws: RLPError.lengthOverflow(offset: 1)) { try Self.decode("bf8000000000000000") }
        #expect(throws: RLPError.lengthOverflow(offset: 1)) { try Self.decode("ffffffffffffffffff0001020304050607") }
        // Fits in Int but far beyond the input: truncated, never an allocation.
        #expect(throws: RLPError.truncated(offset: 9, needed: 0x7fff_ffff_ffff_ffff, available: 0)) {
            try Self.decode("bf7fffffffffffffff")
        }
    }

    @Test func rejectsTrailingBytes() throws {
        #expect(throws: RLPError.trailingBytes(offset: 1, count: 1)) { try Self.decode("0000") }
        #expect(throws: RLPError.trailingBytes(offset: 1, count: 2)) { try Self.decode("c0c0c0") }
        #expect(throws: RLPError.trailingBytes(offset: 4, count: 1)) { try Self.decode("83646f6700") }
    }

    @Test func rejectsItemsOverrunningTheirList() throws {
        // c2 says 2 payload bytes; the string 83 616263 inside needs 4.
        #expect(throws: RLPError.listPayloadMismatch(offset: 1, listEnd: 3, itemEnd: 5)) {
            try Self.decode("c283616263")
        }
        #expect(throws: RLPError.listPayloadMismatch(offset: 2, listEnd: 3, itemEnd: 4)) { try Self.decode("c201c100") }
    }

    @Test func rejectsNestingBeyondTheLimitWithoutCrashing() throws {
        // 2000 nested empty lists, each header long-form where needed: built by the encoder.
        var item = RLPItem.list([])
        for _ in 0..<2000 { item = .list([item]) }
        let enc = RLP.encode(item)
        #expect(throws: RLPError.self) { try RLP.decode(enc) }
        var ok = RLPItem.list([])
        for _ in 0..<(RLP.maxDepth - 1) { ok = .list([ok]) }
        #expect(try RLP.decode(RLP.encode(ok)) == ok)
    }

    @Test func decodePrefixLeavesTrailingBytes() throws {
        let input: [UInt8] = [0x83, 0x64, 0x6f, 0x67, 0xaa]
        let (item, length) = try input.withUnsafeBytes { (raw) throws(RLPError) in try RLP.decodePrefix(raw) }
        #expect(item == .bytes([0x64, 0x6f, 0x67]) && length == 4)
    }

    @Test func errorDescriptionsCarryEvidence() throws {
        #expect(RLPError.truncated(offset: 3, needed: 5, available: 2).description
                == "rlp input truncated at offset 3: needed 5 bytes, 2 available")
        #expect(RLPError.nonCanonicalLength(offset: 7).description.contains("offset 7"))
    }

    // MARK: typed accessors

    @Test func integerAccessorsRejectNonCanonicalAndOversizedValues() throws {
        #expect(try RLPItem.empty.uint64() == 0)
        #expect(try RLPItem.empty.u256() == .zero)
        #expect(try RLPItem.bytes([0x01, 0x00]).uint64() == 256)
        #expect(throws: RLPError.leadingZeroInInteger) { try RLPItem.bytes([0x00]).uint64() }
        #expect(throws: RLPError.leadingZeroInInteger) { try RLPItem.bytes([0x00, 0x01]).u256() }
        #expect(throws: RLPError.integerTooLarge(max: 8, got: 9)) { try RLPItem.bytes([UInt8](repeating: 1, count: 9)).uint64() }
        #expect(throws: RLPError.integerTooLarge(max: 32, got: 33)) { try RLPItem.bytes([UInt8](repeating: 1, count: 33)).u256() }
        #expect(try RLPItem.bytes([UInt8](repeating: 0xff, count: 32)).u256() == .max)
        #expect(try RLPItem.uint(UInt64.max).uint64() == .max)
        let v = try U256(parsing: "0x1234567890abcdef1234567890abcdef1")
        #expect(try RLPItem.uint(v).u256() == v)
        #expect(throws: RLPError.expectedBytes) { try RLPItem.list([]).u256() }
    }

    @Test func shapeAccessorsThrowTypedErrors() throws {
        #expect(throws: RLPError.expectedList) { try RLPItem.empty.list() }
        #expect(throws: RLPError.expectedBytes) { try RLPItem.list([]).bytes() }
        #expect(throws: RLPError.wrongCount(expected: 2, got: 1)) { try RLPItem.list([.empty]).list(count: 2) }
        #expect(try RLPItem.empty.address() == nil)
        #expect(throws: RLPError.wrongLength(expected: 20, got: 19)) {
            try RLPItem.bytes([UInt8](repeating: 1, count: 19)).address()
        }
        #expect(throws: RLPError.wrongLength(expected: 32, got: 31)) {
            try RLPItem.bytes([UInt8](repeating: 1, count: 31)).hash32()
        }
        let h = Keccak256.hash(utf8: "x")
        #expect(try RLPItem.hash32(h).hash32() == h)
    }
}
