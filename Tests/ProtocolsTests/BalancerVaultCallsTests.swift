import Primitives
import Testing

@testable import Protocols

/// Vault calldata builders and flash-loan fees.
@Suite struct BalancerVaultCallsTests {
    @Test func selectorsMatchIVault() {
        #expect(BalancerVaultCalls.swap.selector.description == "0x52bbbe29")
        #expect(BalancerVaultCalls.batchSwap.selector.description == "0x945bcec9")
        #expect(BalancerVaultCalls.queryBatchSwap.selector.description == "0xf84d066e")
        #expect(BalancerVaultCalls.flashLoan.selector.description == "0x5c38449e")
        #expect(BalancerFlashLoan.getFlashLoanFeePercentage.selector.description == "0xd877845c")
        #expect(BalancerFlashLoan.getProtocolFeesCollector.selector.description == "0xd2946c2b")
    }

    @Test func vaultAddress() throws {
        #expect(try BalancerVaultCalls.vault.description == "0xBA12222222228d8Ba445958a75a0704d566BF2C8")
    }

    @Test func swapCalldataLayout() throws {
        let pool = try Hash32(bytes: [UInt8](repeating: 0xab, count: 32))
        let a = try Address(parsing: "0x00000000000000000000000000000000000000a1")
        let b = try Address(parsing: "0x00000000000000000000000000000000000000b2")
        let data = try BalancerVaultCalls.swapCalldata(
            BalancerSingleSwap(poolId: pool, kind: .givenOut, assetIn: a, assetOut: b, amount: U256(5)),
            funds: BalancerFundManagement(sender: a, recipient: b), limit: U256(7), deadline: U256(9))
        // selector, then heads: offset of the dynamic SingleSwap tuple (0xe0), FundManagement inline (4 words),
        // limit, deadline; then the tuple: poolId, kind, assetIn, assetOut, amount, userData offset, length 0.
        #expect(data.count == 4 + 32 * 7 + 32 * 7)
        #expect(Array(data[0..<4]) == [0x52, 0xbb, 0xbe, 0x29])
        func word(_ k: Int) -> U256 { (try? U256(bigEndian: data[(4 + 32 * k)..<(4 + 32 * k + 32)])) ?? .max }
        #expect(word(0) == U256(0xe0))
        #expect(word(5) == U256(7))
        #expect(word(6) == U256(9))
        #expect(Array(data[(4 + 32 * 7)..<(4 + 32 * 8)]) == pool.bytes)
        #expect(word(8) == .one)
        #expect(word(11) == U256(5))
        #expect(word(12) == U256(0xc0))
        #expect(word(13) == .zero)
    }

    @Test func flashLoanFeesRoundUpAndCheckTokens() throws {
        let t1 = try Address(parsing: "0x0000000000000000000000000000000000000001")
        let t2 = try Address(parsing: "0x0000000000000000000000000000000000000002")
        let pct = U256(1_000_000_000_000_000)  // 0.1 %
        #expect(
            try BalancerFlashLoan.fees(tokens: [t1, t2], amounts: [U256(1_001), .zero], feePercentage: pct) == [
                U256(2), .zero,
            ])
        #expect(throws: BalancerError.unsortedTokens) {
            try BalancerFlashLoan.fees(tokens: [t2, t1], amounts: [.one, .one], feePercentage: pct)
        }
        #expect(throws: BalancerError.unsortedTokens) {
            try BalancerFlashLoan.fees(tokens: [t1, t1], amounts: [.one, .one], feePercentage: pct)
        }
        #expect(throws: BalancerError.zeroToken) {
            try BalancerFlashLoan.fees(tokens: [.zero], amounts: [.one], feePercentage: pct)
        }
        #expect(throws: BalancerError.inputLengthMismatch) {
            try BalancerFlashLoan.fees(tokens: [t1], amounts: [], feePercentage: pct)
        }
        #expect(try BalancerFlashLoan.fee(amount: U256(12_345), feePercentage: .zero) == .zero)
    }
}
