import Primitives
import Testing

@testable import Chain

@Suite struct MulticallTests {
    let a = (try? Address(parsing: "0x" + String(repeating: "ab", count: 20))) ?? .zero

    @Test func aggregate3EncodingMatchesTheABICodec() throws {
        let calls = [Call3(target: a, callData: [1, 2, 3]), Call3(target: a, callData: Array(repeating: 9, count: 40), allowFailure: false)]
        let f = try ABIFunction(signature: "aggregate3((address,bool,bytes)[])")
        #expect(f.selector.bytes == Multicall.aggregate3Selector)
        let want = try f.encodeCall([.array(calls.map { .tuple([.address($0.target), .bool($0.allowFailure), .bytes($0.callData)]) })])
        #expect(Multicall.encodeAggregate3(calls) == want)
        #expect(Multicall.encodeAggregate3([]) == (try f.encodeCall([.array([])])))
    }

    @Test func decodesResultsWithRevertReasons() throws {
        let err = try ABIError(signature: "Error(string)").encode([.string("UniswapV2: K")])
        let data = try ABI.encode(types: [Multicall.resultType], values: [.array([
            .tuple([.bool(true), .bytes([7])]), .tuple([.bool(false), .bytes(err)]),
        ])])
        let r = try Multicall.decodeAggregate3(data, count: 2)
        #expect(r[0] == .success([7]))
        #expect(r[1] == .revert(.error("UniswapV2: K"), err))
        #expect(throws: RPCError.self) { try Multicall.decodeAggregate3(data, count: 3) }
        #expect(throws: RPCError.self) { try Multicall.decodeAggregate3([1, 2, 3], count: 1) }
    }

    @Test func chunksByCountCalldataAndGas() {
        let calls = (0..<150).map { _ in Call3(target: a, callData: [UInt8](repeating: 0, count: 4), gasHint: 1_000) }
        #expect(Multicall(maxCallsPerChunk: 64).chunks(calls) == [0..<64, 64..<128, 128..<150])
        #expect(Multicall(maxCallsPerChunk: 1000, maxGasPerChunk: 10_000).chunks(calls).first == 0..<10)
        #expect(Multicall(maxCallsPerChunk: 1000, maxCalldataBytes: 192 * 5).chunks(calls).first == 0..<5)
        let huge = [Call3(target: a, callData: [UInt8](repeating: 0, count: 10_000))]
        #expect(Multicall(maxCalldataBytes: 100).chunks(huge) == [0..<1])
        #expect(Multicall.canonicalAddress.checksummed == "0xcA11bde05977b3631167028862bE2a173976CA11")
    }

    @Test func erc20DecodesStringAndBytes32Text() throws {
        let s = try ABI.encode(.string("Wrapped Ether"), as: .string)
        #expect(ERC20.decodeText(s) == "Wrapped Ether")
        var mkr = Array("MKR".utf8)
        mkr += [UInt8](repeating: 0, count: 29)
        #expect(ERC20.decodeText(mkr) == "MKR")
        #expect(ERC20.decodeText([1, 2]) == nil)
        #expect(ERC20.decodeUInt([UInt8](repeating: 0, count: 31) + [18]) == U256(18))
        #expect(ERC20.decodeUInt([18]) == nil)
        #expect(ERC20.balanceOfCall(a) == (try ABIFunction(signature: "balanceOf(address)").encodeCall([.address(a)])))
        #expect(ERC20.allowanceSelector == (try ABIFunction(signature: "allowance(address,address)").selector.bytes))
        #expect(ERC20.nameSelector == (try ABIFunction(signature: "name()").selector.bytes))
    }
}
