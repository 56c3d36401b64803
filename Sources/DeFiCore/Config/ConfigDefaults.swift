/// The built-in values used when neither the file, the environment nor a flag sets a key.
public enum ConfigDefaults {
    /// Minimum arbitrage profit, USD.
    public static let minProfitUSD = ExactDecimal(10)
    /// Minimum arbitrage spread, basis points.
    public static let minSpreadBPS = 10
    /// Maximum arbitrage position, USD.
    public static let maxPositionUSD = ExactDecimal(100_000)
    /// Flash-loan gas price cap, gwei.
    public static let maxGasPriceGwei = ExactDecimal(100)
    /// Own-capital allocation cap, percent.
    public static let maxAllocationPct = ExactDecimal(50)
    /// Daily loss limit, USD.
    public static let maxDailyLossUSD = ExactDecimal(1000)
    /// Open position limit.
    public static let maxPositionCount = 10
    /// Minimum liquidation profit, USD (`strategies.liquidation.min_profit_usd`).
    public static let liquidationMinProfitUSD = ExactDecimal(10)
    /// Blocks the borrower index trails the head by (`strategies.liquidation.finality_blocks`).
    public static let liquidationFinalityBlocks: UInt64 = 64
    /// Value-at-risk confidence.
    public static let varConfidence = ExactDecimal(whole: 0, fraction: "95")

    /// The defaults as a raw tree under `defi:`, merged below the file so `config show` lists them.
    public static var node: ConfigNode {
        var root = ConfigNode.emptyMapping
        let leaves: [([String], String)] = [
            (["strategies", "arbitrage", "min_profit_usd"], minProfitUSD.description),
            (["strategies", "arbitrage", "min_spread_bps"], String(minSpreadBPS)),
            (["strategies", "arbitrage", "max_position_usd"], maxPositionUSD.description),
            (["execution", "flash_loan", "max_gas_price_gwei"], maxGasPriceGwei.description),
            (["execution", "capital", "max_allocation_pct"], maxAllocationPct.description),
            (["risk", "max_daily_loss_usd"], maxDailyLossUSD.description),
            (["risk", "max_position_count"], String(maxPositionCount)),
            (["risk", "var_confidence"], varConfidence.description),
        ]
        for (path, text) in leaves { root = root.setting(.scalar(text, quoted: false), at: ["defi"] + path) }
        return root
    }
}
