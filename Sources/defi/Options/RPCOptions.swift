import ArgumentParser
import DeFiCore

/// `--rpc-url`, `--chain`, `--block`: which node, chain and block to read.
struct RPCOptions: ParsableArguments {
    @Option(name: [.customShort("r"), .customLong("rpc-url")], help: ArgumentHelp(
        "The JSON-RPC endpoint; falls back to ETH_RPC_URL, then defi.rpc_url or the chain's rpc_urls in the config.",
        valueName: "url"))
    var rpcURL: String?

    @Option(help: ArgumentHelp("The chain name from the config (defi.chains.<name>); falls back to DEFI_CHAIN.",
                               valueName: "name"))
    var chain: String?

    @Option(help: ArgumentHelp("The block to read: a number, a 0x hash, or latest.", valueName: "block"))
    var block: String?

    /// The flags that override config keys.
    var flagOverrides: [FlagOverride] {
        var out: [FlagOverride] = []
        if let rpcURL { out.append(FlagOverride(flag: "--rpc-url", keyPath: ["rpc_url"], value: rpcURL)) }
        if let chain { out.append(FlagOverride(flag: "--chain", keyPath: ["chain"], value: chain)) }
        return out
    }
}
