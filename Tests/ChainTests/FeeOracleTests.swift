import Primitives
import Testing

@testable import Chain

@Suite struct FeeOracleTests {
    @Test func nextBaseFeeFollowsEIP1559() {
        let g = U256(1_000_000_000)
        #expect(EIP1559.nextBaseFee(parentBaseFee: g, gasUsed: 15_000_000, gasLimit: 30_000_000) == g)
        #expect(EIP1559.nextBaseFee(parentBaseFee: g, gasUsed: 30_000_000, gasLimit: 30_000_000) == U256(1_125_000_000))
        #expect(EIP1559.nextBaseFee(parentBaseFee: g, gasUsed: 0, gasLimit: 30_000_000) == U256(875_000_000))
        // Growth is at least 1 wei even when the formula rounds to 0.
        #expect(EIP1559.nextBaseFee(parentBaseFee: U256(7), gasUsed: 15_000_001, gasLimit: 30_000_000) == U256(8))
        // 3/4 full: base * (7.5M / 15M) / 8 = 6.25% up.
        #expect(EIP1559.nextBaseFee(parentBaseFee: U256(1_600), gasUsed: 22_500_000, gasLimit: 30_000_000) == U256(1_700))
    }

    @Test func medianOfNonZeroRewards() {
        #expect(FeeOracle.medianNonZero([[U256(0)], [U256(3)], [U256(1)], [U256(2)]]) == U256(2))
        #expect(FeeOracle.medianNonZero([[U256(4)], [U256(2)]]) == U256(3))
        #expect(FeeOracle.medianNonZero([[U256(0)], []]) == nil)
    }

    func header(base: UInt64?, used: UInt64 = 15_000_000) throws -> BlockHeader {
        var o: [String: JSONValue] = [
            "number": .string("0x10"), "hash": .string("0x" + String(repeating: "00", count: 32)),
            "parentHash": .string("0x" + String(repeating: "00", count: 32)), "timestamp": .string("0x1"),
            "gasLimit": .quantity(UInt64(30_000_000)), "gasUsed": .quantity(used),
        ]
        if let base { o["baseFeePerGas"] = .quantity(base) }
        return try BlockHeader(json: .object(o))
    }

    @Test func quoteIsTwiceNextBasePlusTip() throws {
        let h = FeeHistory(oldestBlock: 1, baseFeePerGas: [], gasUsedRatio: [], reward: [[U256(2)], [U256(0)], [U256(4)]])
        let q = try FeeOracle().quote(history: h, latest: header(base: 100))
        #expect(q == .eip1559(maxFeePerGas: U256(203), maxPriorityFeePerGas: U256(3), nextBaseFee: U256(100)))
    }

    @Test func capRefusesWhenMarketExceedsIt() throws {
        let h = FeeHistory(oldestBlock: 1, baseFeePerGas: [], gasUsedRatio: [], reward: [[U256(10)]])
        let o = FeeOracle(maxGasPrice: U256(100))
        #expect(throws: FeeError.capExceeded(needed: U256(110), cap: U256(100))) {
            try o.quote(history: h, latest: header(base: 100))
        }
        // Under the cap the max fee is clipped to it.
        let q = try FeeOracle(maxGasPrice: U256(150)).quote(history: h, latest: header(base: 100))
        #expect(q.maxPerGas == U256(150))
        #expect(throws: FeeError.self) { try o.legacyQuote(gasPrice: U256(101)) }
        #expect(FeeError.capExceeded(needed: U256(1), cap: U256(0)).code == "fee.cap_exceeded")
    }

    @Test func headerWithoutBaseFeeNeedsLegacy() throws {
        let h = FeeHistory(oldestBlock: 1, baseFeePerGas: [], gasUsedRatio: [], reward: [])
        #expect(throws: FeeError.self) { try FeeOracle().quote(history: h, latest: header(base: nil)) }
    }

    @Test func replacementBumpIsAtLeast12Point5PercentRoundedUp() {
        #expect(TransactionSender.bumped(U256(1000)) == U256(1125))
        #expect(TransactionSender.bumped(U256(1001)) == U256(1127))  // 1126.125 rounds up
        #expect(TransactionSender.bumped(U256(1)) == U256(2))
        #expect(TransactionSender.bumped(U256(0)) == U256(1))
    }

    @Test func l1FeeCalldataWrapsUnsignedRLP() throws {
        let tx = Transaction.dynamicFee(chainID: 10, nonce: 1, maxPriorityFeePerGas: U256(1), maxFeePerGas: U256(2),
                                        gasLimit: 21_000, to: .zero)
        let data = OPStack.getL1FeeCalldata(tx)
        let f = try ABIFunction(signature: "getL1Fee(bytes)")
        #expect(f.selector.bytes == OPStack.getL1FeeSelector)
        #expect(data == (try f.encodeCall([.bytes(tx.signingPayload)])))
        #expect(OPStack.gasPriceOracle.lowercaseHex == "0x420000000000000000000000000000000000000f")
    }
}
