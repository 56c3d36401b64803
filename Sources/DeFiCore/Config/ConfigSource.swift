/// Where an effective configuration value came from.
public enum ConfigSource: Sendable, Equatable, CustomStringConvertible {
    /// A built-in default.
    case defaultValue
    /// The config file.
    case file
    /// An environment variable.
    case environment(String)
    /// A command-line flag.
    case flag(String)

    /// `default`, `file`, `env:ETH_RPC_URL`, `flag:--rpc-url`.
    public var description: String {
        switch self {
        case .defaultValue: "default"
        case .file: "file"
        case .environment(let name): "env:\(name)"
        case .flag(let name): "flag:\(name)"
        }
    }
}

/// An environment variable that overrides one config key.
public struct EnvironmentOverride: Sendable {
    /// The variable name.
    public let variable: String
    /// The key path below `defi` it sets.
    public let keyPath: [String]

    /// Every supported variable, in documentation order; flags beat these, these beat the file.
    public static let all: [EnvironmentOverride] = [
        .init(variable: "ETH_RPC_URL", keyPath: ["rpc_url"]),
        .init(variable: "DEFI_CHAIN", keyPath: ["chain"]),
        .init(variable: "DEFI_DB", keyPath: ["history", "db"]),
        .init(variable: "DEFI_MULTICALL", keyPath: ["multicall"]),
        .init(variable: "DEFI_MAX_GAS_PRICE_GWEI", keyPath: ["execution", "flash_loan", "max_gas_price_gwei"]),
        .init(variable: "DEFI_FLASH_LOAN_CONTRACT", keyPath: ["execution", "flash_loan", "contract_address"]),
        .init(variable: "DEFI_MIN_PROFIT_USD", keyPath: ["strategies", "arbitrage", "min_profit_usd"]),
        .init(variable: "DEFI_MAX_DAILY_LOSS_USD", keyPath: ["risk", "max_daily_loss_usd"]),
        .init(variable: "DEFI_ONEINCH_API_KEY", keyPath: ["aggregators", "oneinch", "api_key"]),
        .init(variable: "DEFI_ZEROX_API_KEY", keyPath: ["aggregators", "zerox", "api_key"]),
        .init(variable: "DEFI_TENDERLY_ACCESS_KEY", keyPath: ["execution", "tenderly", "access_key"]),
    ]
}
