import Primitives

/// Which block a read is made at; a hash is sent as EIP-1898 `{"blockHash": …, "requireCanonical": true}`.
public enum BlockRef: Sendable, Hashable, CustomStringConvertible {
    /// The head.
    case latest
    /// The head plus the node's pending transactions.
    case pending
    /// The latest safe block (post-merge).
    case safe
    /// The latest finalized block.
    case finalized
    /// The genesis block.
    case earliest
    /// A block by number.
    case number(UInt64)
    /// A block by hash; the node must fail if the hash is not on its canonical chain.
    case hash(Hash32)

    /// The JSON-RPC block parameter.
    public var parameter: JSONValue {
        switch self {
        case .latest: return .string("latest")
        case .pending: return .string("pending")
        case .safe: return .string("safe")
        case .finalized: return .string("finalized")
        case .earliest: return .string("earliest")
        case .number(let n): return .quantity(n)
        case .hash(let h): return .object(["blockHash": .string(h.description), "requireCanonical": .bool(true)])
        }
    }

    /// The tag or number form (`eth_getBlockByNumber`, `eth_feeHistory`); nil for a hash.
    public var tagOrNumber: JSONValue? {
        if case .hash = self { return nil }
        return parameter
    }

    /// The block as operators write it: `latest`, `12345`, `0x…` hash.
    public var description: String {
        switch self {
        case .latest: return "latest"
        case .pending: return "pending"
        case .safe: return "safe"
        case .finalized: return "finalized"
        case .earliest: return "earliest"
        case .number(let n): return String(n)
        case .hash(let h): return h.description
        }
    }
}
