/// The validated `defi:` configuration: every key of `defi.yaml`, typed, with money as exact decimals.
public struct DefiConfig: Sendable, Equatable {
    /// The default chain name (`defi.chain`), a key under `chains` or a well-known name.
    public var chain: String?
    /// The RPC URL to use (`defi.rpc_url`; `ETH_RPC_URL` and `--rpc-url` override it).
    public var rpcURL: String?
    /// Arbitrage thresholds (`defi.strategies.arbitrage`).
    public var arbitrage: ArbitrageConfig
    /// Statistical arbitrage parameters, when configured (`defi.strategies.statistical`).
    public var statistical: StatisticalConfig?
    /// Flash-loan execution settings (`defi.execution.flash_loan`).
    public var flashLoan: FlashLoanConfig
    /// Own-capital execution settings (`defi.execution.capital`).
    public var capital: CapitalConfig
    /// Risk limits (`defi.risk`).
    public var risk: RiskConfig
    /// Lending and other protocol deployments by name (`defi.protocols.<name>`).
    public var protocols: [String: ProtocolConfig]
    /// Chains by name (`defi.chains.<name>`).
    public var chains: [String: ChainConfig]
    /// Tokens by symbol (`defi.tokens.<SYMBOL>`).
    public var tokens: [String: TokenConfig]
    /// DEX venues by name (`defi.venues.<name>`).
    public var venues: [String: VenueConfig]
    /// The Multicall3 address (`defi.multicall`).
    public var multicall: String?
    /// Aggregator API settings by name: `oneinch`, `zerox` (`defi.aggregators`).
    public var aggregators: [String: AggregatorConfig]
    /// The history store path (`defi.history.db`).
    public var historyDB: String?
    /// Private bundle submission to block builders (`defi.execution.mev`).
    public var mev: MEVConfig = MEVConfig()
    /// The Tenderly simulation backend, when configured (`defi.execution.tenderly`).
    public var tenderly: TenderlyConfig? = nil
    /// Fixed USD prices per whole token by `defi.tokens` symbol (`defi.pricing.usd.<SYMBOL>`).
    public var pricingUSD: [String: ExactDecimal] = [:]
    /// The quote currency P&L is valued and reported in (`defi.pnl.quote`: `USD`, a token symbol or address);
    /// nil means USD.
    public var pnlQuote: String? = nil
    /// Liquidation sweep thresholds (`defi.strategies.liquidation`).
    public var liquidation: LiquidationConfig = LiquidationConfig()
    /// Seconds allowed for one JSON-RPC exchange (`defi.rpc_timeout_seconds`); nil keeps the client default (10 s).
    /// A call with its retries and failovers gets three times as long, at least 30 s.
    public var rpcTimeoutSeconds: Int? = nil
}

/// `defi.strategies.liquidation`: when a liquidation is worth sending and how far the borrower index trails.
public struct LiquidationConfig: Sendable, Equatable {
    /// Minimum net profit in USD after flash premium, swap, gas and L1 fee (`min_profit_usd`).
    public var minProfitUSD: ExactDecimal = ConfigDefaults.liquidationMinProfitUSD
    /// Blocks below the head the borrower index treats as final (`finality_blocks`).
    public var finalityBlocks: UInt64 = ConfigDefaults.liquidationFinalityBlocks

    /// The defaults.
    public init() {}
}

/// `defi.strategies.arbitrage`: when a spread is worth taking.
public struct ArbitrageConfig: Sendable, Equatable {
    /// Minimum net profit in USD.
    public var minProfitUSD: ExactDecimal
    /// Minimum spread in basis points.
    public var minSpreadBPS: Int
    /// Maximum position size in USD.
    public var maxPositionUSD: ExactDecimal
    /// Token symbols cycles start from (`base_tokens`); empty: every configured token.
    public var baseTokens: [String] = []
}

/// `defi.strategies.statistical`: pairs trading on a mean-reverting spread.
public struct StatisticalConfig: Sendable, Equatable {
    /// Blocks of history the spread statistics use.
    public var lookbackBlocks: Int?
    /// Z-score at which a position opens.
    public var entryZScore: ExactDecimal?
    /// Z-score at which a position closes.
    public var exitZScore: ExactDecimal?
    /// Maximum position size in USD.
    public var maxPositionUSD: ExactDecimal?
    /// Extra pairs to watch (`pairs: [{a, b, kind}]`), besides the same pair on two venues found automatically.
    public var pairs: [StatisticalPairConfig] = []
}

/// One entry of `defi.strategies.statistical.pairs`: two pools whose price spread should mean-revert.
public struct StatisticalPairConfig: Sendable, Equatable {
    /// Leg A's pool address (as written).
    public var a: String
    /// Leg B's pool address.
    public var b: String
    /// `venues` (same tokens, hedge ratio 1) or `cointegrated` (Engle-Granger); nil: inferred from the pools' tokens.
    public var kind: String?

    /// A pair entry.
    public init(a: String, b: String, kind: String? = nil) {
        self.a = a
        self.b = b
        self.kind = kind
    }
}

/// `defi.execution.flash_loan`: the executor contract and its gas cap.
public struct FlashLoanConfig: Sendable, Equatable {
    /// The deployed executor contract, if any.
    public var contractAddress: String?
    /// The highest gas price (gwei) a flash-loan transaction may pay.
    public var maxGasPriceGwei: ExactDecimal
}

/// `defi.execution.capital`: trading with the wallet's own funds.
public struct CapitalConfig: Sendable, Equatable {
    /// The largest share of the wallet one trade may use, in percent.
    public var maxAllocationPct: ExactDecimal
}

