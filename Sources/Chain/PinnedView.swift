import Primitives

/// Reads pinned to one block: read the head once, then every call carries that block's hash (EIP-1898).
public struct PinnedView: Sendable {
    /// The client.
    public let client: RPCClient
    /// The block every read is made at.
    public let block: BlockHeader

    /// The block reference sent with each call.
    public var ref: BlockRef { .hash(block.hash) }

    /// `eth_call` at the pinned block.
    public func call(_ request: CallRequest, overrides: [Address: AccountOverride] = [:],
                     customErrors: [ABIError] = []) async throws(RPCError) -> CallOutcome {
        try await client.call(request, at: ref, overrides: overrides, customErrors: customErrors)
    }

    /// Balance at the pinned block.
    public func balance(of address: Address) async throws(RPCError) -> U256 {
        try await client.balance(of: address, at: ref)
    }

    /// Nonce at the pinned block.
    public func transactionCount(of address: Address) async throws(RPCError) -> UInt64 {
        try await client.transactionCount(of: address, at: ref)
    }

    /// Code at the pinned block.
    public func code(at address: Address) async throws(RPCError) -> [UInt8] {
        try await client.code(at: address, block: ref)
    }

    /// A storage word at the pinned block.
    public func storage(at address: Address, slot: U256) async throws(RPCError) -> Hash32 {
        try await client.storage(at: address, slot: slot, block: ref)
    }

    /// Many calls in as few round trips as possible through Multicall3, at the pinned block.
    public func multicall(_ calls: [Call3], using multicall: Multicall = Multicall()) async throws(RPCError)
        -> [CallOutcome]
    {
        try await multicall.execute(calls, client: client, at: ref)
    }
}

extension RPCClient {
    /// Reads the block `at` once (default: latest) and returns a view whose reads are all pinned to its hash.
    public func pinned(at block: BlockRef = .latest) async throws(RPCError) -> PinnedView {
        PinnedView(client: self, block: try await self.block(block))
    }
}
