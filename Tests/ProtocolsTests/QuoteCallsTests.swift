import Primitives
import Testing

@testable import Protocols

/// Every typed call's literal selector equals keccak256(signature)[0..4], and the decoders read words strictly.
@Suite struct QuoteCallsTests {
    static let selectors: [(String, Selector, String)] = [
        (V2GetReserves.signature, V2GetReserves.selector, "0x0902f1ac"),
        (V2Token0.signature, V2Token0.selector, "0x0dfe1681"),
        (V2Token1.signature, V2Token1.selector, "0xd21220a7"),
        (V2GetPair.signature, V2GetPair.selector, "0xe6a43905"),
        (V2GetAmountsOut.signature, V2GetAmountsOut.selector, "0xd06ca61f"),
        (V2GetAmountsIn.signature, V2GetAmountsIn.selector, "0x1f00ca74"),
        (V3Slot0.signature, V3Slot0.selector, "0x3850c7bd"),
        (V3Liquidity.signature, V3Liquidity.selector, "0x1a686502"),
        (V3Fee.signature, V3Fee.selector, "0xddca3f43"),
        (V3TickSpacing.signature, V3TickSpacing.selector, "0xd0c93a7c"),
        (V3TickBitmap.signature, V3TickBitmap.selector, "0x5339c296"),
        (V3Ticks.signature, V3Ticks.selector, "0xf30dba93"),
        (V3GetPool.signature, V3GetPool.selector, "0x1698ee82"),
        (QuoterV2ExactInputSingle.signature, QuoterV2ExactInputSingle.selector, "0xc6a5026a"),
        (QuoterV2ExactOutputSingle.signature, QuoterV2ExactOutputSingle.selector, "0xbd21704a"),
    ]

    @Test(arguments: selectors) func selectorIsTheLiteralAndMatchesKeccak(sig: String, selector: Selector, hex: String)
    {
        #expect(selector.description == hex, "\(sig)")
        #expect(Selector(signature: sig) == selector, "\(sig)")
    }

    static func word(_ v: U256) -> [UInt8] { v.bigEndianBytes }
    static func negWord(_ v: Int64) -> [UInt8] { U256(truncatingIfNeeded: v).bigEndianBytes }

    @Test func tickArgumentsAreSignExtended() {
        #expect(V3Ticks(tick: -1).calldata == [0xf3, 0x0d, 0xba, 0x93] + [UInt8](repeating: 0xff, count: 32))
        #expect(V3TickBitmap(wordPosition: -3).arguments == Self.negWord(-3))
    }

    @Test func slot0DecodesNegativeTickAndRejectsAWideOne() throws {
        var data = Self.word(U256.one << 96)
        data +=
            Self.negWord(-200_312) + Self.word(.zero) + Self.word(.one) + Self.word(.one) + Self.word(.zero)
            + Self.word(.one)
        let s = try V3Slot0.decode(data)
        #expect(s.tick == -200_312 && s.unlocked && s.sqrtPriceX96 == U256.one << 96)
        var bad = data
        bad.replaceSubrange(32..<64, with: Self.word(U256(1) << 30))  // does not fit int24
        #expect(throws: CallDecodingError.self) { try V3Slot0.decode(bad) }
        #expect(throws: CallDecodingError.self) { try V3Slot0.decode([]) }
    }

    @Test func ticksDecodesNegativeLiquidityNet() throws {
        let data =
            Self.word(U256(500)) + Self.negWord(-123_456_789) + [UInt8](repeating: 0, count: 32 * 5) + Self.word(.one)
        let t = try V3Ticks.decode(data)
        #expect(t.liquidityGross == 500 && t.liquidityNet == -123_456_789 && t.initialized)
    }

    @Test func reservesRejectAboveUint112() throws {
        let ok = Self.word(U256(7)) + Self.word(U256(9)) + Self.word(U256(3))
        #expect(try V2GetReserves.decode(ok).reserve1 == U256(9))
        let bad = Self.word(U256.one << 112) + Self.word(U256(9)) + Self.word(U256(3))
        #expect(throws: CallDecodingError.self) { try V2GetReserves.decode(bad) }
    }

    @Test func getAmountsOutEncodesThePathAndDecodesTheArray() throws {
        let a = try Address(parsing: "0x5FbDB2315678afecb367f032d93F642f64180aa3")
        let b = try Address(parsing: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512")
        let call = V2GetAmountsOut(amountIn: U256(1000), path: [a, b])
        #expect(call.calldata.count == 4 + 32 * 5)
        #expect(Array(call.calldata[36..<68]) == Self.word(U256(64)))
        let ret = Self.word(U256(32)) + Self.word(U256(2)) + Self.word(U256(1000)) + Self.word(U256(1993))
        #expect(try V2GetAmountsOut.decode(ret) == [U256(1000), U256(1993)])
    }

    @Test func quoterEncodesTheStructInlineWithAmountBeforeFee() {
        let a = Address.zero
        let c = QuoterV2ExactInputSingle(tokenIn: a, tokenOut: a, amountIn: U256(5), fee: 3000)
        #expect(c.calldata.count == 4 + 5 * 32)
        #expect(Array(c.calldata[68..<100]) == Self.word(U256(5)))
        #expect(Array(c.calldata[100..<132]) == Self.word(U256(3000)))
    }
}
