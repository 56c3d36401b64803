import Testing

@testable import Primitives

@Suite struct ABIEventTests {
    let transfer = try! ABIEvent(signature: "event Transfer(address indexed from, address indexed to, uint256 value)")

    func topic(_ bytes: [UInt8]) throws -> Hash32 { try Hash32(bytes: [UInt8](repeating: 0, count: 32 - bytes.count) + bytes) }

    @Test func decodesTransferLog() throws {
        let from = [UInt8](repeating: 0x11, count: 20), to = [UInt8](repeating: 0x22, count: 20)
        let values = try transfer.decodeLog(
            topics: [transfer.topic0, try topic(from), try topic(to)], data: U256(1000).bigEndianBytes)
        #expect(values == [.address(from), .address(to), .uint(1000)])
    }

    @Test func checksTopicCountAndTopic0() throws {
        #expect(throws: ABIDecodingError.topicCount(expected: 3, got: 1)) {
            try transfer.decodeLog(topics: [transfer.topic0], data: U256(1).bigEndianBytes)
        }
        #expect(throws: ABIDecodingError.self) {
            try transfer.decodeLog(topics: [Hash32.zero, .zero, .zero], data: U256(1).bigEndianBytes)
        }
        // Dirty indexed address topic is rejected.
        #expect(throws: ABIDecodingError.self) {
            try transfer.decodeLog(topics: [transfer.topic0, try Hash32(bytes: [UInt8](repeating: 0xff, count: 32)), .zero],
                                   data: U256(1).bigEndianBytes)
        }
        #expect(throws: ABIDecodingError.self) { try transfer.decodeLog(topics: [transfer.topic0, .zero, .zero], data: []) }
    }

    @Test func indexedDynamicTypesYieldTheirHash() throws {
        let e = try ABIEvent(signature: "event Named(string indexed name, uint256[] indexed ids, bytes data)")
        let nameHash = Keccak256.hash(utf8: "alice")
        let idsHash = Keccak256.hash([1, 2, 3])
        let data = try ABI.encode(types: [.bytes], values: [.bytes([9])])
        let values = try e.decodeLog(topics: [e.topic0, nameHash, idsHash], data: data)
        #expect(values == [.fixedBytes(nameHash.bytes), .fixedBytes(idsHash.bytes), .bytes([9])])
    }

    @Test func decodesAnonymousEvents() throws {
        let e = try ABIEvent(signature: "event Ping(int8 indexed n, bool ok) anonymous")
        let minusOne = try Hash32(bytes: [UInt8](repeating: 0xff, count: 32))
        let values = try e.decodeLog(topics: [minusOne], data: try ABI.encode(.bool(true), as: .bool))
        #expect(values == [.signed(-1), .bool(true)])
        #expect(throws: ABIDecodingError.self) { try e.decodeLog(topics: [e.topic0, minusOne], data: []) }
    }
}
