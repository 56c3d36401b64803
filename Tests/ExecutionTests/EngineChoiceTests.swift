import Chain
import DeFiCore
import Primitives
import Testing

@testable import Execution

@Suite struct EngineChoiceTests {
    static let a = try! Address(parsing: "0x5FbDB2315678afecb367f032d93F642f64180aa3")
    static let b = try! Address(parsing: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512")

    static func report(_ engine: EngineKind, profit: UInt64?, net: Int64?, reverts: Bool = false) -> CandidateReport {
        let plan = ExecutorPlan(flash: FlashSource(kind: .none, lender: .zero, asset: a, amount: U256(10)),
                                profitToken: a, minProfit: .one,
                                payload: .arbitrage(hops: [PlanHop(kind: .uniswapV2, pool: b, tokenIn: a, tokenOut: a)]))
        var sim = PlanRunner.placeholder(PlanFile(executor: b, strategyName: "Arbitrage", plan: plan))
        sim.profit = profit.map { U256($0) }
        sim.netProfit = net.map { I256($0) }
        if reverts {
            sim.simulation.outcome = .revert(.error("FL: profit below minimum"), [])
            sim.refusal = "reverts"
        }
        return CandidateReport(candidate: EngineCandidate(engine: engine, plan: plan, fee: .zero, source: engine.rawValue),
                               simulation: sim, note: sim.refusal)
    }

    @Test func autoPicksTheHighestNetProfitThatSucceeds() {
        let reports = [
            Self.report(.flashLoan, profit: 100, net: 90),
            Self.report(.flashSwap, profit: 500, net: 480, reverts: true),
            Self.report(.flashSwap, profit: 120, net: 95),
            Self.report(.capital, profit: 130, net: 94),
        ]
        #expect(ExecutionService.best(reports)?.candidate.engine == .flashSwap)
        #expect(ExecutionService.best(reports)?.simulation?.profit == U256(120))
    }

    @Test func withoutGasPricesTheHigherProfitWinsAndTiesKeepTheCheaperFirst() {
        #expect(ExecutionService.best([Self.report(.flashLoan, profit: 100, net: nil),
                                       Self.report(.capital, profit: 101, net: nil)])?.candidate.engine == .capital)
        #expect(ExecutionService.best([Self.report(.flashLoan, profit: 100, net: 7),
                                       Self.report(.capital, profit: 100, net: 7)])?.candidate.engine == .flashLoan)
    }

    @Test func nothingIsChosenWhenEveryOptionRevertsOrLoses() {
        var losing = Self.report(.capital, profit: 5, net: -3)
        losing.simulation?.refusal = "unprofitable after gas"
        #expect(ExecutionService.best([Self.report(.flashLoan, profit: 1, net: 1, reverts: true), losing]) == nil)
    }

    @Test func flashFeesFollowTheProtocolsRounding() {
        // UniswapV3Pool.flash: mulDivRoundingUp(amount, fee, 1e6).
        #expect(FlashLoanEngine.v3FlashFee(amount: U256(1_000_000), fee: 500) == U256(500))
        #expect(FlashLoanEngine.v3FlashFee(amount: U256(1_000_001), fee: 500) == U256(501))
        #expect(FlashLoanEngine.v3FlashFee(amount: U256(1999), fee: 500) == U256(1))
        // Aave percentMul half up: (amount * 5 + 5000) / 10000.
        #expect(FlashLoanEngine.aavePremium(amount: U256(39_625_847_270), premiumBps: U256(5)) == U256(19_812_924))
        #expect(FlashLoanEngine.aavePremium(amount: U256(999), premiumBps: U256(5)) == U256(0))
        #expect(FlashLoanEngine.aavePremium(amount: U256(1000), premiumBps: U256(5)) == U256(1))
        // V2 flash swap repaid in the same token: ceil(amount * 10000 / 9970) - amount.
        #expect(FlashSwapEngine.sameTokenFee(amount: U256(9970), feeBps: 30) == U256(30))
        #expect(FlashSwapEngine.sameTokenFee(amount: U256(9971), feeBps: 30) == U256(31))
    }

    @Test func engineChoicesMapToEngines() {
        #expect(EngineChoice.auto.kinds == [.capital, .flashLoan, .flashSwap])
        #expect(EngineChoice(rawValue: "flash-loan")?.kinds == [.flashLoan])
        #expect(EngineKind.flashSwap.recordName == "flash_swap")
    }
}
