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
}
