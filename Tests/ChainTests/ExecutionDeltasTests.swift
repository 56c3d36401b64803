import Chain
import Primitives
import Testing

/// Receipt and transaction JSON for the delta tests (hand-built, as a node returns them).
enum DeltaFixture {
    static func addr(_ byte: String) -> String { "0x" + String(repeating: byte, count: 20) }
    static func topic(_ address: String) -> String { "0x" + String(repeating: "0", count: 24) + address.dropFirst(2) }
    static func word(_ v: U256) -> String { Hex.encode(v.bigEndianBytes, prefix: false) }
    static let sender = addr("11"), executor = addr("22"), usdc = addr("33"), weth = addr("44")
    static let pool1 = addr("55"), pool2 = addr("56"), aavePool = addr("66"), aToken = addr("77")
    static let hash = "0x" + String(repeating: "ab", count: 32)

    static func transfer(_ token: String, _ from: String, _ to: String, _ amount: U256) -> String {
        #"{"address":"\#(token)","topics":["\#(ExecutionDeltas.transferTopic)","\#(topic(from))","\#(topic(to))"],"data":"0x\#(word(amount))"}"#
    }

    static func event(_ address: String, _ topics: [String], _ words: [U256]) -> String {
        let t = topics.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"address":"\#(address)","topics":[\#(t)],"data":"0x\#(words.map(word).joined())"}"#
    }

    static func receipt(
        logs: [String], status: Int = 1, gasUsed: UInt64 = 200_000, price: UInt64 = 2_000_000_000, l1Fee: U256? = nil,
        hash: String = hash
    ) throws -> Receipt {
        let l1 = l1Fee.map { #","l1Fee":"0x\#(String($0.description.isEmpty ? "0" : hexOf($0)))""# } ?? ""
        let text = #"{"transactionHash":"\#(hash)","blockHash":"0x\#(String(repeating: "bb", count: 32))","blockNumber":"0x64","transactionIndex":"0x0","from":"\#(sender)","to":"\#(executor)","status":"0x\#(status)","gasUsed":"0x\#(String(gasUsed, radix: 16))","cumulativeGasUsed":"0x\#(String(gasUsed, radix: 16))","effectiveGasPrice":"0x\#(String(price, radix: 16))","type":"0x2","logs":[\#(logs.joined(separator: ","))]\#(l1)}"#
        return try Receipt(json: JSONValue(parsing: text))
    }

    static func hexOf(_ v: U256) -> String {
        let s = Hex.encode(v.minimalBigEndianBytes, prefix: false)
        let trimmed = s.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    static func transaction(value: U256 = .zero, to: String = executor) throws -> TransactionInfo {
        let text = #"{"hash":"\#(hash)","from":"\#(sender)","to":"\#(to)","nonce":"0x1","value":"0x\#(hexOf(value))","gas":"0x7a120","input":"0x","type":"0x2"}"#
        return try TransactionInfo(json: JSONValue(parsing: text))
    }

    static func a(_ s: String) -> Address { (try? Address(parsing: s)) ?? .zero }
}

@Suite struct ExecutionDeltasTests {
    typealias F = DeltaFixture
    let gasFee = I256(400_000_000_000_000)  // 200 000 gas × 2 gwei

    @Test func gasInEtherProfitInUSDC() throws {
        let logs = [
            F.transfer(F.usdc, F.executor, F.pool1, U256(1_000_000_000)),
            F.transfer(F.weth, F.pool1, F.pool2, U256(500_000_000_000_000_000)),
            F.transfer(F.usdc, F.pool2, F.executor, U256(1_012_345_678)),
            F.transfer(F.usdc, F.executor, F.sender, U256(12_345_678)),
        ]
        let d = try ExecutionDeltas.compute(
            receipt: F.receipt(logs: logs), transaction: F.transaction(), executor: F.a(F.executor))
        #expect(d.succeeded && d.gasFee == U256(400_000_000_000_000) && d.l1Fee == .zero)
        #expect(d.delta(account: F.a(F.sender), token: F.a(F.usdc)) == I256(12_345_678))
        #expect(d.delta(account: F.a(F.executor), token: F.a(F.usdc)) == .zero)
        #expect(d.delta(account: F.a(F.sender), token: ExecutionDeltas.native) == .zero - gasFee)
        #expect(d.combined(token: F.a(F.weth)) == .zero)
        #expect(d.deltas.count == 2)
    }

    @Test func revertedTransactionPaysGasOnlyAndMovesNoValue() throws {
        let d = try ExecutionDeltas.compute(
            receipt: F.receipt(logs: [], status: 0), transaction: F.transaction(value: U256(1_000_000)),
            executor: F.a(F.executor))
        #expect(!d.succeeded)
        #expect(d.deltas == [AccountTokenDelta(account: F.a(F.sender), token: ExecutionDeltas.native, amount: .zero - gasFee)])
    }

    @Test func aaveFlashLoanPremiumIsReadAndIncludedInDeltas() throws {
        let aaveTopics = [ExecutionDeltas.aaveFlashLoanTopic.description, F.topic(F.executor), F.topic(F.usdc),
                          "0x" + String(repeating: "0", count: 64)]
        let logs = [
            F.transfer(F.usdc, F.aToken, F.executor, U256(1_000_000_000)),
            F.transfer(F.usdc, F.executor, F.pool1, U256(1_000_000_000)),
            F.transfer(F.usdc, F.pool2, F.executor, U256(1_001_000_000)),
            F.transfer(F.usdc, F.executor, F.aToken, U256(1_000_500_000)),
            F.event(F.aavePool, aaveTopics, [U256(7), U256(1_000_000_000), .zero, U256(500_000)]),
            F.transfer(F.usdc, F.executor, F.sender, U256(500_000)),
        ]
        let d = try ExecutionDeltas.compute(
            receipt: F.receipt(logs: logs), transaction: F.transaction(), executor: F.a(F.executor))
        #expect(d.flashFees == [FlashFee(lender: F.a(F.aavePool), token: F.a(F.usdc), amount: U256(500_000), source: .aaveV3)])
        #expect(d.combined(token: F.a(F.usdc)) == I256(500_000))
        #expect(d.delta(account: F.a(F.executor), token: F.a(F.usdc)) == .zero)
    }

    @Test func negativeTradeShowsAsLoss() throws {
        let logs = [
            F.transfer(F.usdc, F.executor, F.pool1, U256(1_000_000_000)),
            F.transfer(F.usdc, F.pool2, F.executor, U256(999_000_000)),
        ]
        let d = try ExecutionDeltas.compute(
            receipt: F.receipt(logs: logs), transaction: F.transaction(), executor: F.a(F.executor))
        #expect(d.delta(account: F.a(F.executor), token: F.a(F.usdc)) == I256(-1_000_000))
    }

    @Test func opStackL1FeeIsChargedToTheSender() throws {
        let d = try ExecutionDeltas.compute(
            receipt: F.receipt(logs: [], l1Fee: U256(10_000_000_000_000)), transaction: F.transaction(),
            executor: F.a(F.executor))
        #expect(d.l1Fee == U256(10_000_000_000_000))
        #expect(d.combined(token: ExecutionDeltas.native) == .zero - gasFee - I256(10_000_000_000_000))
        let explicit = try ExecutionDeltas.compute(
            receipt: F.receipt(logs: []), transaction: F.transaction(), executor: nil, l1Fee: U256(7))
        #expect(explicit.totalGasCost == U256(400_000_000_000_007))
    }

    @Test func wrappedEtherDepositAndValueMoveEther() throws {
        let deposit = F.event(F.weth, [ExecutionDeltas.depositTopic.description, F.topic(F.executor)], [U256(1_000)])
        let fakeDeposit = F.event(F.pool1, [ExecutionDeltas.depositTopic.description, F.topic(F.executor)], [U256(5)])
        let d = try ExecutionDeltas.compute(
            receipt: F.receipt(logs: [deposit, fakeDeposit]), transaction: F.transaction(value: U256(1_000)),
            executor: F.a(F.executor), wrappedNative: F.a(F.weth))
        #expect(d.delta(account: F.a(F.executor), token: F.a(F.weth)) == I256(1_000))
        #expect(d.delta(account: F.a(F.executor), token: ExecutionDeltas.native) == .zero)
        #expect(d.delta(account: F.a(F.sender), token: ExecutionDeltas.native) == .zero - gasFee - I256(1_000))
        let withdrawal = F.event(F.weth, [ExecutionDeltas.withdrawalTopic.description, F.topic(F.executor)], [U256(40)])
        let w = try ExecutionDeltas.compute(
            receipt: F.receipt(logs: [withdrawal]), transaction: F.transaction(), executor: F.a(F.executor),
            wrappedNative: F.a(F.weth))
        #expect(w.delta(account: F.a(F.executor), token: F.a(F.weth)) == I256(-40))
        #expect(w.delta(account: F.a(F.executor), token: ExecutionDeltas.native) == I256(40))
    }

    @Test func nftTransfersAndUntrackedAccountsAreIgnored() throws {
        let nft = F.event(F.usdc, [ExecutionDeltas.transferTopic.description, F.topic(F.executor), F.topic(F.pool1),
                                   "0x" + String(repeating: "0", count: 63) + "7"], [])
        let other = F.transfer(F.usdc, F.pool1, F.pool2, U256(9))
        let d = try ExecutionDeltas.compute(
            receipt: F.receipt(logs: [nft, other]), transaction: F.transaction(), executor: F.a(F.executor))
        #expect(d.deltas.count == 1)
    }

    @Test func mismatchedReceiptAndMalformedTransferThrow() throws {
        let other = "0x" + String(repeating: "cd", count: 32)
        #expect(throws: ExecutionDeltasError.self) {
            try ExecutionDeltas.compute(
                receipt: F.receipt(logs: [], hash: other), transaction: F.transaction(), executor: nil)
        }
        let short = F.event(F.usdc, [ExecutionDeltas.transferTopic.description, F.topic(F.executor), F.topic(F.pool1)], [])
        #expect(throws: ExecutionDeltasError.malformedLog(index: 0, reason: "Transfer data is 0 bytes, not 32")) {
            try ExecutionDeltas.compute(
                receipt: F.receipt(logs: [short]), transaction: F.transaction(), executor: F.a(F.executor))
        }
    }

    /// Moved from Execution's former ReceiptDeltas tests: a swap routed through the executor nets to zero there,
    /// the profit lands on the sender, a transfer between untracked accounts is ignored, and the receipt-only form
    /// charges gas but no `value` (a receipt does not carry it).
    @Test func receiptOnlyDeltasNetTheExecutorAndChargeGasButNoValue() throws {
        let logs = [
            F.transfer(F.usdc, F.pool1, F.executor, U256(100)), F.transfer(F.usdc, F.executor, F.pool1, U256(60)),
            F.transfer(F.usdc, F.executor, F.sender, U256(40)), F.transfer(F.usdc, F.pool1, F.pool1, U256(999)),
        ]
        let d = try ExecutionDeltas.compute(receipt: F.receipt(logs: logs), executor: F.a(F.executor))
        #expect(
            d.deltas == [
                AccountTokenDelta(account: F.a(F.sender), token: F.a(F.usdc), amount: I256(40)),
                AccountTokenDelta(account: F.a(F.sender), token: ExecutionDeltas.native, amount: .zero - gasFee),
            ])
        let withValue = try ExecutionDeltas.compute(
            receipt: F.receipt(logs: logs), transaction: F.transaction(value: U256(5)), executor: F.a(F.executor))
        #expect(withValue.delta(account: F.a(F.sender), token: ExecutionDeltas.native) == .zero - gasFee - I256(5))
    }

    @Test func eventTopicsAreTheKnownSignatures() {
        #expect(ExecutionDeltas.transferTopic.description
            == "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")
        #expect(ExecutionDeltas.depositTopic.description
            == "0xe1fffcc4923d04b559f4d29a8bfc6cda04eb5b0d3c460751c2402c5c5cc9109c")
        #expect(ExecutionDeltas.withdrawalTopic.description
            == "0x7fcf532c15f0a6db0bd6d0e038bea71d30d808c7d98cb3bf7268a95bf5081b65")
        #expect(ExecutionDeltas.native.lowercaseHex == "0x" + String(repeating: "ee", count: 20))
    }
}
