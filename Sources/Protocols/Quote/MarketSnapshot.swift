// The market state a quote prices against: pool states read at one block, JSON-serialisable so any live quote can
// be saved (`defi quote --save-state`) and replayed offline (`--state`). Schema: docs/quote-state.md.
import Primitives

/// A token as the snapshot records it, so an offline quote can resolve symbols and decimals.
public struct SnapshotToken: Sendable, Equatable, Hashable {
    /// The contract.
    public var address: Address
    /// The config symbol.
    public var symbol: String
    /// ERC-20 decimals.
    public var decimals: Int

    /// A token entry.
    public init(address: Address, symbol: String, decimals: Int) {
        self.address = address
        self.symbol = symbol
        self.decimals = decimals
    }
}

/// A Uniswap V3 pool's tokens and swap state.
public struct V3PoolEntry: Sendable, Equatable {
    /// token0 (the lower address).
    public var token0: Address
    /// token1.
    public var token1: Address
    /// The pure swap state (ticks complete within `state.knownWords`).
    public var state: V3PoolState

    /// An entry.
    public init(token0: Address, token1: Address, state: V3PoolState) {
        self.token0 = token0
        self.token1 = token1
        self.state = state
    }
}

/// The state of one pool, by AMM family.
public enum PoolState: Sendable, Equatable {
    /// A constant-product pair.
    case uniswapV2(V2Pair)
    /// A concentrated-liquidity pool.
    case uniswapV3(V3PoolEntry)
    /// A Curve StableSwap pool (classic or stableswap-ng), 2-8 coins.
    case curve(CurvePoolEntry)
    /// A Balancer V2 weighted or stable pool, 2-8 tokens.
    case balancer(BalancerPoolEntry)
    /// A kind this build does not price (kept so older callers still compile; no reader produces it).
    case reserved(kind: String)

    /// The `kind` string of the schema.
    public var kind: String {
        switch self {
        case .uniswapV2: "uniswap_v2"
        case .uniswapV3: "uniswap_v3"
        case .curve: "curve"
        case .balancer: "balancer"
        case .reserved(let k): k
        }
    }

    /// The two tokens of a two-token pool, sorted; nil for multi-coin pools (see ``allTokens``) and reserved kinds.
    public var tokens: (Address, Address)? {
        switch self {
        case .uniswapV2(let p): (p.token0, p.token1)
        case .uniswapV3(let p): (p.token0, p.token1)
        case .curve, .balancer, .reserved: nil
        }
    }

    /// Every token the pool trades, in the pool's own index order (V2/V3: token0, token1).
    public var allTokens: [Address] {
        switch self {
        case .uniswapV2(let p): [p.token0, p.token1]
        case .uniswapV3(let p): [p.token0, p.token1]
        case .curve(let c): c.coins
        case .balancer(let b): b.tokens
        case .reserved: []
        }
    }
}

/// One pool of a venue at the snapshot's block.
public struct PoolEntry: Sendable, Equatable {
    /// The venue's config name (`uniswap_v2_a`).
    public var venue: String
    /// The pool contract.
    public var address: Address
    /// Its state.
    public var state: PoolState

    /// An entry.
    public init(venue: String, address: Address, state: PoolState) {
        self.venue = venue
        self.address = address
        self.state = state
    }
}

/// Pool states read at one block (number and hash): everything `QuoteEngine` needs, no RPC.
public struct MarketSnapshot: Sendable, Equatable {
    /// The schema identifier written in the file.
    public static let schema = "defi.market-state/1"
    /// The chain id, when known.
    public var chainID: UInt64?
    /// The block number every read was made at.
    public var blockNumber: UInt64
    /// That block's hash (reads were pinned to it, EIP-1898).
    public var blockHash: Hash32
    /// Tokens the quote named.
    public var tokens: [SnapshotToken]
    /// Pools, in reading order.
    public var pools: [PoolEntry]

    /// A snapshot.
    public init(chainID: UInt64?, blockNumber: UInt64, blockHash: Hash32, tokens: [SnapshotToken], pools: [PoolEntry]) {
        self.chainID = chainID
        self.blockNumber = blockNumber
        self.blockHash = blockHash
        self.tokens = tokens
        self.pools = pools
    }

    /// The token entry for `address`.
    public func token(_ address: Address) -> SnapshotToken? { tokens.first { $0.address == address } }

    /// The token entry whose symbol matches `symbol` (case-insensitive).
    public func token(symbol: String) -> SnapshotToken? {
        tokens.first { $0.symbol.lowercased() == symbol.lowercased() }
    }
}
