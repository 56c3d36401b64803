// Execution engines: each turns the same sized route into executor plans funded its own way. They read what
// they need at the pinned block (executor balance, Aave premium and liquidity, pool balances); the runner then
// simulates every candidate exactly and `auto` keeps the one that nets the most.
import Chain
import DeFiCore
import Primitives
import Protocols
import Strategies

/// How a trade is funded (`--engine`).
public enum EngineKind: String, Sendable, Equatable, CaseIterable {
    /// The executor's own balance (flash kind none).
    case capital
    /// A flash loan: Aave V3, a Uniswap V3 pool's `flash`, or the Balancer Vault, chosen by fee and liquidity.
    case flashLoan = "flash-loan"
    /// A Uniswap V2 flash swap.
    case flashSwap = "flash-swap"

    /// The name recorded in history (`capital`, `flash_loan`, `flash_swap`).
    public var recordName: String { rawValue.replacingOccurrences(of: "-", with: "_") }
}

/// `--engine`: one engine or the cheapest that works.
public enum EngineChoice: String, Sendable, Equatable, CaseIterable {
    /// The candidate that nets the most after fees and gas.
    case auto
    /// Own capital only.
    case capital
    /// Flash loans only.
    case flashLoan = "flash-loan"
    /// Flash swaps only.
    case flashSwap = "flash-swap"

    /// The engines this choice tries.
    public var kinds: [EngineKind] {
        switch self {
        case .auto: EngineKind.allCases
        case .capital: [.capital]
        case .flashLoan: [.flashLoan]
        case .flashSwap: [.flashSwap]
        }
    }
}

/// One way to fund a route: the plan and the fee the engine predicts (in the flash asset's units).
public struct EngineCandidate: Sendable, Equatable {
    /// The engine.
    public var engine: EngineKind
    /// The plan (minProfit 1; the runner raises it to cover gas once the candidate is chosen).
    public var plan: ExecutorPlan
    /// The predicted flash fee or premium (0 for capital; for a flash swap repaid in the other token, 0).
    public var fee: U256
    /// A short description (`aave_v3 premium 5 bps`).
    public var source: String
}

/// What engines may read: the node at the pinned block, the executor, and the market around the route.
public struct EngineEnvironment: Sendable {
    /// The node pinned to the block everything is simulated at.
    public var view: PinnedView
    /// The executor contract.
    public var executor: Address
    /// The market snapshot the route was re-priced in (its pools are flash-loan and flash-swap candidates).
    public var snapshot: MarketSnapshot
    /// The Aave V3 Pool, when configured.
    public var aavePool: Address?
    /// The Balancer V2 Vault, when configured.
    public var balancerVault: Address?

    /// An environment value.
    public init(view: PinnedView, executor: Address, snapshot: MarketSnapshot, aavePool: Address? = nil,
                balancerVault: Address? = nil) {
        self.view = view
        self.executor = executor
        self.snapshot = snapshot
        self.aavePool = aavePool
        self.balancerVault = balancerVault
    }

    /// `token.balanceOf(holder)` at the pinned block.
    func balance(_ token: Address, of holder: Address) async throws(ExecutionError) -> U256 {
        let outcome: CallOutcome
        do { outcome = try await view.call(CallRequest(to: token, data: ERC20.balanceOfCall(holder))) } catch {
            throw .from(error)
        }
        guard case .success(let d) = outcome, let v = ERC20.decodeUInt(d) else {
            throw .failure(code: "read", reason: "balanceOf(\(holder)) on \(token) failed")
        }
        return v
    }
}

/// One funding method over a route.
public protocol ExecutionEngine: Sendable {
    /// Which engine this is.
    var kind: EngineKind { get }
    /// The plans this engine can build for `route`; empty when it cannot fund it (with the reason in `skipped`).
    func candidates(for route: Route, in env: EngineEnvironment) async throws(ExecutionError) -> EngineResult
}

/// Candidates and the reasons others were skipped.
public struct EngineResult: Sendable, Equatable {
    /// Plans that can be simulated.
    public var candidates: [EngineCandidate]
    /// Why an option was not offered (`aave_v3: liquidity 10 < 40`).
    public var skipped: [String]

    /// A result value.
    public init(candidates: [EngineCandidate] = [], skipped: [String] = []) {
        self.candidates = candidates
        self.skipped = skipped
    }
}

/// The engines by kind.
public enum Engines {
    /// The engine of `kind`.
    public static func engine(_ kind: EngineKind) -> any ExecutionEngine {
        switch kind {
        case .capital: CapitalEngine()
        case .flashLoan: FlashLoanEngine()
        case .flashSwap: FlashSwapEngine()
        }
    }

    /// A plan for `hops` funded by `flash`, profit in the route's token, minProfit 1.
    static func plan(flash: FlashSource, hops: [PlanHop], profitToken: Address) -> ExecutorPlan {
        ExecutorPlan(flash: flash, profitToken: profitToken, minProfit: .one, payload: .arbitrage(hops: hops))
    }
}

/// Own capital: the executor spends its own balance of the route's first token.
public struct CapitalEngine: ExecutionEngine {
    /// A capital engine.
    public init() {}
    /// `.capital`.
    public var kind: EngineKind { .capital }

    /// One candidate when the executor holds at least the route's size.
    public func candidates(for route: Route, in env: EngineEnvironment) async throws(ExecutionError) -> EngineResult {
        let held = try await env.balance(route.tokenIn, of: env.executor)
        guard held >= route.size else {
            return EngineResult(skipped: ["capital: the executor holds \(held) of \(route.tokenIn), the route needs \(route.size)"])
        }
        let flash = FlashSource(kind: .none, lender: .zero, asset: route.tokenIn, amount: route.size)
        return EngineResult(candidates: [EngineCandidate(
            engine: .capital, plan: Engines.plan(flash: flash, hops: route.planHops, profitToken: route.tokenIn),
            fee: .zero, source: "executor balance")])
    }
}
