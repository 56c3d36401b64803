import Primitives
import Testing

@testable import DeFiCore

@Suite struct ABIUtilityTests {
    @Test func encodeTransferHasItsSelectorAndUnitAmount() throws {
        let r = try ABIUtility.encode(
            ABIEncodeRequest(
                signature: "transfer(address,uint256)",
                arguments: ["0x5FbDB2315678afecb367f032d93F642f64180aa3", "1.5ether"]))
        #expect(r.selector?.description == "0xa9059cbb")
        #expect(
            Hex.encode(r.data) == "0xa9059cbb" + "000000000000000000000000" + "5fbdb2315678afecb367f032d93f642f64180aa3"
                + "00000000000000000000000000000000000000000000000014d1120d7b160000")
    }

    @Test func encodeTypeListHasNoSelector() throws {
        let r = try ABIUtility.encode(ABIEncodeRequest(signature: "(int8,uint256[])", arguments: ["-1", "[1, 2gwei]"]))
        #expect(r.selector == nil)
        #expect(r.data.count == 32 * 5)
        #expect(Array(r.data.prefix(32)) == [UInt8](repeating: 0xff, count: 32))
        #expect(r.data.suffix(32).suffix(8) == [0, 0, 0, 0, 0x77, 0x35, 0x94, 0x00])
    }

    @Test func unitsInsideATupleWithAStringAreLeftToTheValueParser() throws {
        let r = try ABIUtility.encode(ABIEncodeRequest(signature: "f((string,uint256))", arguments: ["(1ether, 5)"]))
        #expect(r.data.count == 4 + 32 * 5)
    }

    @Test func badAmountsAreOneLineErrors() {
        #expect(throws: UtilityError.self) {
            try ABIUtility.encode(ABIEncodeRequest(signature: "f(uint256)", arguments: ["1.2.3ether"]))
        }
        do {
            _ = try ABIUtility.encode(ABIEncodeRequest(signature: "f(uint256)", arguments: ["1.0000000001gwei"]))
            Issue.record("expected an error")
        } catch {
            #expect(
                error.message == "argument 0: cannot parse '1.0000000001gwei' as uint256: "
                    + "\"1.0000000001gwei\" has digits below the smallest unit (9 decimals)")
            #expect(error.exitCode == .usage)
        }
    }

    @Test func wrongArgumentCountNamesTheSignature() {
        #expect(throws: UtilityError(code: "invalid_argument", message: "f(uint256,bool) takes 2 arguments, got 1")) {
            try ABIUtility.encode(ABIEncodeRequest(signature: "f(uint256,bool)", arguments: ["1"]))
        }
    }

    @Test func decodeUsesOutputsThenInputsThenTypeLists() throws {
        let word = "0x" + String(repeating: "0", count: 62) + "2a"
        let out = try ABIUtility.decode(
            ABIDecodeRequest(signature: "balanceOf(address)(uint256)", data: word, input: false))
        #expect(out.values == [.uint(U256(42))])
        let list = try ABIUtility.decode(ABIDecodeRequest(signature: "uint256", data: word, input: false))
        #expect(list.types == [.uint(256)])
    }

    @Test func decodeInputChecksTheSelector() throws {
        let call = "0xa9059cbb" + String(repeating: "0", count: 128)
        let r = try ABIUtility.decode(ABIDecodeRequest(signature: "transfer(address,uint256)", data: call, input: true))
        #expect(r.values.count == 2)
        #expect(throws: UtilityError.self) {
            try ABIUtility.decode(ABIDecodeRequest(signature: "approve(address,uint256)", data: call, input: true))
        }
    }

    @Test func malformedHexIsAnError() {
        #expect(throws: UtilityError.self) {
            try ABIUtility.decode(ABIDecodeRequest(signature: "(uint256)", data: "0xzz", input: false))
        }
    }

    @Test func selectorsAndTopics() throws {
        #expect(try ABIUtility.hash(of: "transfer(address,uint256)").selector?.description == "0xa9059cbb")
        #expect(
            try ABIUtility.hash(of: "event Transfer(address indexed from, address indexed to, uint256 value)")
                .topic0?.description == "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")
        #expect(try ABIUtility.hash(of: "error InsufficientBalance(uint256,uint256)").kind == "error")
        #expect(throws: UtilityError.self) { try ABIUtility.hash(of: "transfer(address,") }
    }
}
