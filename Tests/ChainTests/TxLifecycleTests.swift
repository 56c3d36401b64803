import Testing

@testable import Chain

@Suite struct TxLifecycleTests {
    func run(_ start: TxState = .built, confirmations: UInt64 = 1, _ events: [TxEvent]) throws -> ([[TxAction]], TxState) {
        var m = TxLifecycle(state: start, confirmations: confirmations)
        var out: [[TxAction]] = []
        for e in events { out.append(try m.handle(e)) }
        return (out, m.state)
    }

    @Test func happyPathJournalsBeforeBroadcast() throws {
        let (actions, state) = try run(.built, [.signed, .journaled, .broadcastAccepted, .receipt(succeeded: true, confirmations: 1)])
        #expect(actions == [[.journal], [.broadcast], [.lookup], [.finish(.included)]])
        #expect(state == .included)
    }

    @Test func revertedReceiptIsFinal() throws {
        let (a, s) = try run(.journaled, [.broadcastAccepted, .receipt(succeeded: false, confirmations: 3)])
        #expect(a.last == [.finish(.reverted)] && s == .reverted)
    }

    @Test func waitsForConfirmationsThenDeadlineAsksForReplacement() throws {
        let (a, s) = try run(.journaled, confirmations: 3, [
            .broadcastAccepted, .receipt(succeeded: true, confirmations: 1), .noReceipt(nonceConsumed: false, knownToNode: true),
            .deadlinePassed,
        ])
        #expect(a == [[.lookup], [.waitForConfirmations], [.waitForConfirmations], [.replace]])
        #expect(s == .pending)
    }

    @Test func alreadyKnownAfterCrashIsEvidenceOfAnEarlierSend() throws {
        let (a, s) = try run(.journaled, [.broadcastAlreadyKnown, .receipt(succeeded: true, confirmations: 1)])
        #expect(a == [[.lookup], [.finish(.included)]] && s == .included)
    }

    @Test func nonceTooLowLooksUpThenReplacedWhenNoReceipt() throws {
        let (a, s) = try run(.journaled, [.broadcastNonceTooLow, .noReceipt(nonceConsumed: true, knownToNode: false)])
        #expect(a == [[.lookup], [.finish(.replaced)]] && s == .replaced)
    }

    @Test func nonceTooLowWithOurReceiptIsIncluded() throws {
        let (_, s) = try run(.journaled, [.broadcastNonceTooLow, .receipt(succeeded: true, confirmations: 2)])
        #expect(s == .included)
    }

    @Test func reconcileOfUnsentEntryRebroadcastsSameBytes() throws {
        // Crash after journaling, before broadcast: lookup finds nothing, nonce free -> broadcast the same bytes.
        let (a, s) = try run(.journaled, [.noReceipt(nonceConsumed: false, knownToNode: false), .broadcastAccepted])
        #expect(a == [[.broadcast], [.lookup]] && s == .pending)
    }

    @Test func lostReplyThenRejectionIsFailedButAfterAcceptanceIsDropped() throws {
        let (_, s1) = try run(.journaled, [.broadcastUnknown, .noReceipt(nonceConsumed: false, knownToNode: false),
                                           .broadcastRejected("insufficient funds")])
        #expect(s1 == .failed)
        let (_, s2) = try run(.journaled, [.broadcastAccepted, .noReceipt(nonceConsumed: false, knownToNode: false),
                                           .broadcastRejected("max fee per gas less than block base fee")])
        #expect(s2 == .dropped)
    }

    @Test func invalidTransitionsThrow() {
        var m = TxLifecycle(state: .built)
        #expect(throws: TxTransitionError.self) { try m.handle(.broadcastAccepted) }
        var f = TxLifecycle(state: .included)
        #expect(throws: TxTransitionError.self) { try f.handle(.deadlinePassed) }
    }

    @Test func classifiesBroadcastReplies() {
        func rpc(_ m: String) -> RPCError { .rpc(code: -32000, message: m, data: nil, method: "eth_sendRawTransaction") }
        #expect(BroadcastReply.classify(rpc("already known")) == .alreadyKnown)
        #expect(BroadcastReply.classify(rpc("nonce too low: address 0x1, tx: 1 state: 2")) == .nonceTooLow)
        #expect(BroadcastReply.classify(rpc("nonce too high: x")) == .nonceTooHigh)
        #expect(BroadcastReply.classify(rpc("replacement transaction underpriced")) == .replacementUnderpriced)
        #expect(BroadcastReply.classify(rpc("insufficient funds for gas * price + value")) == .rejected("insufficient funds for gas * price + value"))
        #expect(BroadcastReply.classify(.timeout(after: .seconds(1), endpoint: "e")) == .unknown)
        #expect(BroadcastReply.classify(.transport(code: 56, message: "recv failure", endpoint: "e")) == .unknown)
    }
}