/// `defi.execution.mev`: Flashbots-style bundle submission.
public struct MEVConfig: Sendable, Equatable {
    /// Builder / relay JSON-RPC URLs that take `eth_callBundle` / `eth_sendBundle`; the first also simulates.
    public var builders: [String]
    /// Where the relay-authentication key (never the trading key) comes from: `env:VAR` (a 0x-hex key in that
    /// variable) or `keystore:NAME` (a keystore name or file, password from DEFI_MEV_AUTH_PASSWORD or DEFI_PASSWORD).
    public var authKey: String?

    /// A value; no builders and no key by default.
    public init(builders: [String] = [], authKey: String? = nil) {
        self.builders = builders
        self.authKey = authKey
    }
}

/// `defi.execution.tenderly`: the Tenderly Simulation API.
public struct TenderlyConfig: Sendable, Equatable {
    /// The account slug.
    public var account: String?
    /// The project slug.
    public var project: String?
    /// The access key (sent as X-Access-Key; redacted whenever shown).
    public var accessKey: String?
    /// The API base URL (default `https://api.tenderly.co`).
    public var baseURL: String?

    /// A value.
    public init(account: String? = nil, project: String? = nil, accessKey: String? = nil, baseURL: String? = nil) {
        self.account = account
        self.project = project
        self.accessKey = accessKey
        self.baseURL = baseURL
    }
}

/// `defi.risk`: limits checked before signing.
public struct RiskConfig: Sendable, Equatable {
    /// Stop trading for the day after this loss in USD.
    public var maxDailyLossUSD: ExactDecimal
    /// The most open positions at once.
    public var maxPositionCount: Int
    /// The value-at-risk confidence level, between 0 and 1.
    public var varConfidence: ExactDecimal

    /// Limits with every field given (the validator fills defaults; tests build them directly).
    public init(maxDailyLossUSD: ExactDecimal, maxPositionCount: Int, varConfidence: ExactDecimal) {
        self.maxDailyLossUSD = maxDailyLossUSD
        self.maxPositionCount = maxPositionCount
        self.varConfidence = varConfidence
    }
}

/// `defi.protocols.<name>`: contract addresses by role and an optional version.
public struct ProtocolConfig: Sendable, Equatable {
    /// Contract addresses by role (`pool`, `oracle`, `addresses_provider`, `comet`…).
    public var addresses: [String: String]
    /// The deployment's version (`"3.3"`).
    public var version: String?
    /// The block the deployment was created in (`deployment_block`): where event scans start.
    public var deploymentBlock: UInt64? = nil
}

/// `defi.chains.<name>`: how to reach a chain.
public struct ChainConfig: Sendable, Equatable {
    /// The EIP-155 chain id.
    public var chainID: UInt64
    /// RPC endpoints, first preferred.
    public var rpcURLs: [String]
    /// A block explorer base URL.
    public var explorer: String?
}

/// `defi.tokens.<SYMBOL>`: an ERC-20 token.
public struct TokenConfig: Sendable, Equatable {
    /// The token contract.
    public var address: String
    /// The token's decimals (0…77).
    public var decimals: Int
    /// The display symbol when it differs from the key.
    public var symbol: String?
}

/// The DEX families a venue can be.
public enum VenueKind: String, Sendable, CaseIterable {
    /// Constant-product pairs.
    case uniswapV2 = "uniswap_v2"
    /// Concentrated liquidity.
    case uniswapV3 = "uniswap_v3"
    /// Curve StableSwap / CryptoSwap pools.
    case curve
    /// Balancer V2 vault pools.
    case balancer
}

/// `defi.venues.<name>`: a DEX deployment.
public struct VenueConfig: Sendable, Equatable {
    /// The DEX family.
    public var kind: VenueKind
    /// The factory contract.
    public var factory: String?
    /// The router contract.
    public var router: String?
    /// The quoter contract (Uniswap V3).
    public var quoter: String?
    /// The position manager (Uniswap V3).
    public var positionManager: String?
    /// The vault (Balancer).
    public var vault: String?
    /// The pair init-code hash for CREATE2 pair addresses (Uniswap V2).
    public var initCodeHash: String?
    /// The swap fee in basis points (Uniswap V2 style).
    public var feeBPS: Int?
    /// Pools to watch.
    public var pools: [String]

    /// A venue (everything but `kind` optional).
    public init(
        kind: VenueKind, factory: String? = nil, router: String? = nil, quoter: String? = nil,
        positionManager: String? = nil, vault: String? = nil, initCodeHash: String? = nil, feeBPS: Int? = nil,
        pools: [String] = []
    ) {
        self.kind = kind
        self.factory = factory
        self.router = router
        self.quoter = quoter
        self.positionManager = positionManager
        self.vault = vault
        self.initCodeHash = initCodeHash
        self.feeBPS = feeBPS
        self.pools = pools
    }
}

/// `defi.aggregators.<name>`: an aggregator API.
public struct AggregatorConfig: Sendable, Equatable {
    /// The API key (redacted whenever shown).
    public var apiKey: String?
    /// The API base URL.
    public var baseURL: String?
    /// Contracts a response may name (tx.to, spender, allowance target); empty: the built-in list for the chain.
    public var allowedTargets: [String] = []

    /// Settings for one aggregator.
    public init(apiKey: String? = nil, baseURL: String? = nil, allowedTargets: [String] = []) {
        self.apiKey = apiKey
        self.baseURL = baseURL
        self.allowedTargets = allowedTargets
    }
}
