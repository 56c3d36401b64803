import Primitives
import TestSupport
import Testing

@testable import Protocols

@Suite struct AaveAccountDataTests {
    @Test func workedExampleTotalsAndHealthFactor() throws {
        // 10 WETH @ $2000 (LT 82.5 %), 9000 USDC + 8000 DAI: HF = 16500 / 17000, half-up.
        let m = try AaveFixture.market()
        let d = try m.accountData(of: try AaveFixture.position(wethTenths: 100, usdc: 9000, dai: 8000), version: .v3_3)
        #expect(d.totalCollateralBase == T.e(20_000, 8))
        #expect(d.totalDebtBase == T.e(17_000, 8))
        #expect(d.currentLiquidationThreshold == 8250 && d.ltv == 8000)
        #expect(d.healthFactor == 970_588_235_294_117_647)
        #expect(d.availableBorrowsBase == 0)
        #expect(d.isLiquidatable)
    }

    @Test func healthFactorRoundsHalfUpTwice() throws {
        // collateral 3 base units at LT 50 %: percentMul(3, 5000) = 2 (1.5 up); wadDiv(2, 3) = 0.6667e18 (up).
        let a = try T.addr(10)
        let b = try T.addr(11)
        let m = AaveMarket(
            reserves: [
                AaveReserve(
                    asset: a, id: 0,
                    configuration: AaveReserveConfiguration(
                        ltv: 4000, liquidationThreshold: 5000, liquidationBonus: 10500, decimals: 0), price: 1),
                AaveReserve(
                    asset: b, id: 1,
                    configuration: AaveReserveConfiguration(
                        ltv: 0, liquidationThreshold: 0, liquidationBonus: 0, decimals: 0), price: 1),
            ], timestamp: 0)
        let p = AaveUserPosition(
            user: try T.addr(0xAA),
            reserves: [
                AaveUserReserve(asset: a, scaledATokenBalance: 3, usageAsCollateralEnabled: true),
                AaveUserReserve(asset: b, scaledVariableDebt: 3),
            ])
        let d = try m.accountData(of: p, version: .v3_3)
        #expect(d.healthFactor == 666_666_666_666_666_667)
    }

    @Test func noDebtGivesMaxHealthFactorAndEmptyConfigGivesZeros() throws {
        let m = try AaveFixture.market()
        let d = try m.accountData(of: try AaveFixture.position(wethTenths: 10, usdc: 0, dai: 0), version: .v3_3)
        #expect(d.healthFactor == .max && d.totalCollateralBase == T.e(2000, 8))
        #expect(d.availableBorrowsBase == T.e(1600, 8))
        let empty = try m.accountData(of: AaveUserPosition(user: try AaveFixture.user(), reserves: []), version: .v3_3)
        #expect(empty.healthFactor == .max && empty.totalCollateralBase == 0)
    }

    @Test func stableDebtCountsOnlyUpTo3_1() throws {
        let m = try AaveFixture.market()
        var p = try AaveFixture.position(wethTenths: 100, usdc: 9000, dai: 0)
        p.reserves[2].stableDebt = T.e(1000, 18)
        #expect(try m.accountData(of: p, version: .v3_0).totalDebtBase == T.e(10_000, 8))
        #expect(try m.accountData(of: p, version: .v3_1).totalDebtBase == T.e(10_000, 8))
        #expect(try m.accountData(of: p, version: .v3_2).totalDebtBase == T.e(9_000, 8))
    }

    @Test func eModeOverridesThreshold() throws {
        let m = try AaveFixture.market()
        var p = try AaveFixture.position(wethTenths: 100, usdc: 17_000, dai: 0)
        p.eMode = AaveEModeCategory(
            id: 1, ltv: 9000, liquidationThreshold: 9300, liquidationBonus: 10100,
            collateralAssets: [try AaveFixture.weth()])
        let d = try m.accountData(of: p, version: .v3_3)
        #expect(d.currentLiquidationThreshold == 9300)
        #expect(!d.isLiquidatable)  // 18600 / 17000
    }

