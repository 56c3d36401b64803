// What executing a route costs: executor gas (per hop kind plus the executor's overhead, contracts/README.md gas
// table) at the projected next-block fee, the OP-stack L1 data fee on OP chains, and the flash source's fee
// (Aave FLASHLOAN_PREMIUM_TOTAL, read on chain; a V2 flash swap's 0.3 %), all converted into the route's token.
import Chain
import DeFiCore
import Primitives
import Protocols

/// How the route's capital is sourced, for its fee.
public enum FlashCost: Sendable, Equatable {
    /// Own capital: no fee.
    case none
    /// Aave V3 flashLoanSimple: premium = amount.percentMul(premiumTotalBps) (PercentageMath, half up).
    case aave(premiumBps: U256)
    /// A Uniswap V2 flash swap repaid in the borrowed token: ⌈amount·10000 / (10000 − fee)⌉ − amount.
    case v2FlashSwap(feeBps: UInt32)

    /// The fee on borrowing `amount`.
    public func fee(on amount: U256) -> U256? {
        switch self {
        case .none: return .zero
        case .aave(let bps): return try? PercentageMath.percentMul(amount, bps)
        case .v2FlashSwap(let fee):
            guard fee < 10_000, let repay = try? U256.mulDivRoundingUp(amount, U256(10_000), U256(UInt64(10_000 - fee)))
            else { return nil }
            return repay &- amount
        }
    }

    /// Gas the flash machinery adds to the executor run.
    public var extraGas: UInt64 {
        switch self {
        case .none: 0
        case .aave: GasTable.aaveFlashLoan
        case .v2FlashSwap: GasTable.v2FlashSwap
        }
    }

    /// A short name for reports.
    public var name: String {
        switch self {
        case .none: "own_capital"
        case .aave: "aave_v3"
        case .v2FlashSwap: "uniswap_v2_flash_swap"
        }
    }
}

/// The chain-side inputs of the cost model, read once per block.
public struct CostInputs: Sendable, Equatable {
    /// Projected fee per gas for the next block (next base fee + priority fee), wei.
    public var gasPriceWei: U256
    /// The L1 data fee of one executor transaction on an OP-stack chain (0 elsewhere), wei.
    public var l1FeeWei: U256
    /// The capital source.
    public var flash: FlashCost
    /// The wrapped native token, to value gas in tokens (WETH on Ethereum and OP chains).
    public var nativeToken: Address?

    /// Inputs.
    public init(gasPriceWei: U256, l1FeeWei: U256 = .zero, flash: FlashCost = .none, nativeToken: Address?) {
        self.gasPriceWei = gasPriceWei
        self.l1FeeWei = l1FeeWei
        self.flash = flash
        self.nativeToken = nativeToken
    }

    /// The projected per-gas fee of a FeeOracle quote: next base fee + priority (what the next block charges).
    public static func projectedGasPrice(_ q: FeeQuote) -> U256 {
        switch q {
        case .eip1559(let maxFee, let priority, let base):
            let (s, o) = base.addingReportingOverflow(priority)
            return o ? maxFee : min(s, maxFee)
        case .legacy(let p): return p
        }
    }
}

/// OP-stack chains by id (an L1 data fee applies): OP Mainnet, Base, Zora, Mode, Fraxtal, World Chain, Unichain,
/// Ink, Soneium and their public testnets.
public enum OPStackChains {
    /// Known chain ids.
    public static let ids: Set<UInt64> = [
        10, 8453, 7_777_777, 34443, 252, 480, 130, 57073, 1868, 11_155_420, 84532, 999_999_999, 919, 2522, 1301,
    ]
}

/// The costs of one route, in wei and in the route's token.
public struct RouteCosts: Sendable, Equatable {
    /// Estimated executor gas.
    public var gasUnits: UInt64
    /// gasUnits × projected gas price, wei.
    public var gasWei: U256
    /// L1 data fee, wei.
    public var l1FeeWei: U256
    /// Flash fee in the route's token.
    public var flashFee: U256
    /// Everything in the route's token (gas and L1 fee converted through USD prices, rounded up).
    public var total: U256
    /// Everything in USD.
    public var totalUSD: USDValue
}

/// Pure cost arithmetic.
public enum CostModel {
    /// Executor gas for `trade` with `flash`.
    public static func gas(_ trade: TradeCandidate, flash: FlashCost) -> UInt64 {
        var g = GasTable.executorBase + flash.extraGas
        for (i, leg) in trade.legs.enumerated() { g += leg.gas(amountIn: trade.amountsIn[i]) }
        return g
    }

    /// The costs of `trade`; nil when gas cannot be valued in the trade's token (no USD price for the native
    /// token or the trade's token) or the flash fee overflows.
    public static func costs(_ trade: TradeCandidate, inputs: CostInputs, prices: PriceBook) -> RouteCosts? {
        let units = gas(trade, flash: inputs.flash)
        let (gasWei, o) = U256(units).multipliedReportingOverflow(by: inputs.gasPriceWei)
        guard !o, let flashFee = inputs.flash.fee(on: trade.size) else { return nil }
        let wei = gasWei &+ inputs.l1FeeWei
        var inToken: U256
        var usd: USDValue
        if wei.isZero {
            inToken = .zero
            usd = .zero
        } else if let native = inputs.nativeToken, native == trade.tokenIn {
            inToken = wei
            usd = prices.value(wei, of: native) ?? .zero
        } else {
            guard let native = inputs.nativeToken, let gasUSD = prices.value(wei, of: native),
                let pT = prices.price(trade.tokenIn), !pT.e18.isZero, let d = prices.decimals[trade.tokenIn],
                let t = try? U256.mulDivRoundingUp(gasUSD.e18.bits, Units.powerOfTen(d), pT.e18)
            else { return nil }
            inToken = t
            usd = gasUSD
        }
        let flashUSD = prices.value(flashFee, of: trade.tokenIn) ?? .zero
        inToken = inToken &+ flashFee
        usd = usd + flashUSD
        return RouteCosts(
            gasUnits: units, gasWei: gasWei, l1FeeWei: inputs.l1FeeWei, flashFee: flashFee, total: inToken,
            totalUSD: usd)
    }
}
