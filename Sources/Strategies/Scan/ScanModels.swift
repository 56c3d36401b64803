// The request, result and errors of `defi scan` (ScanService).
import Chain
import DeFiCore
import History
import Primitives
import Protocols
import Validation

/// What the operator asked for, as typed on the command line.
public struct ScanRequest: Sendable {
    /// Strategy names (`spatial`, `triangular`, `statistical`); nil: spatial and triangular.
    public var strategies: [String]?
    /// `10usd`, `10` (USD), `0.01ether`, `5USDC`: overrides min_profit_usd.
    public var minProfit: String?
    /// Longest cycle (2...6).
    public var maxHops: Int
    /// `latest`, a number or a 0x hash.
    public var block: String?
    /// Scan a saved market state instead of the node.
    public var statePath: String?
    /// Write the market state scanned.
    public var saveStatePath: String?
    /// Gas price for an offline scan (`30gwei`); live scans use the fee oracle.
    public var gasPrice: String?
    /// Whether to record reported opportunities in the history store.
    public var record: Bool
    /// The history store path (nil: config, then the default).
    public var historyPath: String?
    /// Per-hop slippage budget, bps.
    public var slippageBps: Int

    /// A request.
    public init(
        strategies: [String]? = nil, minProfit: String? = nil, maxHops: Int = 3, block: String? = nil,
        statePath: String? = nil, saveStatePath: String? = nil, gasPrice: String? = nil, record: Bool = true,
        historyPath: String? = nil, slippageBps: Int = 50
    ) {
        self.strategies = strategies
        self.minProfit = minProfit
        self.maxHops = maxHops
        self.block = block
        self.statePath = statePath
        self.saveStatePath = saveStatePath
        self.gasPrice = gasPrice
        self.record = record
        self.historyPath = historyPath
        self.slippageBps = slippageBps
    }
}

/// One validated opportunity.
public struct ScanOpportunity: Sendable, Equatable {
    /// The history id (`opp_…`), when recorded.
    public var id: String?
    /// The sized route with min-outs.
    public var route: Route
    /// Costs, net profit and the verdict.
    public var validation: ValidatedTrade
    /// The route's token.
    public var token: SnapshotToken

    /// Whether it passed every check.
    public var accepted: Bool { validation.accepted }
}

/// What one scan found.
public struct ScanResult: Sendable, Equatable {
    /// The market scanned.
    public var snapshot: MarketSnapshot
    /// Accepted opportunities, best net USD first.
    public var opportunities: [ScanOpportunity]
    /// Candidates refused by validation (best gross USD first).
    public var rejected: [ScanOpportunity]
    /// Structural cycles in the index.
    public var cycles: Int
    /// Cycles evaluated by this scan (all on the first scan; those through changed pools on a re-scan).
    public var evaluated: Int
    /// Cycles that passed the log-price bound and were sized.
    public var sized: Int
    /// `rpc` or `state`.
    public var source: String
    /// HTTP round trips (0 offline).
    public var roundTrips: Int
    /// The projected gas price used, wei.
    public var gasPriceWei: U256
    /// The capital source priced.
    public var flash: FlashCost
    /// The policy applied.
    public var policy: ValidationPolicy
    /// Notes for stderr (assumptions made, such as an offline gas price).
    public var notes: [String]
}

/// Why a scan could not run.
public enum ScanError: DefiError, Equatable {
    /// A bad option value.
    case usage(String)
    /// A strategy this build does not have.
    case notAvailable(String)
    /// Market reading or state-file problems (as quote reports them).
    case quote(QuoteError)
    /// A read validation needs failed.
    case read(String)
    /// The history store refused a record.
    case history(String)

    /// A stable short code.
    public var code: String {
        switch self {
        case .usage: "usage"
        case .notAvailable: "not_available"
        case .quote(let e): e.code
        case .read: "read_failed"
        case .history: "history_failed"
        }
    }

    /// The exit code.
    public var exitCode: ExitCode {
        switch self {
        case .usage: .usage
        case .notAvailable: .notAvailable
        case .quote(let e): e.exitCode
        case .read: .networkUnavailable
        case .history: .failure
        }
    }

    /// The one-line message.
    public var message: String {
        switch self {
        case .usage(let m): m
        case .notAvailable(let m): m
        case .quote(let e): e.message
        case .read(let m): m
        case .history(let m): "history store: \(m)"
        }
    }

    /// A hint when the user can act.
    public var hint: String? {
        switch self {
        case .quote(.noRPC): "set ETH_RPC_URL, pass --rpc-url, or scan offline with --state FILE"
        case .quote(let e): e.hint
        default: nil
        }
    }
}
