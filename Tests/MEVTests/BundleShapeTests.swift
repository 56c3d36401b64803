import Chain
import Execution
import Foundation
import Primitives
import Testing

@Suite("Bundle request and reply shapes")
struct BundleShapeTests {
    static let key = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"

    func signedTx(nonce: UInt64) throws -> SignedTransaction {
        let tx = Transaction.dynamicFee(
            chainID: 31337, nonce: nonce, maxPriorityFeePerGas: U256(1_000_000_000), maxFeePerGas: U256(3_000_000_000),
            gasLimit: 21_000, to: try Address(parsing: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), value: U256(1))
        return tx.signed(with: try PrivateKey(hex: Self.key))
    }

    @Test func sendBundleBodyHasTheDocumentedFields() throws {
        let a = try signedTx(nonce: 0)
        let b = try signedTx(nonce: 1)
        let bundle = FlashbotsBundle(signed: [a, b], replacementUUID: "2a5b7e7c-6c1e-4b4e-9d2b-6d3c0f7b9a11")
        let body = String(decoding: BundleRPC.sendBundleBody(bundle, block: 0x1234), as: UTF8.self)
        let v = try JSONValue(parsing: body)
        #expect(v["jsonrpc"] == .string("2.0"))
        #expect(v["method"] == .string("eth_sendBundle"))
        guard case .array(let params)? = v["params"], params.count == 1, case .object(let p) = params[0] else {
            Issue.record("params must be one object: \(body)")
            return
        }
        #expect(Set(p.keys) == ["txs", "blockNumber", "replacementUuid"])
        #expect(p["blockNumber"] == .string("0x1234"))
        #expect(p["txs"] == .array([.string(Hex.encode(a.rawBytes)), .string(Hex.encode(b.rawBytes))]))
        #expect(p["replacementUuid"] == .string("2a5b7e7c-6c1e-4b4e-9d2b-6d3c0f7b9a11"))
        // The bundle hash is keccak256 of the concatenated transaction hashes.
        #expect(bundle.bundleHash == Keccak256.hash(a.hash.bytes + b.hash.bytes))
    }

    @Test func callBundleBodyTargetsTheBlockOnLatestState() throws {
        let bundle = FlashbotsBundle(signed: [try signedTx(nonce: 0)])
        let v = try JSONValue(parsing: String(decoding: BundleRPC.callBundleBody(bundle, block: 16), as: UTF8.self))
        #expect(v["method"] == .string("eth_callBundle"))
        guard case .array(let params)? = v["params"], case .object(let p) = params[0] else {
            Issue.record("no params")
            return
        }
        #expect(Set(p.keys) == ["txs", "blockNumber", "stateBlockNumber"])
        #expect(p["blockNumber"] == .string("0x10"))
        #expect(p["stateBlockNumber"] == .string("latest"))
    }

