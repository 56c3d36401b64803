import Chain
import DeFiCore
import Primitives
import Protocols

/// What a liquidation costs besides the protocol amounts: gas (priced in the native token) and the L1 data fee.
public struct LiquidationCosts: Sendable, Equatable {
    /// Gas price the transaction will pay, wei per gas.
    public var gasPrice: U256
    /// Gas units assumed before simulation (replaced by the simulation's estimate when it runs).
    public var gasUnits: UInt64
    /// L1 data fee in wei (OP-stack chains; zero elsewhere).
    public var l1FeeWei: U256
    /// The Aave reserve whose oracle price prices the native token (WETH), if any.
    public var nativeAsset: Address?

    /// Costs from their parts.
    public init(gasPrice: U256, gasUnits: UInt64 = 600_000, l1FeeWei: U256 = .zero, nativeAsset: Address?) {
        self.gasPrice = gasPrice
        self.gasUnits = gasUnits
        self.l1FeeWei = l1FeeWei
        self.nativeAsset = nativeAsset
    }
}

/// The sized, priced liquidation of one Aave position (one collateral/debt pair).
public struct AaveLiquidationCandidate: Sendable, Equatable {
    /// The borrower.
    public var user: Address
    /// The protocol rules' maximal call for the chosen pair.
    public var plan: AaveLiquidationPlan
    /// The route selling the seized collateral for the debt asset.
    public var route: SwapRoute
    /// The flash loan (debt asset): the debt repaid, plus 1 bp + 1 wei of headroom when `debtToCover` is `max`
    /// (interest accrues until inclusion; the unused part returns to the executor).
    public var flashAmount: U256
    /// `flashAmount.percentMul(FLASHLOAN_PREMIUM_TOTAL)`.
    public var flashPremium: U256
    /// What the executor gains in the debt asset: swap output − debt repaid − premium (may be negative).
    public var executorProfit: I256
    /// Gas units priced.
    public var gasUnits: UInt64
    /// Gas + L1 fee converted to the debt asset via the Aave oracle.
    public var gasCostInDebt: U256
    /// `executorProfit − gasCostInDebt`.
    public var netProfit: I256
    /// `netProfit` in the oracle's base currency (USD, 8 decimals on Aave V3).
    public var netProfitBase: I256

    /// The executor plan: Aave `flashLoanSimple` of the debt asset, `liquidationCall`, hops back to the debt asset;
    /// the executor reverts unless it gains at least `minProfit` (debt-asset units).
    public func executorPlan(pool: Address, minProfit: U256) -> ExecutorPlan {
        ExecutorPlan(
            flash: FlashSource(kind: .aaveSimple, lender: pool, asset: plan.debtAsset, amount: flashAmount),
            profitToken: plan.debtAsset, minProfit: minProfit,
            payload: .liquidation(
                pool: pool, collateral: plan.collateralAsset, user: user, debtToCover: plan.debtToCoverArgument,
                hops: route.hops))
    }
}

/// Why a liquidatable position is not executed.
public enum LiquidationSkip: Sendable, Equatable, CustomStringConvertible {
    /// No collateral/debt pair passes the pool's validation (e.g. grace period, dust).
    case noValidPair(String)
    /// No configured pool sells the collateral for the debt asset.
    case noRoute(collateral: Address, debt: Address)
    /// Net profit after every cost is below the threshold.
    case belowMinProfit(netBase: I256, minBase: U256)
    /// A transaction for this position is still in flight from an earlier run.
    case inFlight(String)
    /// The deadline passed before this position's turn.
    case deadline
    /// `--max-liquidations` was reached.
    case maxLiquidations
    /// The simulation reverted.
    case simulationReverted(String)
    /// The protocol has no executor strategy in this build.
    case unsupported(String)
    /// Reading or pricing failed.
    case error(String)

    /// A stable snake_case code.
    public var code: String {
        switch self {
        case .noValidPair: "no_valid_pair"
        case .noRoute: "no_route"
        case .belowMinProfit: "below_min_profit"
        case .inFlight: "in_flight"
        case .deadline: "deadline"
        case .maxLiquidations: "max_liquidations"
        case .simulationReverted: "simulation_reverted"
        case .unsupported: "unsupported"
        case .error: "error"
        }
    }

    /// One lower-case line.
    public var description: String {
        switch self {
        case .noValidPair(let s): "no collateral/debt pair can be liquidated: \(s)"
        case .noRoute(let c, let d): "no pool sells \(c) for \(d)"
        case .belowMinProfit(let n, let m): "net profit \(n) base units is below the minimum \(m)"
        case .inFlight(let h): "transaction \(h) from an earlier run is still in flight"
        case .deadline: "deadline reached before its turn"
        case .maxLiquidations: "--max-liquidations reached"
        case .simulationReverted(let r): "simulation reverted: \(r)"
        case .unsupported(let s): s
        case .error(let s): s
        }
    }
}

/// The health check of one Aave position at the pinned block.
public struct AavePositionCheck: Sendable, Equatable {
    /// The borrower and its state as read.
    public var borrower: AaveBorrowerState
    /// The health factor recomputed from the reserves and balances (GenericLogic), to compare with the pool's.
    public var modelHealthFactor: U256?
    /// The best priced liquidation, when liquidatable and sizable.
    public var candidate: AaveLiquidationCandidate?
    /// Why a liquidatable position has no executable candidate.
    public var skip: LiquidationSkip?

    /// The pool's verdict: HF < 1.
    public var isLiquidatable: Bool { borrower.accountData.isLiquidatable }
}

