import Testing

@testable import Primitives

@Suite struct RevertReasonTests {
    @Test func decodesErrorString() throws {
        let data = RevertReason.errorSelector + (try ABI.encode(.string("UniswapV2: K"), as: .string))
        let r = RevertReason.decode(data)
        #expect(r == .error("UniswapV2: K"))
        #expect(r.description == "execution reverted: UniswapV2: K")
    }

    @Test func decodesPanicsWithMeanings() throws {
        let expected: [(UInt64, String)] = [
            (0x00, "generic compiler panic"), (0x01, "assertion failed"), (0x11, "arithmetic overflow or underflow"),
            (0x12, "division or modulo by zero"), (0x21, "invalid enum value"),
            (0x22, "invalid storage byte array encoding"), (0x31, "pop on empty array"),
            (0x32, "array index out of bounds"), (0x41, "memory allocation too large"),
            (0x51, "call to zero-initialized internal function"), (0x99, "unknown panic code"),
        ]
        for (code, meaning) in expected {
            let r = RevertReason.decode(RevertReason.panicSelector + U256(code).bigEndianBytes)
            #expect(r == .panic(code: U256(code), meaning: meaning))
        }
        #expect(RevertReason.decode(RevertReason.panicSelector + U256(0x11).bigEndianBytes).description
            == "panic 0x11: arithmetic overflow or underflow")
        #expect(RevertReason.decode(RevertReason.panicSelector + U256(1).bigEndianBytes).description
            == "panic 0x01: assertion failed")
    }

    @Test func emptyDataSaysWhy() {
        #expect(RevertReason.decode([]) == .empty)
        #expect(RevertReason.decode([]).description.contains("out of gas"))
    }

    @Test func decodesKnownCustomErrors() throws {
        let e = try ABIError(signature: "error InsufficientBalance(uint256 available, uint256 required)")
        let data = try e.encode([.uint(1), .uint(2)])
        let r = RevertReason.decode(data, customErrors: [try ABIError(signature: "Unauthorized()"), e])
        #expect(r == .custom(name: "InsufficientBalance", values: [.uint(1), .uint(2)]))
        #expect(r.description == "custom error InsufficientBalance(1, 2)")
        #expect(RevertReason.decode(data) == .unknown(selector: e.selector, data: data))
    }

    @Test func malformedPayloadsFallBackToUnknown() throws {
        let cases: [[UInt8]] = [
            [0x08], [0x08, 0xc3, 0x79],
            RevertReason.errorSelector, RevertReason.errorSelector + U256(0x20).bigEndianBytes,
            RevertReason.errorSelector + U256(0x20).bigEndianBytes + U256(1000).bigEndianBytes,
            RevertReason.errorSelector + U256.max.bigEndianBytes, RevertReason.panicSelector + [1, 2],
            [0xde, 0xad, 0xbe, 0xef, 1],
        ]
        for data in cases {
            guard case .unknown(let selector, let raw) = RevertReason.decode(data) else {
                Issue.record("\(Hex.encode(data)) should be unknown")
                continue
            }
            #expect(selector == Array(data.prefix(4)) && raw == data)
        }
        var rng = SplitMix(seed: 3)
        for _ in 0..<2000 {
            let body = rng.bytes(Int(rng.next() % 200))
            _ = RevertReason.decode((rng.next() % 2 == 0 ? RevertReason.errorSelector : RevertReason.panicSelector) + body)
        }
    }
}
