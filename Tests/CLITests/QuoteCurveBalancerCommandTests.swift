import Foundation
import Primitives
import TestSupport
import Testing

/// `defi quote --state` with Curve and Balancer pools in the file: the binary reads the documented fields
/// (docs/quote-state.md) and prints the oracle's amounts (curve.json: Vyper transcription of stableswap-ng;
/// balancer.json: balancer-maths composed into V2's onSwap flow).
@Suite struct QuoteCurveBalancerCommandTests {
    static let t0 = "0x0000000000000000000000000000000000000101"
    static let t1 = "0x0000000000000000000000000000000000000102"

    func state(_ pool: [String: Any]) throws -> String {
        let doc: [String: Any] = [
            "schema": "defi.market-state/1", "chain_id": 1,
            "block": ["number": 7, "hash": "0x" + String(repeating: "ab", count: 32)],
            "tokens": [
                ["address": Self.t0, "symbol": "AAA", "decimals": 18],
                ["address": Self.t1, "symbol": "BBB", "decimals": 18],
            ],
            "pools": [pool],
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: doc), as: UTF8.self)
    }

    func quote(_ pool: [String: Any], _ args: [String]) throws -> [String: Any] {
        let dir = try TempDir()
        try dir.write("s.json", try state(pool))
        let r = try dir.run(["quote"] + args + ["--state", "s.json", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let env = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return try #require(env["data"] as? [String: Any])
    }

    func human(_ wei: String) throws -> String { Units.format(try U256(parsing: wei), decimals: 18) }

    @Test(.enabled(if: Fixtures.hasOracle("curve"), "oracle curve.json absent: run scripts/test"))
    func curveNGPoolQuotesTheOracleBothWays() throws {
        let cases = try #require(try Fixtures.oracle("curve")["cases"] as? [[String: Any]])
        let c = try #require(
            cases.first {
                $0["kind"] as? String == "ng" && ($0["balances"] as? [String])?.count == 2 && $0["revert"] == nil
                    && $0["revert_dx"] == nil && $0["revert_D"] == nil
            })
        let i = c["i"] as? Int ?? 0
        let pool: [String: Any] = [
            "kind": "curve", "venue": "curve_ng", "address": "0x00000000000000000000000000000000000000c0",
            "variant": "ng", "coins": [Self.t0, Self.t1], "balances": c["balances"] ?? [], "rates": c["rates"] ?? [],
            "amp": c["amp"] ?? "", "swap_fee": c["fee"] ?? "", "offpeg_fee_multiplier": c["offpeg"] ?? "",
        ]
        let (tin, tout) = i == 0 ? ("AAA", "BBB") : ("BBB", "AAA")
        let out = try quote(pool, [try human(c["dx"] as? String ?? ""), tin, tout])
        let q = try #require((out["quotes"] as? [[String: Any]])?.first)
        #expect(q["kind"] as? String == "curve" && q["amount_out"] as? String == c["dy"] as? String)
        let back = try quote(pool, [try human(c["dy_want"] as? String ?? ""), tin, tout, "--exact-out"])
        let qb = try #require((back["quotes"] as? [[String: Any]])?.first)
        #expect(qb["amount_in"] as? String == c["get_dx"] as? String)
    }

    @Test(.enabled(if: Fixtures.hasOracle("balancer"), "oracle balancer.json absent: run scripts/test"))
    func balancerWeightedPoolQuotesTheOracle() throws {
        let cases = try #require(try Fixtures.oracle("balancer")["cases"] as? [[String: String]])
        let c = try #require(
            cases.first { $0["op"] == "swap" && $0["out"]?.first?.isNumber == true && $0["out"] != "0" })
        let pool: [String: Any] = [
            "kind": "balancer", "venue": "balancer_80_20", "address": "0x00000000000000000000000000000000000000c1",
            "pool_id": "0x" + String(repeating: "cd", count: 32), "pool_type": "weighted",
            "tokens": [Self.t0, Self.t1],
            "balances": [c["bi"], c["bo"]], "scaling_factors": [c["sfi"], c["sfo"]], "weights": [c["wi"], c["wo"]],
            "swap_fee_percentage": c["fee"] ?? "",
        ]
        let out = try quote(pool, [try human(c["ai"] ?? ""), "AAA", "BBB"])
        let q = try #require((out["quotes"] as? [[String: Any]])?.first)
        #expect(q["kind"] as? String == "balancer" && q["amount_out"] as? String == c["out"])
    }

    @Test func aggregatorsNamedWithAStateFileAreAWarningNotAnError() throws {
        let pool: [String: Any] = [
            "kind": "balancer", "venue": "bal", "address": "0x00000000000000000000000000000000000000c1",
            "pool_id": "0x" + String(repeating: "cd", count: 32), "pool_type": "stable", "tokens": [Self.t0, Self.t1],
            "balances": ["1000000000000000000000", "1000000000000000000000"],
            "scaling_factors": ["1000000000000000000", "1000000000000000000"], "amp": "200000",
            "swap_fee_percentage": "1000000000000000",
        ]
        let dir = try TempDir()
        try dir.write("s.json", try state(pool))
        let r = try dir.run(["quote", "1", "AAA", "BBB", "--state", "s.json", "--venues", "bal,1inch,0x"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: 0x: skipped, aggregators are not asked offline (--state)"))
        #expect(r.stderr.contains("warning: 1inch: skipped"))
        #expect(r.stdout.contains("bal"))
    }
}
