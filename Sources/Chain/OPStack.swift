import Primitives

/// OP-stack L1 data fee through the GasPriceOracle predeploy; only asked when the chain is configured as OP-stack.
public enum OPStack {
    /// The GasPriceOracle predeploy `0x420000000000000000000000000000000000000F`.
    public static let gasPriceOracle = (try? Address(bytes: [0x42] + [UInt8](repeating: 0, count: 18) + [0x0f])) ?? .zero

    /// `getL1Fee(bytes)` selector 0x49948e0e.
    public static let getL1FeeSelector: [UInt8] = [0x49, 0x94, 0x8e, 0x0e]

    /// Calldata of `getL1Fee(bytes)` for a transaction: its unsigned, fully RLP-encoded form (typed envelope).
    public static func getL1FeeCalldata(_ tx: Transaction) -> [UInt8] {
        let payload = tx.signingPayload
        var out = getL1FeeSelector
        out += [UInt8](repeating: 0, count: 31) + [0x20]
        out += U256(UInt64(payload.count)).bigEndianBytes
        out += payload
        out += [UInt8](repeating: 0, count: (32 - payload.count % 32) % 32)
        return out
    }

    /// The L1 data fee in wei the chain will charge on top of L2 execution gas.
    public static func l1Fee(of tx: Transaction, client: RPCClient, at block: BlockRef = .latest)
        async throws(RPCError) -> U256
    {
        let outcome = try await client.call(CallRequest(to: gasPriceOracle, data: getL1FeeCalldata(tx)), at: block)
        switch outcome {
        case .success(let d):
            guard let v = ERC20.decodeUInt(d) else {
                throw .malformedReply(what: "getL1Fee returned \(d.count) bytes", bodyPrefix: Hex.encode(d.prefix(40)))
            }
            return v
        case .revert(let reason, _):
            throw .rpc(code: 3, message: "getL1Fee reverted: \(reason)", data: nil,
                       method: "eth_call (is this chain really OP-stack?)")
        }
    }
}
