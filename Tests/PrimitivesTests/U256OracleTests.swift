import TestSupport
import Testing

@testable import Primitives

/// U256 and the EVM's signed word operations against Python's big integers (Tests/oracles/gen_u256.py).
@Suite struct U256OracleTests {
    static let enabled = Fixtures.hasOracle("u256")

    static func cases() throws -> [[String: String]] {
        let cases = try #require(try Fixtures.oracle("u256")["cases"] as? [[String: String]])
        #expect(cases.count >= 1000)
        return cases
    }

    static func u(_ c: [String: String], _ key: String) throws -> U256 {
        try U256(parsing: try #require(c[key], "missing \(key)"))
    }

    /// Compares one named result; on failure names the case index, operands and got/expected.
    static func check(_ got: U256, _ c: [String: String], _ key: String, _ i: Int) {
        let expected = c[key] ?? "?"
        #expect(got.description == expected, "case \(i) \(key): a=\(c["a"] ?? "") b=\(c["b"] ?? "") got \(got)")
    }

    @Test(.enabled(if: enabled, "oracle u256.json absent: run scripts/test"))
    func addSubMulMatchPythonIntegers() throws {
        for (i, c) in try Self.cases().enumerated() {
            let a = try Self.u(c, "a"), b = try Self.u(c, "b")
            Self.check(a &+ b, c, "add", i)
            Self.check(a &- b, c, "sub", i)
            Self.check(a &* b, c, "mul", i)
            let (hi, lo) = a.multipliedFullWidth(by: b)
            Self.check(hi, c, "mul_hi", i)
            Self.check(lo, c, "mul", i)
            #expect(a.multipliedReportingOverflow(by: b).overflow == (c["mul_hi"] != "0"), "case \(i)")
        }
    }

    @Test(.enabled(if: enabled, "oracle u256.json absent: run scripts/test"))
    func divisionMatchesPythonIntegers() throws {
        for (i, c) in try Self.cases().enumerated() {
            let a = try Self.u(c, "a"), b = try Self.u(c, "b"), d = try Self.u(c, "d")
            if b.isZero {
                #expect(a.dividedReportingOverflow(by: b) == (a, true), "case \(i)")
                #expect(a.remainderReportingOverflow(dividingBy: b) == (a, true), "case \(i)")
            } else {
                let (q, r) = a.quotientAndRemainder(dividingBy: b)
                Self.check(q, c, "div", i)
                Self.check(r, c, "mod", i)
            }
            Self.check(U256.mulMod(a, b, d), c, "mulmod", i)
            Self.check(U256.addMod(a, b, d), c, "addmod", i)
        }
    }

    @Test(.enabled(if: enabled, "oracle u256.json absent: run scripts/test"))
    func mulDivMatchesFullMathSemantics() throws {
        for (i, c) in try Self.cases().enumerated() {
            let a = try Self.u(c, "a"), b = try Self.u(c, "b"), d = try Self.u(c, "d")
            for (key, f) in [("muldiv", U256.mulDiv), ("muldiv_up", U256.mulDivRoundingUp)] {
                let got: String
                do { got = try f(a, b, d).description } catch { got = "overflow" }
                #expect(got == c[key], "case \(i) \(key): a=\(a) b=\(b) d=\(d) got \(got) expected \(c[key] ?? "?")")
            }
        }
    }

    @Test(.enabled(if: enabled, "oracle u256.json absent: run scripts/test"))
    func powShiftsAndBitsMatchPythonIntegers() throws {
        for (i, c) in try Self.cases().enumerated() {
            let a = try Self.u(c, "a"), b = try Self.u(c, "b"), e = try Self.u(c, "e")
            let s = try #require(Int(c["s"] ?? "")), k = try #require(Int(c["k"] ?? ""))
            Self.check(U256.pow(a, e), c, "pow", i)
            let (p, o) = a.powerReportingOverflow(e)
            Self.check(p, c, "pow", i)
            #expect(o == (c["pow_overflow"] == "1"), "case \(i) pow overflow: a=\(a) e=\(e) got \(o)")
            Self.check(a << s, c, "shl", i)
            Self.check(a >> s, c, "shr", i)
            Self.check(a << U256(UInt64(s)), c, "shl", i)
            Self.check(a >> U256(UInt64(s)), c, "shr", i)
            Self.check(a & b, c, "and", i)
            Self.check(a | b, c, "or", i)
            Self.check(a ^ b, c, "xor", i)
            Self.check(~a, c, "not", i)
            #expect(String(a.leadingZeroBitCount) == c["clz"], "case \(i) clz of \(a)")
            #expect(String(a.nonzeroBitCount) == c["popcount"], "case \(i) popcount of \(a)")
            Self.check(a.byte(U256(UInt64(k))), c, "byte", i)
            Self.check(a.squareRoot(), c, "sqrt", i)
        }
    }

    @Test(.enabled(if: enabled, "oracle u256.json absent: run scripts/test"))
    func stringsRoundTrip() throws {
        for (i, c) in try Self.cases().enumerated() {
            let a = try Self.u(c, "a")
            #expect(a.hexString == c["hex"], "case \(i): got \(a.hexString) expected \(c["hex"] ?? "?")")
            #expect(try U256(parsing: a.hexString) == a, "case \(i)")
            #expect(a.decimalString == c["a"], "case \(i)")
        }
    }
    @Test(.enabled(if: enabled, "oracle u256.json absent: run scripts/test"))
    func signedEVMOperationsMatchTheYellowPaper() throws {
        for (i, c) in try Self.cases().enumerated() {
            let a = try Self.u(c, "a"), b = try Self.u(c, "b")
            let s = U256(UInt64(try #require(Int(c["s"] ?? "")))), k = U256(UInt64(try #require(Int(c["k"] ?? ""))))
            Self.check(U256.sdiv(a, b), c, "sdiv", i)
            Self.check(U256.smod(a, b), c, "smod", i)
            Self.check(U256.signExtend(k, a), c, "signextend", i)
            Self.check(U256.sar(s, a), c, "sar", i)
            let signed = a.signed
            #expect(signed.description == c["signed_a"], "case \(i): got \(signed) expected \(c["signed_a"] ?? "?")")
            #expect(try I256(parsing: signed.description) == signed, "case \(i)")
        }
    }
}
