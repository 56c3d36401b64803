import Chain
import Foundation
import Primitives
import Protocols
import Testing

/// The devnet's venues, pools and accounts as the quote tests use them.
enum QuoteDevnet {
    static func token(_ s: String) throws -> Address { try Devnet.address("tokens", s, "address") }

    static func v2Venues() throws -> [V2VenueSpec] {
        try ["uniswap_v2_a", "uniswap_v2_b"].map { name in
            V2VenueSpec(
                name: name, factory: try Devnet.address("venues", name, "factory"),
                initCodeHash: try Hash32(hex: try string("venues", name, "init_code_hash")), feeBps: 30)
        }
    }

    static func v3Venues() throws -> [V3VenueSpec] {
        [
            V3VenueSpec(
                name: "uniswap_v3", factory: try Devnet.address("venues", "uniswap_v3", "factory"),
                initCodeHash: try Hash32(hex: try string("venues", "uniswap_v3", "pool_init_code_hash")))
        ]
    }

    static func string(_ path: String...) throws -> String {
        var v = Devnet.deployment
        for p in path { v = v[p] ?? .null }
        guard case .string(let s) = v else { throw RPCError.malformedReply(what: "deployment \(path)", bodyPrefix: "") }
        return s
    }

    static func router(_ venue: String) throws -> Address { try Devnet.address("venues", venue, "router") }
    static var quoter: Address { get throws { try Devnet.address("venues", "uniswap_v3", "quoter") } }
    static var multicall: Multicall { get throws { Multicall(mode: .deployed(try Devnet.address("multicall"))) } }

    static func account(_ i: Int) throws -> Address {
        guard case .array(let a)? = Devnet.deployment["accounts"], case .string(let s)? = a[i]["address"] else {
            throw RPCError.malformedReply(what: "deployment accounts", bodyPrefix: "")
        }
        return try Address(parsing: s)
    }

    /// The four pairs the devnet seeds.
    static let pairs = [("WETH", "USDC"), ("WETH", "DAI"), ("WBTC", "WETH"), ("USDC", "DAI")]

    /// Every pool of every pair at one pinned block, with every bitmap word read.
    static func allPools(view: PinnedView, radius: Int16? = nil) async throws -> [PoolEntry] {
        let reader = PoolReader(view: view, multicall: try multicall, wordRadius: radius)
        var out: [PoolEntry] = []
        for (a, b) in pairs {
            out += try await reader.read(
                tokenA: try token(a), tokenB: try token(b), v2: try v2Venues(), v3: try v3Venues())
        }
        return out
    }

    /// ERC-20 balanceOf through a single call.
    static func balance(_ token: Address, of owner: Address, client: RPCClient, at: BlockRef = .latest) async throws
        -> U256
    {
        let d = try #require(
            try await client.call(CallRequest(to: token, data: ERC20.balanceOfCall(owner)), at: at).returnData)
        return try ABIWords(d, function: "balanceOf", count: 1).uint(0)
    }

    /// A deterministic SplitMix64.
    struct RNG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }

        /// A log-uniform amount in [1, cap]: a random bit length, then random bits below it.
        mutating func amount(upTo cap: U256) -> U256 {
            let bits = 256 - cap.leadingZeroBitCount
            let n = 1 + Int(next() % UInt64(max(1, bits)))
            var v = U256(limbs: (next(), next(), next(), next())) >> (256 - n)
            if v.isZero { v = .one }
            return v > cap ? cap : v
        }
    }
}
