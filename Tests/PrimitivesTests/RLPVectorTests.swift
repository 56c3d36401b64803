import Foundation
import TestSupport
import Testing

@testable import Primitives

/// ethereum/tests RLP vectors and the pyrlp differential oracle, case by case.
@Suite struct RLPVectorTests {
    /// Minimal big-endian bytes of a non-negative decimal of any size (the vectors' "#…" big integers).
    static func bigDecimalBytes(_ text: Substring) -> [UInt8]? {
        var out: [UInt8] = []  // big-endian
        for ch in text.utf8 {
            guard ch >= 0x30 && ch <= 0x39 else { return nil }
            var carry = Int(ch - 0x30)
            for i in stride(from: out.count - 1, through: 0, by: -1) {
                let v = Int(out[i]) * 10 + carry
                out[i] = UInt8(v & 0xff)
                carry = v >> 8
            }
            while carry > 0 {
                out.insert(UInt8(carry & 0xff), at: 0)
                carry >>= 8
            }
        }
        return Array(out.drop { $0 == 0 })
    }

    /// The RLP item an ethereum/tests "in" value stands for (see the vector file's conventions).
    static func vectorItem(_ v: Any) -> RLPItem? {
        if let list = v as? [Any] {
            var items: [RLPItem] = []
            for c in list {
                guard let i = vectorItem(c) else { return nil }
                items.append(i)
            }
            return .list(items)
        }
        if let s = v as? String {
            if s.hasPrefix("#") { return bigDecimalBytes(s.dropFirst()).map { .bytes($0) } }
            var bytes: [UInt8] = []
            for u in s.unicodeScalars {
                guard u.value < 256 else { return nil }
                bytes.append(UInt8(u.value))
            }
            return .bytes(bytes)
        }
        if let n = v as? NSNumber { return .uint(n.uint64Value) }
        return nil
    }

    /// The RLP item of an oracle value: "0x…" is a byte string, an array a list.
    static func oracleItem(_ v: Any) throws -> RLPItem {
        if let list = v as? [Any] { return .list(try list.map(oracleItem)) }
        return .bytes(try [UInt8](hex: try #require(v as? String)))
    }

    @Test(.enabled(if: Fixtures.hasVector("rlp"), "vector rlp.json absent: ../shared/vectors"))
    func ethereumTestsVectorsCaseByCase() throws {
        let cases = try #require(Fixtures.vector("rlp")["cases"] as? [[String: Any]])
        #expect(cases.count >= 50)
        for c in cases {
            let name = c["name"] as? String ?? "?"
            let out = try [UInt8](hex: try #require(c["out_hex_normalized"] as? String, "\(name)"))
            let valid = try #require(c["valid"] as? Bool, "\(name)")
            let decoded = Result { () throws(RLPError) in try RLP.decode(out) }
            if !valid {
                #expect(throws: RLPError.self, "\(name) must be rejected") { try decoded.get() }
                continue
            }
            let item = try decoded.get()
            #expect(RLP.encode(item) == out, "\(name): decode then encode")
            if (c["in"] as? String) == "VALID" { continue }
            let want = try #require(Self.vectorItem(c["in"] as Any), "\(name): unreadable in")
            let got = RLP.encode(want)
            #expect(got == out, "\(name): got \(got.hex) expected \(out.hex)")
            #expect(item == want, "\(name): decoded item")
        }
    }

    @Test(.enabled(if: Fixtures.hasOracle("rlp"), "oracle rlp.json absent: run scripts/test"))
    func randomItemsEncodeLikePyrlp() throws {
        let o = try Fixtures.oracle("rlp")
        let cases = try #require(o["cases"] as? [[String: Any]])
        #expect(cases.count >= 1000)
        for (i, c) in cases.enumerated() {
            let item = try Self.oracleItem(try #require(c["item"]))
            let want = try #require(c["encoded"] as? String)
            let got = RLP.encode(item)
            #expect(got.hex == want, "case \(i): got \(got.hex) expected \(want)")
            #expect(try RLP.decode(got) == item, "case \(i): round trip")
        }
    }

    @Test(.enabled(if: Fixtures.hasOracle("rlp"), "oracle rlp.json absent: run scripts/test"))
    func randomInputsDecodeLikePyrlpStrict() throws {
        let o = try Fixtures.oracle("rlp")
        let cases = try #require(o["decode_cases"] as? [[String: Any]])
        #expect(cases.count >= 1000)
        for (i, c) in cases.enumerated() {
            let input = try [UInt8](hex: try #require(c["encoded"] as? String))
            let result = Result { () throws(RLPError) in try RLP.decode(input) }
            if try #require(c["valid"] as? Bool) {
                let want = try Self.oracleItem(try #require(c["item"]))
                #expect(try result.get() == want, "case \(i) \(input.hex): pyrlp decodes it")
            } else {
                #expect(throws: RLPError.self, "case \(i) \(input.hex): pyrlp says \(c["error"] ?? "")") {
                    try result.get()
                }
            }
        }
    }
}
