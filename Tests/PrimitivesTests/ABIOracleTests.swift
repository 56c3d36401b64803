import Foundation
import Testing

@testable import Primitives

/// Converts an oracle JSON value (decimal strings, 0x hex, bools, strings, nested arrays) to an ABIValue of `type`.
func oracleValue(_ json: Any, as type: ABIType) throws -> ABIValue {
    switch type {
    case .uint:
        return .uint(try U256(parsing: json as? String ?? ""))
    case .int:
        let s = json as? String ?? ""
        guard let v = ABIValue.int(negative: s.hasPrefix("-"), magnitude: try U256(parsing: s.hasPrefix("-") ? String(s.dropFirst()) : s))
        else { throw OracleError.bad(s) }
        return v
    case .address: return .address(try [UInt8](hex: json as? String ?? ""))
    case .fixedBytes: return .fixedBytes(try [UInt8](hex: json as? String ?? ""))
    case .bytes: return .bytes(try [UInt8](hex: json as? String ?? ""))
    case .bool: return .bool(json as? Bool ?? false)
    case .string: return .string(json as? String ?? "")
    case .array(let t), .fixedArray(let t, _):
        return .array(try (json as? [Any] ?? []).map { try oracleValue($0, as: t) })
    case .tuple(let ts, _):
        return .tuple(try zip(json as? [Any] ?? [], ts).map { try oracleValue($0, as: $1) })
    }
}

enum OracleError: Error { case bad(String) }

@Suite struct ABIOracleTests {
    @Test(.enabled(if: Fixtures.hasOracle("abi"), "abi oracle absent: run scripts/test"))
    func encodeAndDecodeMatchEthAbi() throws {
        let cases = try Fixtures.oracle("abi")["cases"] as? [[String: Any]] ?? []
        #expect(cases.count > 1000)
        for (i, c) in cases.enumerated() {
            let typeTexts = c["types"] as? [String] ?? []
            let types = try typeTexts.map { try ABIType(parsing: $0) }
            let values = try zip(c["values"] as? [Any] ?? [], types).map { try oracleValue($0, as: $1) }
            let expected = c["encoded"] as? String ?? ""
            let got = Hex.encode(try ABI.encode(types: types, values: values))
            #expect(got == expected, "case \(i) \(typeTexts): got \(got) expected \(expected)")
            let decoded = try ABI.decode(types: types, data: try [UInt8](hex: expected))
            #expect(decoded == values, "case \(i) \(typeTexts): decoded \(decoded) expected \(values)")
        }
    }

    @Test(.enabled(if: Fixtures.hasOracle("abi"), "abi oracle absent: run scripts/test"))
    func packedMatchesEthAbiForElementaryTypes() throws {
        let cases = try Fixtures.oracle("abi")["packed"] as? [[String: Any]] ?? []
        #expect(!cases.isEmpty)
        for (i, c) in cases.enumerated() {
            let typeTexts = c["types"] as? [String] ?? []
            let types = try typeTexts.map { try ABIType(parsing: $0) }
            let values = try zip(c["values"] as? [Any] ?? [], types).map { try oracleValue($0, as: $1) }
            let got = Hex.encode(try ABI.encodePacked(types: types, values: values))
            #expect(got == c["packed"] as? String, "packed case \(i) \(typeTexts): got \(got)")
        }
    }

    @Test(.enabled(if: Fixtures.hasOracle("abi"), "abi oracle absent: run scripts/test"))
    func selectorsAndTopicsMatchEthUtils() throws {
        let cases = try Fixtures.oracle("abi")["selectors"] as? [[String: Any]] ?? []
        #expect(!cases.isEmpty)
        for c in cases {
            let sig = c["signature"] as? String ?? ""
            let f = try ABIFunction(signature: sig)
            #expect(f.signature == sig)
            #expect(Hex.encode(f.selector) == c["selector"] as? String, "\(sig)")
            #expect(try ABIEvent(signature: sig).topic0.description == c["topic"] as? String, "\(sig)")
        }
    }
}
