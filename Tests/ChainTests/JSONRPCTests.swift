import Primitives
import Testing

@testable import Chain

@Suite struct JSONRPCTests {
    @Test func encodesRequestWithIDAndParams() throws {
        let body = String(decoding: JSONRPC.encode(RPCRequest("eth_getBalance", [.string("0xab"), .string("latest")]), id: 7), as: UTF8.self)
        #expect(body == #"{"jsonrpc":"2.0","id":7,"method":"eth_getBalance","params":["0xab","latest"]}"#)
    }

    @Test func decodesResultAndRejectsWrongID() throws {
        let ok = Array(#"{"jsonrpc":"2.0","id":3,"result":"0x10"}"#.utf8)
        #expect(try JSONRPC.decode(ok, id: 3, method: "m") == .string("0x10"))
        #expect(throws: RPCError.self) { try JSONRPC.decode(ok, id: 4, method: "m") }
    }

    @Test func decodesErrorObjectWithData() {
        let body = Array(#"{"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"execution reverted: no","data":"0x08c379a0"}}"#.utf8)
        #expect(throws: RPCError.rpc(code: 3, message: "execution reverted: no", data: "0x08c379a0", method: "eth_call")) {
            try JSONRPC.decode(body, id: 1, method: "eth_call")
        }
    }

    @Test func garbledRepliesAreMalformedNotZero() {
        for text in [#"{"jsonrpc":"2.0","id":1,"result":"0x1"#, "<html>bad gateway</html>", "", #"{"id":1}"#, "[1,2]"] {
            do {
                _ = try JSONRPC.decode(Array(text.utf8), id: 1, method: "m")
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.code == "rpc.malformed_reply", "\(text)")
            }
        }
    }

    @Test func batchMatchesOutOfOrderIDsAndPerItemErrors() throws {
        let reqs = [RPCRequest("a"), RPCRequest("b"), RPCRequest("c")]
        let body = Array(#"[{"jsonrpc":"2.0","id":12,"result":"0x3"},{"jsonrpc":"2.0","id":10,"result":"0x1"},{"jsonrpc":"2.0","id":11,"error":{"code":-32000,"message":"nope"}}]"#.utf8)
        let r = try JSONRPC.decodeBatch(body, requests: reqs, firstID: 10)
        #expect(try r[0].get() == .string("0x1"))
        #expect(try r[2].get() == .string("0x3"))
        #expect(throws: RPCError.self) { try r[1].get() }
    }

    @Test func batchWithMissingOrDuplicateIDIsMalformed() {
        let reqs = [RPCRequest("a"), RPCRequest("b")]
        let missing = Array(#"[{"jsonrpc":"2.0","id":1,"result":"0x1"}]"#.utf8)
        let dup = Array(#"[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":1,"result":"0x1"}]"#.utf8)
        #expect(throws: RPCError.self) { try JSONRPC.decodeBatch(missing, requests: reqs, firstID: 1) }
        #expect(throws: RPCError.self) { try JSONRPC.decodeBatch(dup, requests: reqs, firstID: 1) }
    }

    @Test func hexQuantitiesAreStrict() throws {
        #expect(try JSONValue.string("0x0").u256("x") == .zero)
        #expect(try JSONValue.string("0xff").u64("x") == 255)
        for bad: JSONValue in [.string("0x"), .string("ff"), .string("0xzz"), .number("1"), .null,
                               .string("0x1" + String(repeating: "0", count: 64))] {
            #expect(throws: RPCError.self, "\(bad)") { try bad.u256("x") }
        }
        #expect(throws: RPCError.self) { try JSONValue.string("0x10000000000000000").u64("x") }
        #expect(throws: RPCError.self) { try JSONValue.string("0x123").bytes("x") }
        #expect(throws: RPCError.self) { try JSONValue.string("0x" + String(repeating: "ab", count: 19)).address("x") }
    }

    @Test func blockRefEncodesEIP1898ForHashes() throws {
        let h = try Hash32(hex: "0x" + String(repeating: "11", count: 32))
        #expect(BlockRef.hash(h).parameter.description == #"{"blockHash":"0x\#(String(repeating: "11", count: 32))","requireCanonical":true}"#)
        #expect(BlockRef.number(255).parameter == .string("0xff"))
        #expect(BlockRef.finalized.parameter == .string("finalized"))
    }

    @Test func receiptParsesAndRejectsBadStatus() throws {
        let text = #"{"transactionHash":"0x\#(String(repeating: "aa", count: 32))","blockHash":"0x\#(String(repeating: "bb", count: 32))","blockNumber":"0x5","transactionIndex":"0x0","from":"0x\#(String(repeating: "01", count: 20))","to":null,"status":"0x1","gasUsed":"0x5208","cumulativeGasUsed":"0x5208","effectiveGasPrice":"0x3b9aca00","contractAddress":"0x\#(String(repeating: "02", count: 20))","type":"0x2","logs":[{"address":"0x\#(String(repeating: "03", count: 20))","topics":["0x\#(String(repeating: "cc", count: 32))"],"data":"0x01","blockNumber":"0x5","logIndex":"0x0","removed":false}]}"#
        let r = try Receipt(json: JSONValue(parsing: text))
        #expect(r.succeeded && r.gasUsed == 21_000 && r.blockNumber == 5 && r.logs.count == 1 && r.to == nil)
        #expect(r.fee == U256(21_000) * U256(1_000_000_000))
        let bad = text.replacingOccurrences(of: #""status":"0x1""#, with: #""status":"0x2""#)
        #expect(throws: RPCError.self) { try Receipt(json: JSONValue(parsing: bad)) }
    }
}
