import DeFiCore
import Execution
import Foundation
import History
import Primitives
import Testing

@Suite struct RiskCapsTests {
    static let weth = try! Address(parsing: "0x5FbDB2315678afecb367f032d93F642f64180aa3")
    static let usdc = try! Address(parsing: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512")
    static let e18 = U256(1_000_000_000_000_000_000)
    static let pricer = FixedPricer(prices: [
        .zero: (U256(2000) * e18, 18), weth: (U256(2000) * e18, 18), usdc: (e18, 6),
    ])
    static let limits = RiskLimits(maxGasPriceWei: U256(100_000_000_000), maxPositionUSD: U256(100_000) * e18,
                                   maxDailyLossUSD: U256(1000) * e18, maxOpenPositions: 2)

    func exposure(gas: U256 = U256(1_000_000_000), position: U256? = U256(10) * RiskCapsTests.e18, loss: U256 = .zero,
                  open: Int = 0) -> RiskExposure {
        RiskExposure(gasPriceWei: gas, positionUSD: position, dailyLossUSD: loss, openPositions: open)
    }

    @Test func everyCapHoldsForASmallTrade() {
        #expect(RiskCaps.check(exposure(), limits: Self.limits) == nil)
    }

    @Test func eachCapRefusesWithItsCodeAtTheBoundary() {
        #expect(RiskCaps.check(exposure(gas: U256(100_000_000_001)), limits: Self.limits)?.code == "gas_price_cap")
        #expect(RiskCaps.check(exposure(gas: U256(100_000_000_000)), limits: Self.limits) == nil)
        #expect(RiskCaps.check(exposure(position: U256(100_000) * Self.e18 + .one), limits: Self.limits)?.code == "max_position")
        #expect(RiskCaps.check(exposure(position: nil), limits: Self.limits)?.code == "unpriced_position")
        #expect(RiskCaps.check(exposure(loss: U256(1000) * Self.e18), limits: Self.limits)?.code == "daily_loss")
        #expect(RiskCaps.check(exposure(loss: U256(1000) * Self.e18 - .one), limits: Self.limits) == nil)
        #expect(RiskCaps.check(exposure(open: 2), limits: Self.limits)?.code == "position_count")
    }

    @Test func gasCapMessageNamesTheConfigKey() {
        let r = RiskCaps.check(exposure(gas: U256(150_000_000_000)), limits: Self.limits)
        #expect(r?.description == "gas price 150 gwei is above the cap 100 gwei (execution.flash_loan.max_gas_price_gwei)")
    }

    @Test func limitsComeExactlyFromConfigDecimals() {
        #expect(RiskLimits.gweiToWei(ExactDecimal("0.5")!) == U256(500_000_000))
        #expect(RiskLimits.gweiToWei(ExactDecimal("100")!) == U256(100_000_000_000))
        #expect(USD.from(ExactDecimal("1000.25")!) == U256(100_025) * U256(10_000_000_000_000_000))
        #expect(USD.format(I256(bits: U256(1_234_567) * U256(10_000_000_000_000_000))) == "12345.67")
    }

    func record(_ state: ExecutionState, profit: String?, token: Address, fees: String?) -> ExecutionRecord {
        ExecutionRecord(strategy: "Arbitrage", engine: "test", createdAt: Date(), state: state, chainID: 1,
                        fees: fees, profitToken: token.checksummed).with(profit)
    }

    @Test func dailyLossNetsGainsAndCountsFeesOfRevertedTransactions() {
        // A reverted tx: 0.01 ETH of gas = 20 USD lost. A win of 5 USDC. A loss of 0.001 WETH = 2 USD.
        let rows = [
            record(.reverted, profit: "0", token: Self.usdc, fees: "10000000000000000"),
            record(.included, profit: "5000000", token: Self.usdc, fees: "0"),
            record(.included, profit: "-1000000000000000", token: Self.weth, fees: "0"),
            record(.refused, profit: "-99999999999", token: Self.usdc, fees: nil),
        ]
        #expect(RiskCaps.dailyLoss(rows, pricer: Self.pricer) == U256(17) * Self.e18)
        #expect(RiskCaps.dailyLoss([rows[1]], pricer: Self.pricer) == .zero)
    }

    @Test func openCountCountsOnlyInFlightStates() {
        let rows = [ExecutionState.built, .journaled, .broadcast, .pending, .included, .refused, .failed].map {
            record($0, profit: nil, token: Self.usdc, fees: nil)
        }
        #expect(RiskCaps.openCount(rows) == 4)
    }
}

extension ExecutionRecord {
    fileprivate func with(_ profit: String?) -> ExecutionRecord {
        var r = self
        r.grossProfit = profit
        return r
    }
}
