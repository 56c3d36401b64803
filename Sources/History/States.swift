import GRDB

/// What became of a detected opportunity.
public enum OpportunityStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// Found by a scan and recorded.
    case detected
    /// Simulated at least once.
    case simulated
    /// Handed to an execution engine.
    case executed
    /// Refused by validation, risk checks or simulation.
    case rejected
    /// The block it was found at is too old to act on.
    case expired
}

/// The lifecycle of one execution (a transaction built from a plan).
public enum ExecutionState: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// The transaction is built but unsigned.
    case built
    /// Signed, not yet journaled.
    case signed
    /// Written to the journal; broadcast may follow.
    case journaled
    /// Sent to a node or relay.
    case broadcast
    /// Seen as pending.
    case pending
    /// Mined with a successful receipt.
    case included
    /// Mined with a failed receipt.
    case reverted
    /// Superseded by another transaction with the same nonce.
    case replaced
    /// Gone from the mempool without being mined.
    case dropped
    /// Refused before signing (risk cap, unprofitable, simulation revert).
    case refused
    /// Failed for an infrastructure reason.
    case failed

    /// Whether no further transition is expected.
    public var isTerminal: Bool {
        switch self {
        case .included, .reverted, .replaced, .dropped, .refused, .failed: return true
        default: return false
        }
    }
}

/// The state of a journaled signed transaction.
public enum TransactionState: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// Journaled before broadcast.
    case journaled
    /// Sent to a node or relay.
    case broadcast
    /// Seen as pending.
    case pending
    /// Mined with a successful receipt.
    case included
    /// Mined with a failed receipt.
    case reverted
    /// Superseded by another transaction with the same nonce.
    case replaced
    /// Gone from the mempool without being mined.
    case dropped
    /// Refused by a node before any node accepted it (its nonce was never used).
    case failed

    /// States whose outcome is not yet known (reconciled on start).
    public static let unresolved: [TransactionState] = [.journaled, .broadcast, .pending]
}

/// The watch status of a lending position.
public enum LiquidationStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// Health factor comfortably above 1.
    case healthy
    /// Close to the liquidation threshold.
    case atRisk = "at_risk"
    /// Health factor below 1.
    case liquidatable
    /// Liquidated (by us or someone else).
    case liquidated
    /// Debt repaid or no longer tracked.
    case closed
}

/// SQL for `column IN ('a', 'b', ...)` over the raw values of `T`.
func inListCheck<T: CaseIterable & RawRepresentable>(_ column: String, _ type: T.Type) -> String
where T.RawValue == String {
    "\(column) IN (" + T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
}
