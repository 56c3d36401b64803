import Testing

@testable import Primitives

@Suite struct U256OracleTests {
    @Test(.enabled(if: Fixtures.hasOracle("u256"), "oracle u256.json absent: run scripts/test"))
    func addSubMatchPythonIntegers() throws {
        let cases = try Fixtures.oracle("u256")["cases"] as! [[String: String]]
        #expect(cases.count >= 1000)
        for c in cases {
            let a = try U256(parsing: c["a"]!), b = try U256(parsing: c["b"]!)
            #expect((a &+ b).description == c["add"]!, "a=\(a) b=\(b)")
            #expect((a &- b).description == c["sub"]!, "a=\(a) b=\(b)")
        }
    }
}
