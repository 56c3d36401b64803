import Chain
import DeFiCore
import History
import Primitives

/// Why a plan was not simulated or executed; each maps to a documented exit code.
public enum ExecutionError: DefiError, Equatable {
    /// Refused on purpose (revert, unprofitable, stale, a risk cap): exit 4, nothing sent.
    case refused(code: String, reason: String)
    /// The node could not be reached or answered badly: exit 3.
    case network(String)
    /// Another execute holds the lock: exit 5.
    case lockHeld(path: String)
    /// A capability this build does not have (e.g. private bundles): exit 7.
    case notAvailable(String)
    /// Bad input (wrong chain, no signer, bad target): exit 2.
    case usage(String)
    /// A malformed plan file: exit 2, with the schema hint.
    case plan(PlanFileError)
    /// Anything else (history, journal, signing): exit 1.
    case failure(code: String, reason: String)

    /// A stable short code.
    public var code: String {
        switch self {
        case .refused(let c, _): c
        case .network: "network"
        case .lockHeld: "lock_held"
        case .notAvailable: "not_available"
        case .usage: "usage"
        case .plan(let e): e.code
        case .failure(let c, _): c
        }
    }

    /// The exit code.
    public var exitCode: ExitCode {
        switch self {
        case .refused: .refused
        case .network: .networkUnavailable
        case .lockHeld: .lockHeld
        case .notAvailable: .notAvailable
        case .usage, .plan: .usage
        case .failure: .failure
        }
    }

    /// The one-line message.
    public var message: String {
        switch self {
        case .refused(_, let r): "refused: \(r)"
        case .network(let r): r
        case .lockHeld(let p): "another defi execute holds the lock \(p)"
        case .notAvailable(let r): r
        case .usage(let r): r
        case .plan(let e): e.message
        case .failure(_, let r): r
        }
    }

    /// Advice when the user can act.
    public var hint: String? {
        switch self {
        case .lockHeld: "wait for the other run to finish (cron: skip this tick)"
        case .plan(let e): e.hint
        default: nil
        }
    }

    static func from(_ e: RPCError) -> ExecutionError { .network(e.description) }
    static func from(_ e: HistoryError) -> ExecutionError { .failure(code: "history", reason: "\(e)") }
    static func from(_ e: SimulationError) -> ExecutionError {
        if case .rpc(let r) = e { return from(r) }
        return .failure(code: "simulation", reason: e.description)
    }
    static func from(_ e: SendError) -> ExecutionError {
        switch e {
        case .rpc(let r): return from(r)
        case .fee(.capExceeded): return .refused(code: "gas_price_cap", reason: e.description)
        case .fee(.rpc(let r)): return from(r)
        case .wouldRevert: return .refused(code: "would_revert", reason: e.description)
        default: return .failure(code: e.code, reason: e.description)
        }
    }
}
