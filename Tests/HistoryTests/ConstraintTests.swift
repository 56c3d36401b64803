import Foundation
import GRDB
import Testing

@testable import History

/// Bad values are refused twice: by Swift validation (typed error before SQL) and by the schema's CHECKs.
@Suite struct ConstraintTests {
    @Test(arguments: ["", "01", "-0", "1.5", "+1", "1e18", " 1", "0x10", String(repeating: "9", count: 78)])
    func validationRejectsNonCanonicalUnsigned(_ text: String) {
        let error = #expect(throws: HistoryError.self) { try DecimalText.validateUnsigned(text, field: "size") }
        #expect(error?.code == "history.amount")
    }

    @Test func signedRangeIsI256() throws {
        try DecimalText.validateSigned(Fixture.minI256, field: "x")
        try DecimalText.validateSigned(Fixture.maxI256, field: "x")
        try DecimalText.validateSigned("0", field: "x")
        #expect(throws: HistoryError.self) { try DecimalText.validateSigned("-0", field: "x") }
        #expect(throws: HistoryError.self) { try DecimalText.validateSigned("-" + Fixture.maxU256, field: "x") }
        #expect(throws: HistoryError.self) {
            try DecimalText.validateSigned(String(Fixture.maxI256.dropLast()) + "8", field: "x")
        }
    }

    @Test func recordOpportunityRejectsBadAmountWithTypedError() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        var opp = Fixture.opportunity()
        opp.costs = "-1"
        let error = #expect(throws: HistoryError.self) { try store.recordOpportunity(opp) }
        #expect(error == .invalidAmount(field: "costs", value: "-1", reason: "not decimal digits"))
        #expect(try store.listOpportunities().isEmpty)
    }

    @Test(arguments: [
        ("status", "'won'"), ("size", "'1.5'"), ("size", "1.5"), ("size", "'007'"), ("net_profit", "'-0'"),
        ("net_profit_usd", "'1.2.3'"), ("route", "'not json'"), ("block_hash", "'0x12'"), ("chain_id", "-1"),
    ])
    func schemaChecksRejectBadOpportunityColumns(column: String, value: String) throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        let opp = Fixture.opportunity()
        try store.recordOpportunity(opp)
        let error = #expect(throws: HistoryError.self) {
            try store.write { db in
                try db.execute(sql: "UPDATE opportunities SET \(column) = \(value) WHERE id = ?", arguments: [opp.id])
            }
        }
        #expect(error?.code == "history.constraint", "\(column) = \(value)")
        #expect(try store.opportunity(id: opp.id) == opp)
    }

    @Test func schemaRejectsNegativeGasAndUnknownExecutionState() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        let exe = Fixture.execution()
        try store.upsertExecution(exe)
        for assignment in ["gas_used = -1", "state = 'mined'", "fees = '-5'", "effective_gas_price = 3.0"] {
            let error = #expect(throws: HistoryError.self) {
                try store.write { db in
                    try db.execute(sql: "UPDATE executions SET \(assignment) WHERE id = ?", arguments: [exe.id])
                }
            }
            #expect(error?.code == "history.constraint", "\(assignment)")
        }
    }

    @Test func journalIsUniquePerHashAndPriceNeedsAValue() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        let tx = TransactionRecord(
            hash: Fixture.txHash, chainID: 1, sender: Fixture.sender, nonce: 0, raw: "0x01", createdAt: Fixture.date(0))
        try store.journalTransaction(tx)
        let duplicate = #expect(throws: HistoryError.self) { try store.journalTransaction(tx) }
        #expect(duplicate?.code == "history.constraint")
        let price = PriceObservationRecord(
            chainID: 1, pool: Fixture.pool, blockNumber: 1, token0: Fixture.weth, token1: Fixture.weth,
            priceNum: "1", priceDen: "0", observedAt: Fixture.date(0))
        #expect(throws: HistoryError.self) { try store.appendPrices([price]) }
    }

    @Test func errorDescriptionsAreLowerCaseWithEvidence() {
        let error = HistoryError.stateConflict(id: "exe_1", expected: "signed", found: "built")
        #expect(error.description == "state conflict on exe_1: expected signed, found built")
        #expect(error.code == "history.state_conflict")
    }
}
