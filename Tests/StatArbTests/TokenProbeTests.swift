import Foundation
import Primitives
import Testing
import Validation

@Suite struct TokenProbeTests {
    static func words(_ v: [U256]) -> [UInt8] {
        v.flatMap { w -> [UInt8] in
            var out: [UInt8] = []
            for limb in [w.w.3, w.w.2, w.w.1, w.w.0] { for k in (0..<8).reversed() { out.append(UInt8(truncatingIfNeeded: limb >> (8 * UInt64(k)))) } }
            return out
        }
    }

    @Test func judgesTheProbeBalances() {
        let amt = U256(1_000)
        #expect(TokenProbe.judge(probeOutput: Self.words([.one, U256(5000), U256(4000), .zero, amt]), amount: amt) == .standard)
        #expect(TokenProbe.judge(probeOutput: Self.words([.one, U256(5000), U256(4000), .zero, U256(975)]), amount: amt)
            == .feeOnTransfer(feeBps: 250, sent: amt, received: U256(975)))
        // 1 wei short of 1000 on 1000: 10 bps exactly; 1 wei on 3 is 3333.33 bps, rounded down.
        #expect(TokenProbe.judge(probeOutput: Self.words([.one, U256(3), .zero, U256(7), U256(9)]), amount: U256(3))
            == .feeOnTransfer(feeBps: 3333, sent: U256(3), received: U256(2)))
        #expect(TokenProbe.judge(probeOutput: Self.words([.zero, U256(5000), U256(5000), .zero, .zero]), amount: amt)
            == .unknown(reason: "transfer of 1000 from the holder failed"))
        #expect(TokenProbe.judge(probeOutput: [1, 2, 3], amount: amt) == .unknown(reason: "probe returned 3 bytes, expected 160"))
        // A fee charged to the sender on top of the amount is a fee too: what left minus what arrived.
        #expect(TokenProbe.judge(probeOutput: Self.words([.one, U256(5000), U256(3000), .zero, amt]), amount: amt)
            == .feeOnTransfer(feeBps: 5000, sent: U256(2000), received: amt))
        // Recipient credited more than the sender lost: not a plain token, not a fee.
        if case .unknown = TokenProbe.judge(probeOutput: Self.words([.one, U256(5000), U256(4000), .zero, U256(1001)]), amount: amt) {
        } else { Issue.record("a minting transfer must not pass as standard") }
    }

    @Test func embeddedProbeCodeIsTheCommittedArtifact() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("contracts/probes/build/TokenProbe.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["deployedBytecode"] as? String == TokenProbeBytecode.runtimeHex)
        #expect(json["source_sha256"] as? String == TokenProbeBytecode.sourceSHA256)
        #expect(Hex.encode(TokenProbe.probeCode) == TokenProbeBytecode.runtimeHex)
        #expect(TokenProbe.probeCode.count > 100)
    }
}
