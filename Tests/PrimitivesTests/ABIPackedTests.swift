import Testing

@testable import Primitives

@Suite struct ABIPackedTests {
    @Test func packsElementaryTypesUnpadded() throws {
        // Solidity docs example: abi.encodePacked(int16(-1), bytes1(0x42), uint16(0x03), string("Hello, world!")).
        let out = try ABI.encodePacked(
            types: [.int(16), .fixedBytes(1), .uint(16), .string],
            values: [.signed(-1), .fixedBytes([0x42]), .uint(3), .string("Hello, world!")])
        #expect(Hex.encode(out) == "0xffff42000348656c6c6f2c20776f726c6421")
        #expect(try ABI.encodePacked(types: [.bool, .address], values: [.bool(true), .address([UInt8](repeating: 1, count: 20))])
            == [1] + [UInt8](repeating: 1, count: 20))
        #expect(try ABI.encodePacked(types: [.bytes], values: [.bytes([])]) == [])
    }

    @Test func padsArrayElementsToWords() throws {
        let out = try ABI.encodePacked(types: [.array(.uint(16)), .fixedArray(.bool, 1)],
                                       values: [.array([.uint(1), .uint(2)]), .array([.bool(true)])])
        #expect(out.count == 96)
        #expect(out[31] == 1 && out[63] == 2 && out[95] == 1)
        let addrs = try ABI.encodePacked(types: [.array(.address)], values: [.array([.address([UInt8](repeating: 0xaa, count: 20))])])
        #expect(addrs == [UInt8](repeating: 0, count: 12) + [UInt8](repeating: 0xaa, count: 20))
        let b = try ABI.encodePacked(types: [.array(.fixedBytes(2))], values: [.array([.fixedBytes([1, 2])])])
        #expect(b == [1, 2] + [UInt8](repeating: 0, count: 30))
    }

    @Test func rejectsUnsupportedTypes() {
        #expect(throws: ABIEncodingError.self) {
            try ABI.encodePacked(types: [.tuple([.uint256])], values: [.tuple([.uint(1)])])
        }
        #expect(throws: ABIEncodingError.self) {
            try ABI.encodePacked(types: [.array(.string)], values: [.array([.string("a")])])
        }
        #expect(throws: ABIEncodingError.self) {
            try ABI.encodePacked(types: [.array(.array(.uint256))], values: [.array([.array([])])])
        }
        #expect(throws: ABIEncodingError.self) { try ABI.encodePacked(types: [.uint(8)], values: [.uint(300)]) }
    }
}