/// Sizing and pricing of Aave V3 liquidations: for each liquidatable borrower (the pool's own
/// `getUserAccountData`), every collateral × debt pair is sized by the deployed version's rules (close factor,
/// MIN_LEFTOVER_BASE, bonus, protocol fee), the liquidator's collateral is sold for the debt asset on the best
/// exact route, and the pair with the largest net profit after flash premium, gas and L1 fee wins.
public enum AaveLiquidationFinder {
    /// `amount` of `asset` in the oracle's base currency, floored.
    static func base(_ amount: U256, _ asset: Address, _ m: AaveMarket) throws -> U256 {
        try m.baseValue(of: amount, in: asset)
    }

    /// Wei of the native token in `debt` units via the oracle (`nativeAsset` price), rounded up (a cost).
    public static func weiInDebt(_ wei: U256, nativeAsset: Address?, debt: Address, market m: AaveMarket) throws
        -> U256
    {
        guard !wei.isZero else { return .zero }
        guard let native = nativeAsset, let n = m.reserves[native] else { return .max }
        let d = try m.reserve(debt)
        // wei * pN / 1e18 (base), then * 10^decimals / pD, each rounded up (a cost is never understated).
        let b = try U256.mulDivRoundingUp(wei, n.price, U256(1_000_000_000_000_000_000))
        return try U256.mulDivRoundingUp(b, try d.unit(), d.price)
    }

    /// Net profit of `plan` sold along `route` for `user`, with the flash premium and `costs`.
    public static func price(
        user: Address, plan: AaveLiquidationPlan, route: SwapRoute, state: AaveDeploymentState, costs: LiquidationCosts
    ) throws -> AaveLiquidationCandidate {
        let repaid = plan.outcome.debtRepaid
        let flash =
            plan.debtToCoverArgument == .max ? repaid + repaid / U256(10_000) + .one : repaid
        let premium = try AaveFlashLoanPremium(
            amount: flash, premiumTotal: state.flashLoanPremiumTotal,
            premiumToProtocol: state.flashLoanPremiumToProtocol
        ).premium
        let profit = I256(bits: route.amountOut) &- I256(bits: repaid) &- I256(bits: premium)
        let gasWei = costs.gasPrice * U256(costs.gasUnits) + costs.l1FeeWei
        let gasDebt = try weiInDebt(gasWei, nativeAsset: costs.nativeAsset, debt: plan.debtAsset, market: state.market)
        let net = gasDebt == .max ? I256.min : profit &- I256(bits: gasDebt)
        let d = try state.market.reserve(plan.debtAsset)
        let netBase: I256
        if net.isNegative {
            netBase = I256.zero &- I256(bits: try U256.mulDiv(net.magnitude, d.price, try d.unit()))
        } else {
            netBase = I256(bits: try U256.mulDiv(net.magnitude, d.price, try d.unit()))
        }
        return AaveLiquidationCandidate(
            user: user, plan: plan, route: route, flashAmount: flash, flashPremium: premium, executorProfit: profit,
            gasUnits: costs.gasUnits, gasCostInDebt: gasDebt, netProfit: net, netProfitBase: netBase)
    }

    /// Checks and sizes every borrower; `route` quotes collateral → debt sales (exact, at the pinned block).
    public static func check(
        _ borrowers: [AaveBorrowerState], state: AaveDeploymentState, costs: LiquidationCosts,
        minProfitBase: U256, router: SwapRouter
    ) async -> [AavePositionCheck] {
        var out: [AavePositionCheck] = []
        for b in borrowers {
            var check = AavePositionCheck(borrower: b, modelHealthFactor: nil, candidate: nil, skip: nil)
            check.modelHealthFactor = try? state.market.accountData(of: b.position, version: state.version)
                .healthFactor
            guard b.accountData.isLiquidatable else {
                out.append(check)
                continue
            }
            var best: AaveLiquidationCandidate?
            var reasons: [String] = []
            var noRoute: (Address, Address)?
            for c in b.position.reserves where c.usageAsCollateralEnabled && !c.scaledATokenBalance.isZero {
                for d in b.position.reserves where d.isBorrowing {
                    do {
                        let plan = try state.market.liquidationPlan(
                            user: b.position, debtAsset: d.asset, collateralAsset: c.asset, version: state.version)
                        guard
                            let route = try await router.route(
                                sell: plan.outcome.collateralToLiquidator, of: c.asset, for: d.asset)
                        else {
                            noRoute = (c.asset, d.asset)
                            continue
                        }
                        let cand = try price(user: b.position.user, plan: plan, route: route, state: state, costs: costs)
                        if let x = best, !(x.netProfit < cand.netProfit) { continue }
                        best = cand
                    } catch let e as AaveError {
                        reasons.append("\(c.asset)/\(d.asset): \(e)")
                    } catch {
                        reasons.append("\(c.asset)/\(d.asset): \(error)")
                    }
                }
            }
            if let best {
                check.candidate = best
                let minimum = I256(bits: minProfitBase)
                if best.netProfitBase < minimum {
                    check.skip = .belowMinProfit(netBase: best.netProfitBase, minBase: minProfitBase)
                }
            } else if let (c, d) = noRoute {
                check.skip = .noRoute(collateral: c, debt: d)
            } else if !b.position.reserves.contains(where: { $0.usageAsCollateralEnabled && !$0.scaledATokenBalance.isZero }) {
                check.skip = .noValidPair("no collateral left (bad debt: nothing to seize)")
            } else {
                check.skip = .noValidPair(reasons.joined(separator: "; "))
            }
            out.append(check)
        }
        return out
    }
}
