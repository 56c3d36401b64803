// Failures of `defi quote`, each with its documented exit code: bad input 2, no node 3, no pool 1.
import Chain
import DeFiCore
import Primitives

/// Why a quote could not be produced.
public enum QuoteError: DefiError, Equatable {
    /// A token that is neither a config symbol nor a valid (EIP-55) address.
    case invalidToken(text: String, reason: String)
    /// An amount that does not parse in the token's decimals, or is zero.
    case invalidAmount(text: String, reason: String)
    /// A `--venues` name that is not configured (or not in the state file).
    case unknownVenue(name: String, known: [String])
    /// A `--block` that is not `latest`, a number or a 0x block hash, or that contradicts `--state`.
    case invalidBlock(text: String, reason: String)
    /// No RPC endpoint configured and no `--state`.
    case noRPC
    /// The node could not be reached or answered badly.
    case rpc(RPCError)
    /// A pool answered something that is not a pool state.
    case read(String)
    /// The state file cannot be read or written.
    case stateFile(path: String, reason: String)
    /// No venue has a pool for the pair.
    case noPool(tokenIn: String, tokenOut: String, venues: [String])
    /// Pools exist but none can fill the amount.
    case noFill(reasons: [String])
    /// Only aggregators were asked and the first one's failure is the answer. `indirect`: with the payload inline,
    /// Swift 6.3.1 (debug) crashed copying a thrown QuoteError in `defi`'s error path (bad pointer in the outlined
    /// copy); boxed, the layout of the other cases is as before.
    indirect case aggregator(AggregatorError)

    /// The stable code for the JSON envelope.
    public var code: String {
        switch self {
        case .invalidToken: "invalid_token"
        case .invalidAmount: "invalid_amount"
        case .unknownVenue: "unknown_venue"
        case .invalidBlock: "invalid_block"
        case .noRPC: "rpc_missing"
        case .rpc(let e): e.code
        case .read: "pool_read_failed"
        case .stateFile: "invalid_state_file"
        case .noPool: "no_pool"
        case .noFill: "no_fill"
        case .aggregator(let e): e.code
        }
    }

    /// 2 for input and a missing endpoint, 3 for an unreachable node, 1 when the market has no answer.
    public var exitCode: ExitCode {
        switch self {
        // No endpoint configured at all is a configuration error (2); a configured node that cannot be reached is
        // the network (3), as for every command (README "Exit codes").
        case .invalidToken, .invalidAmount, .unknownVenue, .invalidBlock, .stateFile, .noRPC: .usage
        case .rpc(let e):
            if case .invalidEndpoint = e { .usage } else { .networkUnavailable }
        case .read, .noPool, .noFill: .failure
        case .aggregator(let e): e.exitCode
        }
    }

    /// The one-line message.
    public var message: String {
        switch self {
        case .invalidToken(let t, let r): "token \"\(t)\": \(r)"
        case .invalidAmount(let t, let r): "amount \"\(t)\": \(r)"
        case .unknownVenue(let n, let k): "unknown venue \"\(n)\" (known: \(k.joined(separator: ", ")))"
        case .invalidBlock(let t, let r): "block \"\(t)\": \(r)"
        case .noRPC: "no RPC endpoint configured"
        case .rpc(let e): "\(e)"
        case .read(let m): m
        case .stateFile(let p, let r): "state file \(p): \(r)"
        case .noPool(let a, let b, let v):
            "no pool for \(a)/\(b) on \(v.isEmpty ? "any configured venue" : v.joined(separator: ", "))"
        case .noFill(let r): "no pool can fill the amount: \(r.joined(separator: "; "))"
        case .aggregator(let e): e.message
        }
    }

    /// What to do about it.
    public var hint: String? {
        switch self {
        case .noRPC: "set ETH_RPC_URL, pass --rpc-url, or quote offline with --state FILE"
        case .invalidToken: "use a symbol from defi.tokens or a 0x address (EIP-55 checksum when mixed case)"
        case .rpc(let e): e.isTransient ? "check that the node is up (devnet: devnet/up.sh; source devnet/env.sh)" : nil
        case .aggregator(let e): e.hint
        default: nil
        }
    }
}
