import Chain
import Foundation
import Primitives
import Protocols
import Testing
import Validation

/// The token behaviour probe against real bytecode: a fee-on-transfer and a rebasing token compiled from
/// contracts/test/*.vy with the repo's Vyper at test time and deployed from a fresh funded key, plus the devnet's own tokens
/// held by their V2 pairs. It only adds state no other suite can notice (fresh tokens, a fresh holder), so it reverts
/// nothing. An extension of StatArbDevnetTests so the
/// two devnet tests of this stream run one after the other.
extension StatArbDevnetTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Creation bytecode of contracts/test/<name>.vy from the real compiler.
    static func compileTestContract(_ name: String) throws -> [UInt8] {
        let p = Process()
        p.executableURL = repoRoot.appendingPathComponent(".venv/bin/vyper")
        p.arguments = ["--evm-version", "cancun", "-f", "bytecode", repoRoot.appendingPathComponent("contracts/test/\(name).vy").path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return try Hex.decode(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func classifiesFeeOnTransferRebasingAndStandardTokensExactly() async throws {
        let c = try Devnet.client()
        let acct = try await Self.freshAccount("token-probe")
        let holder = Address(hashSuffix: Keccak256.hash(utf8: "statarb token-probe holder"))
        let probe = TokenProbe(client: c)
        do {
            let arg = { (v: UInt64) -> [UInt8] in [UInt8](repeating: 0, count: 24) + withUnsafeBytes(of: v.bigEndian) { Array($0) } }
            let fee = try #require(
                try await send(acct, to: nil, data: try Self.compileTestContract("FeeOnTransferToken") + arg(250)).contractAddress)
            let reb = try #require(
                try await send(acct, to: nil, data: try Self.compileTestContract("RebasingToken") + arg(1_000_000_000)).contractAddress)
            let mint = try ABIFunction(signature: "mint(address,uint256)")
            for t in [fee, reb] {
                _ = try await send(acct, to: t, data: try mint.encodeCall([.address(holder), .uint(U256(1000) * Units.powerOfTen(18))]))
            }
            // 250 bps on a tenth of 1000 tokens: 100 sent, 97.5 received, exactly.
            let f = try await probe.classify(token: fee, holder: holder)
            #expect(f == .feeOnTransfer(feeBps: 250, sent: U256(100) * Units.powerOfTen(18), received: U256(975) * Units.powerOfTen(17)))

            let r = try await probe.classify(token: reb, holder: holder)
            guard case .rebasing(let before, let after, let seconds) = r else {
                Issue.record("rebasing token classified as \(r)")
                throw CancellationError()
            }
            // balance = shares · (1e18 + 1e9 · elapsed) / 1e18: 30 days ahead adds shares · 2.592e15 / 1e18.
            #expect(seconds == 30 * 86_400 && after > before)
            // shares ≈ 1000e18 (minted moments after deployment), so the gain is 2.592e18 to within a few ppm.
            #expect(after - before <= U256(2_592) * Units.powerOfTen(15) + .one)
            #expect(after - before >= U256(2_5919) * Units.powerOfTen(14))

            // The devnet's tokens, each held by its V2 pair on venue A: plain ERC-20s.
            let cache = TokenBehaviourCache()
            for (sym, pool) in [("WETH", "uniswap_v2_a:WETH/USDC"), ("USDC", "uniswap_v2_a:WETH/USDC"),
                                ("DAI", "uniswap_v2_a:WETH/DAI"), ("WBTC", "uniswap_v2_a:WBTC/WETH")] {
                let b = try await cache.behaviour(
                    of: try QuoteDevnet.token(sym), chainID: 31337, holder: try Devnet.address("pools", pool, "address"),
                    probe: probe)
                #expect(b == .standard, "\(sym): \(b)")
            }
            #expect(await cache.cached(try QuoteDevnet.token("WETH"), chainID: 31337) == .standard)
            // No balance to probe with: unknown, not standard.
            let empty = try await probe.classify(token: fee, holder: Address(hashSuffix: Keccak256.hash(utf8: "nobody")))
            if case .unknown = empty {} else { Issue.record("empty holder gave \(empty)") }
            // Nothing was sent: the holder's balance is unchanged on chain.
            #expect(try await QuoteDevnet.balance(fee, of: holder, client: c) == U256(1000) * Units.powerOfTen(18))
        }
    }
}
