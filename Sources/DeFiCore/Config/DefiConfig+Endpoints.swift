import Chain
import Primitives

/// Which node a command talks to, resolved once for every command (quote, scan, simulate, execute, liquidate,
/// deploy, register-strategy).
extension DefiConfig {
    /// The RPC URLs to use: `rpc_url` (already merged with `--rpc-url` / `ETH_RPC_URL`), else the selected
    /// chain's `rpc_urls`, else those of the only configured chain; empty when no endpoint is configured (a
    /// configuration error, exit 2, in every command).
    public var rpcEndpoints: [String] {
        if let u = rpcURL { return [u] }
        if let chain = chain.flatMap({ chains[$0] }) { return chain.rpcURLs }
        if chains.count == 1, let only = chains.values.first { return only.rpcURLs }
        return []
    }

    /// The chain id the node must report, when a chain is selected and declares one.
    public var expectedChainID: UInt64? { chain.flatMap { chains[$0]?.chainID } }

    /// The client settings every command uses: the expected chain id and `rpc_timeout_seconds`; `callTimeout`
    /// (a command's own flag, e.g. `liquidate --rpc-call-timeout`) wins over the config. A call with its retries
    /// gets three times the per-call timeout, at least the client default.
    public func rpcConfiguration(callTimeout: Duration? = nil) -> RPCConfiguration {
        var settings = RPCConfiguration(expectedChainID: expectedChainID)
        if let t = callTimeout ?? rpcTimeoutSeconds.map({ Duration.seconds($0) }) {
            settings.callTimeout = t
            settings.totalTimeout = max(settings.totalTimeout, t * 3)
        }
        return settings
    }

    /// The Multicall3 every batched read goes through: `defi.multicall` when set, else the deployless form (no
    /// contract needed on the chain).
    public func multicall3() -> Multicall {
        if let m = multicall, let a = try? Address(parsing: m) { return Multicall(mode: .deployed(a)) }
        return Multicall(mode: .deployless(Multicall.canonicalAddress))
    }
}
