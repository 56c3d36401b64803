/// The process exit codes of `defi`: few, stable, and documented in the README and the man page.
///
/// The numbers never change once shipped; scripts and cron jobs branch on them.
public enum ExitCode: Int32, Sendable, CaseIterable, CustomStringConvertible {
    /// The command did what was asked, including "nothing to do".
    case success = 0
    /// A failure not covered by a more specific code.
    case failure = 1
    /// The command line or the configuration is invalid.
    case usage = 2
    /// The RPC node or another network service could not be reached.
    case networkUnavailable = 3
    /// Refused on purpose: simulation reverted, not profitable, or a risk cap was hit.
    case refused = 4
    /// Another run holds the lock.
    case lockHeld = 5
    /// Some of the work succeeded and some failed.
    case partialFailure = 6
    /// The subcommand exists but its engine is not in this build yet.
    case notAvailable = 7
    /// `defi liquidate` only: the run found nothing to do (cron wrappers treat it as success).
    case nothingToDo = 8

    /// A short lower-case meaning, for tables and man pages.
    public var meaning: String {
        switch self {
        case .success: "success, including nothing to do"
        case .failure: "failure"
        case .usage: "usage or configuration error"
        case .networkUnavailable: "network unavailable (RPC node or API unreachable, timing out, or answering garbled)"
        case .refused: "refused: simulation reverted, unprofitable, or a risk cap"
        case .lockHeld: "lock held by another run"
        case .partialFailure: "partial failure"
        case .notAvailable: "subcommand not yet available in this build"
        case .nothingToDo: "nothing to do (defi liquidate)"
        }
    }

    /// The number and its meaning, as in the documentation table.
    public var description: String { "\(rawValue) \(meaning)" }
}
