import Testing

@testable import Primitives

@Suite struct SelectorTests {
    @Test func erc20SelectorsAreLiteral() {
        let table: [(String, String)] = [
            ("transfer(address,uint256)", "0xa9059cbb"),
            ("approve(address,uint256)", "0x095ea7b3"),
            ("balanceOf(address)", "0x70a08231"),
            ("transferFrom(address,address,uint256)", "0x23b872dd"),
            ("allowance(address,address)", "0xdd62ed3e"),
            ("totalSupply()", "0x18160ddd"),
            ("decimals()", "0x313ce567"),
            ("symbol()", "0x95d89b41"),
            ("getReserves()", "0x0902f1ac"),
            ("swap(uint256,uint256,address,bytes)", "0x022c0d9f"),
            ("aggregate3((address,bool,bytes)[])", "0x82ad56cb"),
            ("Error(string)", "0x08c379a0"),
            ("Panic(uint256)", "0x4e487b71"),
        ]
        for (signature, want) in table {
            #expect(Selector(signature: signature).description == want, "\(signature)")
        }
    }

    @Test func hexBytesAndRawValueRoundTrip() throws {
        let s = try Selector(hex: "0xa9059cbb")
        #expect(s == Selector(signature: "transfer(address,uint256)"))
        #expect(s.rawValue == 0xa905_9cbb)
        #expect(s.bytes == [0xa9, 0x05, 0x9c, 0xbb])
        #expect(try Selector(hex: "A9059CBB") == s)
        #expect(try Selector(bytes: s.bytes) == s)
        #expect(try Selector(calldata: s.bytes + [UInt8](repeating: 0, count: 64)) == s)
        #expect(Selector(rawValue: 0).description == "0x00000000")
        #expect(Selector(rawValue: 1) < s)
    }

    @Test func badInputThrowsTypedErrors() throws {
        #expect(throws: HexError.wrongLength(expected: 4, got: 3)) { try Selector(hex: "0xa9059c") }
        #expect(throws: HexError.wrongLength(expected: 4, got: 5)) { try Selector(hex: "0xa9059cbb00") }
        #expect(throws: HexError.oddLength(7)) { try Selector(hex: "0xa9059cb") }
        #expect(throws: HexError.invalidCharacter(offset: 0, character: "z")) { try Selector(hex: "z9059cbb") }
        #expect(throws: HexError.wrongLength(expected: 4, got: 2)) { try Selector(calldata: [1, 2]) }
        #expect(throws: HexError.wrongLength(expected: 4, got: 0)) { try Selector(bytes: []) }
    }
}
