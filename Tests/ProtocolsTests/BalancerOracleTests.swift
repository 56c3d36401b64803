import Primitives
import TestSupport
import Testing

@testable import Protocols

/// Balancer V2 LogExpMath, FixedPoint, WeightedMath and the onSwap fee/scaling flow against balancer-maths 0.1.2
/// (Tests/oracles/gen_balancer.py).
@Suite struct BalancerOracleTests {
    static let enabled = Fixtures.hasOracle("balancer")

    static func cases(_ op: String) throws -> [[String: String]] {
        let all = try #require(try Fixtures.oracle("balancer")["cases"] as? [[String: String]])
        let cases = all.filter { $0["op"] == op }
        #expect(cases.count >= 1000, "only \(cases.count) \(op) cases")
        return cases
    }

    static func u(_ c: [String: String], _ key: String) throws -> U256 {
        try U256(parsing: try #require(c[key], "missing \(key)"))
    }

    /// A throwing computation's result as the oracle spells it: the decimal value or "BAL#xxx".
    static func outcome(_ body: () throws(BalancerError) -> U256) -> String {
        do { return try body().description } catch { return error.reason }
    }

    @Test(.enabled(if: enabled, "oracle balancer.json absent: run scripts/test"))
    func logExpPowMatchesBalancerMaths() throws {
        for (n, c) in try Self.cases("pow").enumerated() {
            let x = try Self.u(c, "x"), y = try Self.u(c, "y")
            let got = Self.outcome { () throws(BalancerError) in try BalancerLogExpMath.pow(x, y) }
            #expect(got == c["r"], "case \(n) pow(\(x), \(y)) got \(got) expected \(c["r"] ?? "")")
        }
    }

    @Test(.enabled(if: enabled, "oracle balancer.json absent: run scripts/test"))
    func logExpExpAndLnMatchBalancerMaths() throws {
        for (n, c) in try Self.cases("exp").enumerated() {
            let x = try I256(parsing: try #require(c["x"]))
            let got: String
            do { got = try BalancerLogExpMath.exp(x).description } catch { got = error.reason }
            #expect(got == c["r"], "case \(n) exp(\(x)) got \(got) expected \(c["r"] ?? "")")
        }
        for (n, c) in try Self.cases("ln").enumerated() {
            let a = try I256(parsing: try #require(c["x"]))
            let got: String
            do { got = try BalancerLogExpMath.ln(a).description } catch { got = error.reason }
            #expect(got == c["r"], "case \(n) ln(\(a)) got \(got) expected \(c["r"] ?? "")")
        }
    }

    @Test(.enabled(if: enabled, "oracle balancer.json absent: run scripts/test"))
    func fixedPointMatchesBalancerMaths() throws {
        typealias F = BalancerFixedPoint
        for (n, c) in try Self.cases("fixed").enumerated() {
            let a = try Self.u(c, "a"), b = try Self.u(c, "b")
            let tag = "case \(n) a=\(a) b=\(b)"
            let checks: [(String, (U256, U256) throws(BalancerError) -> U256)] = [
                ("mulDown", F.mulDown), ("mulUp", F.mulUp), ("divDown", F.divDown), ("divUp", F.divUp),
            ]
            for (key, f) in checks {
                guard let expected = c[key] else { continue }
                let got = Self.outcome { () throws(BalancerError) in try f(a, b) }
                #expect(got == expected, "\(tag) \(key) got \(got) expected \(expected)")
            }
            #expect(F.complement(a).description == c["complement"], "\(tag) complement got \(F.complement(a))")
        }
        for (n, c) in try Self.cases("powfixed").enumerated() {
            let x = try Self.u(c, "x"), y = try Self.u(c, "y")
            let up = Self.outcome { () throws(BalancerError) in try F.powUp(x, y) }
            let down = Self.outcome { () throws(BalancerError) in try F.powDown(x, y) }
            #expect(up == c["powUp"], "case \(n) powUp(\(x), \(y)) got \(up) expected \(c["powUp"] ?? "")")
            #expect(down == c["powDown"], "case \(n) powDown(\(x), \(y)) got \(down) expected \(c["powDown"] ?? "")")
        }
    }

    @Test(.enabled(if: enabled, "oracle balancer.json absent: run scripts/test"))
    func weightedMathMatchesBalancerMaths() throws {
        for (n, c) in try Self.cases("weighted").enumerated() {
            let bi = try Self.u(c, "bi"), wi = try Self.u(c, "wi"), bo = try Self.u(c, "bo"), wo = try Self.u(c, "wo")
            let ai = try Self.u(c, "ai"), ao = try Self.u(c, "ao")
            let tag = "case \(n) bI=\(bi) wI=\(wi) bO=\(bo) wO=\(wo)"
            let out = Self.outcome { () throws(BalancerError) in
                try BalancerWeightedMath.calcOutGivenIn(
                    balanceIn: bi, weightIn: wi, balanceOut: bo, weightOut: wo, amountIn: ai)
            }
            #expect(out == c["out"], "\(tag) calcOutGivenIn(\(ai)) got \(out) expected \(c["out"] ?? "")")
            let inn = Self.outcome { () throws(BalancerError) in
                try BalancerWeightedMath.calcInGivenOut(
                    balanceIn: bi, weightIn: wi, balanceOut: bo, weightOut: wo, amountOut: ao)
            }
            #expect(inn == c["in"], "\(tag) calcInGivenOut(\(ao)) got \(inn) expected \(c["in"] ?? "")")
        }
    }

    @Test(.enabled(if: enabled, "oracle balancer.json absent: run scripts/test"))
    func weightedPoolSwapMatchesV2OnSwapFlow() throws {
        for (n, c) in try Self.cases("swap").enumerated() {
            let pool = BalancerWeightedPool(
                balanceIn: try Self.u(c, "bi"), balanceOut: try Self.u(c, "bo"), scalingFactorIn: try Self.u(c, "sfi"),
                scalingFactorOut: try Self.u(c, "sfo"), weightIn: try Self.u(c, "wi"), weightOut: try Self.u(c, "wo"),
                swapFeePercentage: try Self.u(c, "fee"))
            let ai = try Self.u(c, "ai"), ao = try Self.u(c, "ao")
            let tag = "case \(n) \(pool)"
            let out = Self.outcome { () throws(BalancerError) in try pool.swapGivenIn(amountIn: ai) }
            #expect(out == c["out"], "\(tag) GIVEN_IN \(ai) got \(out) expected \(c["out"] ?? "")")
            let inn = Self.outcome { () throws(BalancerError) in try pool.swapGivenOut(amountOut: ao) }
            #expect(inn == c["in"], "\(tag) GIVEN_OUT \(ao) got \(inn) expected \(c["in"] ?? "")")
        }
    }
}

/// Balancer V2 StableMath against balancer-maths' invariant and a Solidity transcription of V2's balance solver.
@Suite struct BalancerStableMathOracleTests {
    @Test(.enabled(if: BalancerOracleTests.enabled, "oracle balancer.json absent: run scripts/test"))
    func stableMathMatchesOracle() throws {
        typealias S = BalancerStableMath
        for (n, c) in try BalancerOracleTests.cases("stable").enumerated() {
            let amp = try BalancerOracleTests.u(c, "amp")
            let balances = try (c["balances"] ?? "").split(separator: ",").map { s throws in try U256(parsing: s) }
            let tag = "case \(n) amp=\(amp) balances=\(balances)"
            let inv = BalancerOracleTests.outcome { () throws(BalancerError) in
                try S.invariant(amp: amp, balances: balances)
            }
            #expect(inv == c["inv"], "\(tag) invariant got \(inv) expected \(c["inv"] ?? "")")
            guard let invariant = try? U256(parsing: inv), let i = Int(c["i"] ?? ""), let j = Int(c["j"] ?? "") else {
                continue
            }
            let ai = try BalancerOracleTests.u(c, "ai"), ao = try BalancerOracleTests.u(c, "ao")
            let out = BalancerOracleTests.outcome { () throws(BalancerError) in
                try S.calcOutGivenIn(
                    amp: amp, balances: balances, tokenIndexIn: i, tokenIndexOut: j, amountIn: ai, invariant: invariant)
            }
            #expect(out == c["out"], "\(tag) calcOutGivenIn(\(i)->\(j), \(ai)) got \(out) expected \(c["out"] ?? "")")
            let inn = BalancerOracleTests.outcome { () throws(BalancerError) in
                try S.calcInGivenOut(
                    amp: amp, balances: balances, tokenIndexIn: i, tokenIndexOut: j, amountOut: ao, invariant: invariant
                )
            }
            #expect(inn == c["in"], "\(tag) calcInGivenOut(\(i)->\(j), \(ao)) got \(inn) expected \(c["in"] ?? "")")
        }
    }
}
