import Primitives
import TestSupport
import Testing

@testable import Protocols

/// Curve pools against curvesim 0.5.0 (classic) and exact-integer Vyper transcriptions (template, ng):
/// Tests/oracles/gen_curve.py.
@Suite struct CurveOracleTests {
    static let enabled = Fixtures.hasOracle("curve")

    static func cases(_ kind: String) throws -> [[String: Any]] {
        let all = try #require(try Fixtures.oracle("curve")["cases"] as? [[String: Any]])
        let cases = all.filter { $0["kind"] as? String == kind }
        #expect(cases.count >= 500, "only \(cases.count) \(kind) cases")
        return cases
    }

    static func u(_ c: [String: Any], _ key: String) throws -> U256 {
        try U256(parsing: try #require(c[key] as? String, "missing \(key)"))
    }

    static func us(_ c: [String: Any], _ key: String) throws -> [U256] {
        try #require(c[key] as? [String], "missing \(key)").map { s throws in try U256(parsing: s) }
    }

    static func int(_ c: [String: Any], _ key: String) throws -> Int {
        try #require(c[key] as? Int, "missing \(key)")
    }

    /// The result of a throwing call as text: the value, or "revert <error>".
    static func outcome<T: CustomStringConvertible>(_ body: () throws(CurveError) -> T) -> String {
        do { return try body().description } catch { return "revert \(error.code)" }
    }

    static func classic(_ c: [String: Any], _ generation: CurveStableSwapClassic.Generation) throws
        -> CurveStableSwapClassic
    {
        try CurveStableSwapClassic(
            generation: generation, balances: try us(c, "balances"), rates: try us(c, "rates"),
            amp: try u(c, "amp"), fee: try u(c, "fee"), adminFee: try u(c, "admin_fee"))
    }

    @Test(.enabled(if: enabled, "oracle curve.json absent: run scripts/test"))
    func classicPool3MatchesCurvesim() throws {
        for (n, c) in try Self.cases("classic").enumerated() {
            let pool = try Self.classic(c, .pool3)
            let i = try Self.int(c, "i"), j = try Self.int(c, "j"), dx = try Self.u(c, "dx")
            let tag = "case \(n) i=\(i) j=\(j) dx=\(dx) balances=\(pool.balances) A=\(pool.amp)"
            let d = Self.outcome { () throws(CurveError) in try pool.getD() }
            #expect(d == c["D"] as? String, "\(tag) get_D got \(d) expected \(c["D"] ?? "")")
            let x = pool.xp[i] + dx * pool.rates[i] / CurveStableSwapClassic.precision
            let y = Self.outcome { () throws(CurveError) in try pool.getY(i: i, j: j, x: x) }
            #expect(y == c["y"] as? String, "\(tag) get_y got \(y) expected \(c["y"] ?? "")")
            if c["revert"] != nil {
                let got = Self.outcome { () throws(CurveError) in try pool.exchange(i: i, j: j, dx: dx).dy }
                #expect(got == "revert curve_underflow", "\(tag) exchange got \(got) expected a revert")
                continue
            }
            let dy = Self.outcome { () throws(CurveError) in try pool.getDy(i: i, j: j, dx: dx) }
            #expect(dy == c["get_dy"] as? String, "\(tag) get_dy got \(dy) expected \(c["get_dy"] ?? "")")
            let trade = try pool.exchange(i: i, j: j, dx: dx)
            #expect(
                trade.dy.description == c["dy"] as? String,
                "\(tag) exchange dy got \(trade.dy) expected \(c["dy"] ?? "")")
            let feeCoin = trade.dyFee * CurveStableSwapClassic.precision / pool.rates[j]
            #expect(
                feeCoin.description == c["fee_coin"] as? String,
                "\(tag) fee got \(feeCoin) expected \(c["fee_coin"] ?? "")")
            let expected = c["new_balances"] as? [String] ?? []
            #expect(
                trade.balances.map(\.description) == expected,
                "\(tag) balances got \(trade.balances) expected \(expected)")
        }
    }

    @Test(.enabled(if: enabled, "oracle curve.json absent: run scripts/test"))
    func classicTemplateMatchesVyperMidRamp() throws {
        for (n, c) in try Self.cases("template").enumerated() {
            let pool = try Self.classic(c, .template)
            let i = try Self.int(c, "i"), j = try Self.int(c, "j"), dx = try Self.u(c, "dx")
            let tag = "case \(n) i=\(i) j=\(j) dx=\(dx) balances=\(pool.balances) amp=\(pool.amp)"
            let dy = Self.outcome { () throws(CurveError) in try pool.getDy(i: i, j: j, dx: dx) }
            if let revert = c["revert"] as? String {
                #expect(dy.hasPrefix("revert"), "\(tag) get_dy got \(dy) expected revert \(revert)")
                continue
            }
            let d = Self.outcome { () throws(CurveError) in try pool.getD() }
            #expect(d == c["D"] as? String, "\(tag) get_D got \(d) expected \(c["D"] ?? "")")
            #expect(dy == c["get_dy"] as? String, "\(tag) get_dy got \(dy) expected \(c["get_dy"] ?? "")")
        }
    }

    @Test(.enabled(if: enabled, "oracle curve.json absent: run scripts/test"))
    func stableSwapNGMatchesVyper() throws {
        for (n, c) in try Self.cases("ng").enumerated() {
            let pool = try CurveStableSwapNG(
                balances: try Self.us(c, "balances"), rates: try Self.us(c, "rates"), amp: try Self.u(c, "amp"),
                fee: try Self.u(c, "fee"), offpegFeeMultiplier: try Self.u(c, "offpeg"))
            let i = try Self.int(c, "i"), j = try Self.int(c, "j"), dx = try Self.u(c, "dx")
            let tag = "case \(n) i=\(i) j=\(j) dx=\(dx) balances=\(pool.balances) amp=\(pool.amp)"
            let d = Self.outcome { () throws(CurveError) in try pool.getD() }
            if c["revert_D"] != nil {
                #expect(d.hasPrefix("revert"), "\(tag) get_D got \(d) expected a revert")
                continue
            }
            #expect(d == c["D"] as? String, "\(tag) get_D got \(d) expected \(c["D"] ?? "")")
            let fee = Self.outcome { () throws(CurveError) in try pool.dynamicFee(i: i, j: j) }
            #expect(fee == c["fee_now"] as? String, "\(tag) dynamic_fee got \(fee) expected \(c["fee_now"] ?? "")")
            let dy = Self.outcome { () throws(CurveError) in try pool.getDy(i: i, j: j, dx: dx) }
            if c["revert"] != nil {
                #expect(dy.hasPrefix("revert"), "\(tag) get_dy got \(dy) expected a revert")
            } else {
                #expect(dy == c["dy"] as? String, "\(tag) get_dy got \(dy) expected \(c["dy"] ?? "")")
                let trade = try pool.exchange(i: i, j: j, dx: dx)
                #expect(trade.dyFee.description == c["dy_fee"] as? String, "\(tag) dy_fee got \(trade.dyFee)")
                #expect(
                    trade.dyAdminFee.description == c["dy_admin_fee"] as? String,
                    "\(tag) admin fee got \(trade.dyAdminFee)")
                let expected = c["new_balances"] as? [String] ?? []
                #expect(
                    trade.balances.map(\.description) == expected,
                    "\(tag) balances got \(trade.balances) expected \(expected)")
            }
            let want = try Self.u(c, "dy_want")
            let dxNeeded = Self.outcome { () throws(CurveError) in try pool.getDx(i: i, j: j, dy: want) }
            if c["revert_dx"] != nil {
                #expect(dxNeeded.hasPrefix("revert"), "\(tag) get_dx(\(want)) got \(dxNeeded) expected a revert")
            } else {
                #expect(
                    dxNeeded == c["get_dx"] as? String,
                    "\(tag) get_dx(\(want)) got \(dxNeeded) expected \(c["get_dx"] ?? "")")
            }
        }
    }
}
