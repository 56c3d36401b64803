import Chain
import Execution
import Foundation
import Primitives
import Testing

/// Bundles through the stand-in relay (devnet/stubs/relay.py), which checks the signature header and the params
/// exactly, simulates against the devnet and lands sent bundles at their target block.
@Suite(.enabled(if: Devnet.available, Devnet.reason)) struct BundleRelayTests {
    /// A fresh funded account nobody else uses (so no nonce or balance is shared with other suites).
    func freshAccount(_ client: RPCClient) async throws -> PrivateKey {
        var rng = SystemRandomNumberGenerator()
        let key = try PrivateKey(bytes: (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) })
        _ = try await client.call(
            "anvil_setBalance",
            [.string(try Address(bytes: key.addressBytes).lowercaseHex), .string("0x56bc75e2d63100000")])
        return key
    }

    func transfer(
        _ key: PrivateKey, nonce: UInt64, to: Address, value: U256 = U256(1), data: [UInt8] = [],
        gas: UInt64 = 21_000
    ) -> SignedTransaction {
        Transaction.dynamicFee(
            chainID: 31337, nonce: nonce, maxPriorityFeePerGas: U256(1_000_000_000), maxFeePerGas: U256(50_000_000_000),
            gasLimit: gas, to: to, value: value, data: data
        ).signed(with: key)
    }

    func authSigner() throws -> LocalSigner {
        var rng = SystemRandomNumberGenerator()
        return LocalSigner(
            key: try PrivateKey(bytes: (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }),
            source: "test-auth")
    }

    @Test func simulatedThenSentToEveryBuilderAndIncluded() async throws {
        let relay = try StubServer("relay.py", arguments: [Devnet.url ?? ""])
        let client = try Devnet.client()
        let key = try await freshAccount(client)
        let sink = try Address(parsing: "0x000000000000000000000000000000000000dEaD")
        let txs = [
            transfer(key, nonce: 0, to: sink, value: U256(7)), transfer(key, nonce: 1, to: sink, value: U256(8)),
        ]
        let auth = try authSigner()
        // Two builders on the stand-in (separate paths) and one that refuses connections: its error is reported,
        // not fatal.
        let dead = "http://127.0.0.1:1"
        let broadcaster = FlashbotsBroadcaster(
            urls: [relay.url, relay.url + "/builder2", dead], authSigner: auth,
            replacementUUID: UUID().uuidString.lowercased())
        let target = try await client.blockNumber() + 1
        let result = try await broadcaster.broadcast(txs, targetBlock: target)

        #expect(result.simulation.results.count == 2)
        #expect(result.simulation.results.allSatisfy { !$0.failed && $0.gasUsed == 21_000 })
        #expect(result.simulation.bundleHash == result.bundle.bundleHash)
        #expect(result.submissions.count == 6)
        #expect(Set(result.submissions.map(\.block)) == [target, target + 1])
        for s in result.submissions {
            switch s.result {
            case .success(let h): #expect(s.builder != dead && h == result.bundle.bundleHash)
            case .failure(let e): #expect(s.builder == dead && e.code == "relay.transport", "\(e)")
            }
        }
        // Included: both transactions mined, in order, successfully.
        var receipts: [Receipt] = []
        for _ in 0..<100 where receipts.count < 2 {
            receipts = []
            for t in txs { if let r = try await client.receipt(t.hash) { receipts.append(r) } }
            if receipts.count < 2 { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(receipts.count == 2 && receipts.allSatisfy(\.succeeded))
        #expect(receipts.count == 2 && receipts[0].blockNumber < receipts[1].blockNumber)
        // The relay saw eth_callBundle first, then eth_sendBundle, all signed by the auth key.
        let log = try relay.log()
        let requests = try #require(log["requests"] as? [[String: Any]])
        #expect(requests.first?["method"] as? String == "eth_callBundle")
        #expect(requests.filter { $0["method"] as? String == "eth_sendBundle" }.count == 4)
        #expect(requests.allSatisfy { ($0["signer"] as? String)?.lowercased() == auth.address.lowercaseHex })
        let bundles = try #require(log["bundles"] as? [[String: Any]])
        #expect(bundles.filter { $0["status"] as? String == "included" }.count == 1)
        let sent = try #require(
            requests.first { $0["method"] as? String == "eth_sendBundle" }?["params"] as? [String: Any])
        #expect(sent["replacementUuid"] as? String == broadcaster.replacementUUID)
        #expect(sent["blockNumber"] as? String == "0x" + String(target, radix: 16))
    }

    @Test func aBundleWithARevertingTransactionIsNeverSent() async throws {
        let relay = try StubServer("relay.py", arguments: [Devnet.url ?? ""])
        let client = try Devnet.client()
        let key = try await freshAccount(client)
        let me = try Address(bytes: key.addressBytes)
        let executor = try Devnet.address("executor", "address")
        // executeStrategy(bytes32,bytes) from a non-owner reverts "FL: not owner".
        var call: [UInt8] = [0x54, 0x89, 0x13, 0xad] + [UInt8](repeating: 0, count: 32)
        call += U256(64).bigEndianBytes + U256(0).bigEndianBytes
        let txs = [
            transfer(key, nonce: 0, to: me, value: U256(1)),
            transfer(key, nonce: 1, to: executor, value: .zero, data: call, gas: 200_000),
        ]
        let broadcaster = FlashbotsBroadcaster(urls: [relay.url], authSigner: try authSigner())
        let target = try await client.blockNumber() + 1
        do {
            _ = try await broadcaster.broadcast(txs, targetBlock: target)
            Issue.record("a failing bundle was sent")
        } catch {
            guard case .simulationFailed(let index, let reason, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(index == 1)
            #expect(reason.contains("FL: not owner"), "\(reason)")
        }
        let requests = try #require(try relay.log()["requests"] as? [[String: Any]])
        #expect(requests.map { $0["method"] as? String } == ["eth_callBundle"])
        #expect(try await client.transactionCount(of: me) == 0)
        for t in txs { #expect(try await client.receipt(t.hash) == nil) }
    }

    @Test func aLaterBundleWithTheSameReplacementUUIDReplacesAPendingOne() async throws {
        let relay = try StubServer("relay.py", arguments: [Devnet.url ?? ""])
        let client = try Devnet.client()
        let key = try await freshAccount(client)
        let me = try Address(bytes: key.addressBytes)
        let uuid = UUID().uuidString.lowercased()
        let relayClient = RelayClient(url: relay.url, authSigner: try authSigner())
        // A block far ahead, so both stay pending while this test looks.
        let block = try await client.blockNumber() + 1_000
        let first = FlashbotsBundle(
            transactions: [transfer(key, nonce: 0, to: me, value: U256(1)).rawBytes], replacementUUID: uuid)
        let second = FlashbotsBundle(
            transactions: [transfer(key, nonce: 0, to: me, value: U256(2)).rawBytes], replacementUUID: uuid)
        #expect(try relayClient.sendBundle(first, block: block) == first.bundleHash)
        #expect(try relayClient.sendBundle(second, block: block) == second.bundleHash)
        let bundles = try #require(try relay.log()["bundles"] as? [[String: Any]])
        #expect(bundles.map { $0["status"] as? String } == ["replaced", "pending"])
        #expect(
            bundles.map { $0["bundleHash"] as? String } == [
                first.bundleHash.description, second.bundleHash.description,
            ])
    }

    @Test func aTamperedSignatureGetsTheRelaysRealError() async throws {
        let relay = try StubServer("relay.py", arguments: [Devnet.url ?? ""])
        let client = try Devnet.client()
        let key = try await freshAccount(client)
        let tx = transfer(key, nonce: 0, to: try Address(bytes: key.addressBytes))
        // The body changes after signing (one extra space), so the header no longer verifies.
        let tampering = TamperingPoster()
        let relayClient = RelayClient(url: relay.url, authSigner: try authSigner(), transport: tampering)
        #expect {
            _ = try relayClient.callBundle(FlashbotsBundle(signed: [tx]), block: 1)
        } throws: { e in
            guard case RelayError.http(403, let message, _) = e else { return false }
            return message.hasPrefix("error in signature check 0x")
        }
        // Without any header: the relay's other 403.
        let reply = try CurlTransport().post(
            BundleRPC.callBundleBody(FlashbotsBundle(signed: [tx]), block: 1), url: relay.url, headers: [],
            timeout: .seconds(10), label: "relay")
        #expect(reply.status == 403)
        #expect(String(decoding: reply.body, as: UTF8.self) == #"{"error": "missing X-Flashbots-Signature header"}"#)
        // A malformed param (leading zero in blockNumber) is refused as -32602 by a correctly signed request.
        let body = Array(
            #"{"jsonrpc":"2.0","id":1,"method":"eth_sendBundle","params":[{"txs":["\#(Hex.encode(tx.rawBytes))"],"blockNumber":"0x01"}]}"#
                .utf8)
        let auth = try authSigner()
        let bad = try CurlTransport().post(
            body, url: relay.url,
            headers: [("X-Flashbots-Signature", try FlashbotsAuth.header(for: body, signer: auth))],
            timeout: .seconds(10), label: "relay")
        let v = try JSONValue(parsing: String(decoding: bad.body, as: UTF8.self))
        #expect(v["error"]?["code"] == .number("-32602"))
    }
}

/// Appends a space to the body after the client signed it.
struct TamperingPoster: HTTPPoster {
    func post(_ body: [UInt8], url: String, headers: [(String, String)], timeout: Duration, label: String)
        throws(RPCError) -> HTTPReply
    {
        try CurlTransport().post(body + [0x20], url: url, headers: headers, timeout: timeout, label: label)
    }
}
