import Primitives

/// ERC-20 reads, batched through Multicall.
public enum ERC20 {
    /// `name()` 0x06fdde03.
    public static let nameSelector: [UInt8] = [0x06, 0xfd, 0xde, 0x03]
    /// `symbol()` 0x95d89b41.
    public static let symbolSelector: [UInt8] = [0x95, 0xd8, 0x9b, 0x41]
    /// `decimals()` 0x313ce567.
    public static let decimalsSelector: [UInt8] = [0x31, 0x3c, 0xe5, 0x67]
    /// `balanceOf(address)` 0x70a08231.
    public static let balanceOfSelector: [UInt8] = [0x70, 0xa0, 0x82, 0x31]
    /// `allowance(address,address)` 0xdd62ed3e.
    public static let allowanceSelector: [UInt8] = [0xdd, 0x62, 0xed, 0x3e]

    /// Token metadata.
    public struct Metadata: Sendable, Equatable {
        /// The token.
        public var address: Address
        /// `name()`, string or bytes32 (MKR-style); nil when absent.
        public var name: String?
        /// `symbol()`, string or bytes32; nil when absent.
        public var symbol: String?
        /// `decimals()`; nil when absent.
        public var decimals: UInt8?
    }

    /// Calldata of `balanceOf(owner)`.
    public static func balanceOfCall(_ owner: Address) -> [UInt8] { balanceOfSelector + word(owner) }

    /// Calldata of `allowance(owner, spender)`.
    public static func allowanceCall(owner: Address, spender: Address) -> [UInt8] {
        allowanceSelector + word(owner) + word(spender)
    }

    static func word(_ a: Address) -> [UInt8] { [UInt8](repeating: 0, count: 12) + a.bytes }

    /// Decodes a `string` return, or a `bytes32` one (trailing zero bytes trimmed) as older tokens such as MKR do.
    public static func decodeText(_ data: [UInt8]) -> String? {
        if data.count == 32 {
            let trimmed = Array(data.prefix { $0 != 0 })
            return String(validating: trimmed, as: UTF8.self)
        }
        if case .string(let s)? = try? ABI.decode(.string, data: data) { return s }
        return nil
    }

    /// Decodes a `uint256` return strictly (exactly 32 bytes).
    public static func decodeUInt(_ data: [UInt8]) -> U256? {
        guard data.count == 32 else { return nil }
        return try? U256(bigEndian: data)
    }

    /// Name, symbol and decimals of each token in one round trip.
    public static func metadata(_ tokens: [Address], client: RPCClient, at block: BlockRef = .latest,
                                multicall: Multicall = Multicall()) async throws(RPCError) -> [Metadata] {
        let calls = tokens.flatMap { t in
            [Call3(target: t, callData: nameSelector), Call3(target: t, callData: symbolSelector),
             Call3(target: t, callData: decimalsSelector)]
        }
        let r = try await multicall.execute(calls, client: client, at: block)
        return tokens.enumerated().map { i, t in
            let d = r[3 * i + 2].returnData.flatMap(decodeUInt).flatMap { $0 <= U256(255) ? UInt8($0.uint64 ?? 0) : nil }
            return Metadata(address: t, name: r[3 * i].returnData.flatMap(decodeText),
                            symbol: r[3 * i + 1].returnData.flatMap(decodeText), decimals: d)
        }
    }

    /// Balances of `owners` in `token` in one round trip (nil for a failed call or a malformed reply).
    public static func balances(token: Address, owners: [Address], client: RPCClient, at block: BlockRef = .latest,
                                multicall: Multicall = Multicall()) async throws(RPCError) -> [U256?] {
        let calls = owners.map { Call3(target: token, callData: balanceOfCall($0)) }
        return try await multicall.execute(calls, client: client, at: block).map { $0.returnData.flatMap(decodeUInt) }
    }

    /// Allowances `(owner, spender)` of `token` in one round trip.
    public static func allowances(token: Address, pairs: [(owner: Address, spender: Address)], client: RPCClient,
                                  at block: BlockRef = .latest, multicall: Multicall = Multicall())
        async throws(RPCError) -> [U256?]
    {
        let calls = pairs.map { Call3(target: token, callData: allowanceCall(owner: $0.owner, spender: $0.spender)) }
        return try await multicall.execute(calls, client: client, at: block).map { $0.returnData.flatMap(decodeUInt) }
    }
}