    // The reply example of docs.flashbots.net (RPC endpoint, eth_callBundle), plus a reverting transaction.
    @Test func parsesTheRelaysCallBundleReply() throws {
        let text = #"""
            {"bundleGasPrice":"476190476193","bundleHash":"0x73b1e258c7a42fd0230b2fd05529c5d4b6fcb66c227783f8bece8aeacdd1db2e",
             "coinbaseDiff":"20000000000126000","ethSentToCoinbase":"20000000000000000","gasFees":"126000",
             "results":[{"coinbaseDiff":"10000000000063000","ethSentToCoinbase":"10000000000000000",
               "fromAddress":"0x02A727155aeF8609c9f7F2179b2a1f560B39F5A0","gasFees":"63000","gasPrice":"476190476193",
               "gasUsed":21000,"toAddress":"0x73625f59CAdc5009Cb458B751b3E7b6b48C06f2C",
               "txHash":"0x669b4704a7d993a946cdd6e2f95233f308ce0c4649d2e04944e8299efcaa098a","value":"0x"},
              {"coinbaseDiff":"0","ethSentToCoinbase":"0","fromAddress":"0x02A727155aeF8609c9f7F2179b2a1f560B39F5A0",
               "gasFees":"0","gasPrice":"1","gasUsed":"0x5208","toAddress":"0x73625f59CAdc5009Cb458B751b3E7b6b48C06f2C",
               "txHash":"0xa839ee83465657cac01adc1d50d96c1b586ed498120a84a64749c0034b4f19fa","value":"0x",
               "error":"execution reverted","revert":"FL: not owner"}],
             "stateBlockNumber":5221585,"totalGasUsed":42000}
            """#
        let sim = try BundleRPC.parseCallBundle(try JSONValue(parsing: text))
        #expect(sim.totalGasUsed == 42000)
        #expect(sim.stateBlockNumber == 5_221_585)
        #expect(sim.coinbaseDiff == U256(20_000_000_000_126_000 as UInt64))
        #expect(sim.results.map(\.gasUsed) == [21000, 21000])
        #expect(sim.results[0].failed == false)
        #expect(sim.firstFailure?.index == 1)
        #expect(sim.firstFailure?.reason == "execution reverted: FL: not owner")
    }

    @Test func garbledRepliesAreErrorsNotZeros() throws {
        #expect(throws: RPCError.self) { try BundleRPC.parseCallBundle(try JSONValue(parsing: #"{"results":[]}"#)) }
        #expect(throws: RPCError.self) {
            try BundleRPC.parseCallBundle(
                try JSONValue(
                    parsing:
                        #"{"bundleHash":"0x73b1e258c7a42fd0230b2fd05529c5d4b6fcb66c227783f8bece8aeacdd1db2e","stateBlockNumber":"x1","totalGasUsed":1,"results":[]}"#
                ))
        }
        #expect(throws: RPCError.self) {
            try BundleRPC.parseSendBundle(try JSONValue(parsing: #"{"bundleHash":"0x12"}"#))
        }
    }
}

/// Records what would go over the wire, and answers from a script (a seam for the broadcaster's control flow;
/// the relay itself is exercised for real in IntegrationTests/BundleRelayTests).
final class ScriptedPoster: HTTPPoster, @unchecked Sendable {
    let lock = NSLock()
    var sent: [(url: String, body: [UInt8], headers: [(String, String)])] = []
    let answer: @Sendable (String, [UInt8]) -> HTTPReply

    init(answer: @escaping @Sendable (String, [UInt8]) -> HTTPReply) { self.answer = answer }

    func post(_ body: [UInt8], url: String, headers: [(String, String)], timeout: Duration, label: String)
        throws(RPCError) -> HTTPReply
    {
        lock.withLock { sent.append((url, body, headers)) }
        return answer(url, body)
    }
}

@Suite("FlashbotsBroadcaster control flow")
struct BroadcasterFlowTests {
    static func reply(_ text: String, status: Int = 200) -> HTTPReply {
        HTTPReply(status: status, body: Array(text.utf8))
    }

    func callBundleReply(for bundle: FlashbotsBundle, revert: Bool) -> String {
        let results = bundle.hashes.enumerated().map { i, h in
            let fail = revert && i == bundle.hashes.count - 1
            return #"{"txHash":"\#(h)","gasUsed":21000"# + (fail ? #","error":"execution reverted","revert":"no""# : "")
                + "}"
        }
        return
            #"{"jsonrpc":"2.0","id":1,"result":{"bundleHash":"\#(bundle.bundleHash)","stateBlockNumber":7,"totalGasUsed":42000,"results":[\#(results.joined(separator: ","))]}}"#
    }

    @Test func failingSimulationSendsNothing() async throws {
        let txs = [try BundleShapeTests().signedTx(nonce: 0), try BundleShapeTests().signedTx(nonce: 1)]
        let bundle = FlashbotsBundle(signed: txs)
        let answer = callBundleReply(for: bundle, revert: true)
        let poster = ScriptedPoster { _, _ in Self.reply(answer) }
        let auth = LocalSigner(key: try PrivateKey(hex: FlashbotsAuthTests.anvil0), source: "test")
        let b = FlashbotsBroadcaster(
            urls: ["http://a.invalid", "http://b.invalid"], authSigner: auth, transport: poster)
        await #expect(throws: BundleError.self) { _ = try await b.broadcast(txs, targetBlock: 8) as BundleBroadcast }
        #expect(poster.sent.count == 1)
        let methods = poster.sent.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(methods.allSatisfy { $0.contains("eth_callBundle") && !$0.contains("eth_sendBundle") })
    }

    @Test func sendsToEveryBuilderForTwoBlocksAndKeepsPerBuilderErrors() async throws {
        let txs = [try BundleShapeTests().signedTx(nonce: 0)]
        let bundle = FlashbotsBundle(signed: txs)
        let sim = callBundleReply(for: bundle, revert: false)
        let poster = ScriptedPoster { url, body in
            let text = String(decoding: body, as: UTF8.self)
            if text.contains("eth_callBundle") { return Self.reply(sim) }
            if url.contains("down") { return Self.reply(#"{"error":"error in signature check 0x00"}"#, status: 403) }
            return Self.reply(#"{"jsonrpc":"2.0","id":1,"result":{"bundleHash":"\#(bundle.bundleHash)"}}"#)
        }
        let auth = LocalSigner(key: try PrivateKey(hex: FlashbotsAuthTests.anvil0), source: "test")
        let b = FlashbotsBroadcaster(
            urls: ["http://up.invalid", "http://down.invalid"], authSigner: auth, transport: poster,
            replacementUUID: "2a5b7e7c-6c1e-4b4e-9d2b-6d3c0f7b9a11")
        let result = try await b.broadcast(txs, targetBlock: 8)
        #expect(result.submissions.map(\.block) == [8, 8, 9, 9])
        #expect(result.acceptedByAny && !result.acceptedByAll)
        #expect(
            result.submissions[1].result
                == .failure(
                    .http(status: 403, message: "error in signature check 0x00", builder: "http://down.invalid")))
        // Every request carries a header that verifies over its exact body.
        for s in poster.sent {
            let header = try #require(s.headers.first { $0.0 == "X-Flashbots-Signature" }?.1)
            #expect(FlashbotsAuth.recover(header: header, body: s.body) == auth.address)
        }
    }
}