    @Test func interestAccruesToTheEvaluationTimestamp() throws {
        // Debt index 1.0 with 10 %/yr variable rate, evaluated one year later: debt grows by the compounded factor.
        var m = try AaveFixture.market(timestamp: 0)
        m.reserves[try AaveFixture.usdc()]?.currentVariableBorrowRate = WadRayMath.ray / 10
        m.timestamp = 31_536_000
        let p = try AaveFixture.position(wethTenths: 100, usdc: 10_000, dai: 0)
        let factor = try AaveInterest.compounded(rate: WadRayMath.ray / 10, from: 0, to: 31_536_000)
        let debt = try WadRayMath.rayMul(T.e(10_000, 6), try WadRayMath.rayMul(factor, WadRayMath.ray))
        #expect(try m.accountData(of: p, version: .v3_3).totalDebtBase == debt * T.e(1, 8) / T.e(1, 6))
    }

    @Test func matchesThePythonReferenceOnRandomPositions() throws {
        guard Fixtures.hasOracle("lending") else {
            Issue.record("oracle lending.json missing: run Tests/oracles/generate.py --only lending")
            return
        }
        let oracle = try Fixtures.oracle("lending")
        let accounts = try #require(oracle["accounts"] as? [[String: Any]])
        #expect(accounts.count >= 1000)
        for (n, c) in accounts.enumerated() {
            let rs = try #require(c["reserves"] as? [[String: Any]])
            var reserves: [AaveReserve] = []
            var users: [AaveUserReserve] = []
            for (i, r) in rs.enumerated() {
                let asset = try T.addr(UInt8(i + 1))
                func s(_ k: String) throws -> U256 { try T.u(try #require(r[k] as? String)) }
                let cfg = AaveReserveConfiguration(
                    ltv: UInt16(try s("ltv").uint64 ?? 0), liquidationThreshold: UInt16(try s("lt").uint64 ?? 0),
                    liquidationBonus: 10500, decimals: UInt8(try s("decimals").uint64 ?? 0))
                reserves.append(
                    AaveReserve(
                        asset: asset, id: UInt16(i), configuration: cfg, price: try s("price"),
                        liquidityIndex: try s("income"), variableBorrowIndex: try s("debtIndex")))
                users.append(
                    AaveUserReserve(
                        asset: asset, scaledATokenBalance: try s("scaledA"),
                        usageAsCollateralEnabled: try #require(r["collateral"] as? Bool),
                        scaledVariableDebt: try s("scaledD")))
            }
            let m = AaveMarket(reserves: reserves, timestamp: 0)
            let got = try m.accountData(of: AaveUserPosition(user: try T.addr(0xAA), reserves: users), version: .v3_3)
            let e = try #require(c["expected"] as? [String: String])
            let want = (
                try T.u(e["totalCollateralBase"] ?? ""), try T.u(e["totalDebtBase"] ?? ""), try T.u(e["ltv"] ?? ""),
                try T.u(e["lt"] ?? ""), try T.u(e["healthFactor"] ?? "")
            )
            let ok =
                got.totalCollateralBase == want.0 && got.totalDebtBase == want.1 && got.ltv == want.2
                && got.currentLiquidationThreshold == want.3 && got.healthFactor == want.4
            #expect(ok, "account case \(n): got \(got) want \(want)")
            if !ok { break }
        }
    }

    @Test func wadRayAndPercentMatchThePythonReference() throws {
        guard Fixtures.hasOracle("lending") else {
            Issue.record("oracle lending.json missing: run Tests/oracles/generate.py --only lending")
            return
        }
        let cases = try #require(try Fixtures.oracle("lending")["math"] as? [[String: Any]])
        var failures = 0
        for (n, c) in cases.enumerated() {
            let op = try #require(c["op"] as? String)
            let a = try T.u(try #require(c["a"] as? String))
            let b = try T.u(try #require(c["b"] as? String))
            let want = try (c["result"] as? String).map { try T.u($0) }
            let got: U256?
            switch op {
            case "wadMul": got = try? WadRayMath.wadMul(a, b)
            case "wadDiv": got = try? WadRayMath.wadDiv(a, b)
            case "rayMul": got = try? WadRayMath.rayMul(a, b)
            case "rayDiv": got = try? WadRayMath.rayDiv(a, b)
            case "percentMul": got = try? PercentageMath.percentMul(a, b)
            case "percentDiv": got = try? PercentageMath.percentDiv(a, b)
            default: got = nil
            }
            if got != want {
                failures += 1
                Issue.record(
                    "math case \(n) \(op)(\(a), \(b)): got \(String(describing: got)) want \(String(describing: want))")
                if failures > 5 { break }
            }
        }
        #expect(cases.count == 9000)
    }
}
