import Foundation
import TestSupport
import Testing

@testable import Primitives

/// Converts an oracle JSON value (decimal strings, 0x hex, bools, strings, nested arrays) to an ABIValue of `type`.
func abiOracleValue(_ json: Any, as type: ABIType) throws -> ABIValue {
    switch type {
    case .uint:
        return .uint(try U256(parsing: json as? String ?? ""))
    case .int:
        let s = json as? String ?? ""
        return .int(try I256(parsing: s))
    case .address: return .address(try Address(parsing: json as? String ?? ""))
    case .fixedBytes: return .fixedBytes(try [UInt8](hex: json as? String ?? ""))
    case .bytes: return .bytes(try [UInt8](hex: json as? String ?? ""))
    case .bool: return .bool(json as? Bool ?? false)
    case .string: return .string(json as? String ?? "")
    case .array(let t), .fixedArray(let t, _):
        return .array(try (json as? [Any] ?? []).map { try abiOracleValue($0, as: t) })
    case .tuple(let ts, _):
        return .tuple(try zip(json as? [Any] ?? [], ts).map { try abiOracleValue($0, as: $1) })
    }
}

/// An address whose 20 bytes are all `fill`, except the last when `last` is given.
func abiTestAddress(_ fill: UInt8, last: UInt8? = nil) -> Address {
    var b = [UInt8](repeating: fill, count: 20)
    if let last { b[19] = last }
    return (try? Address(bytes: b)) ?? .zero
}

@Suite struct ABIOracleTests {
    @Test(.enabled(if: Fixtures.hasOracle("abi"), "abi oracle absent: run scripts/test"))
    func encodeAndDecodeMatchEthAbi() throws {
        let cases = try Fixtures.oracle("abi")["cases"] as? [[String: Any]] ?? []
        #expect(cases.count > 1000)
        for (i, c) in cases.enumerated() {
            let typeTexts = c["types"] as? [String] ?? []
            let types = try typeTexts.map { try ABIType(parsing: $0) }
            let values = try zip(c["values"] as? [Any] ?? [], types).map { try abiOracleValue($0, as: $1) }
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
            let values = try zip(c["values"] as? [Any] ?? [], types).map { try abiOracleValue($0, as: $1) }
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
            #expect(f.selector.description == c["selector"] as? String, "\(sig)")
            #expect(try ABIEvent(signature: sig).topic0.description == c["topic"] as? String, "\(sig)")
        }
    }

    @Test(.enabled(if: Fixtures.hasOracle("abi"), "abi oracle absent: run scripts/test"))
    func mutatedEncodingsAreAtLeastAsStrictAsEthAbi() throws {
        let cases = try Fixtures.oracle("abi")["mutations"] as? [[String: Any]] ?? []
        #expect(!cases.isEmpty)
        var stricter = 0
        for (i, c) in cases.enumerated() {
            let typeTexts = c["types"] as? [String] ?? []
            let types = try typeTexts.map { try ABIType(parsing: $0) }
            let data = try [UInt8](hex: c["data"] as? String ?? "")
            let ours = Result { () throws(ABIDecodingError) -> [ABIValue] in try ABI.decode(types: types, data: data) }
            if let theirError = c["error"] as? String {
                if case .success(let v) = ours {
                    Issue.record("mutation \(i) \(typeTexts): eth-abi rejects (\(theirError)), defi decoded \(v)")
                }
                continue
            }
            let expected = try zip(c["decoded"] as? [Any] ?? [], types).map { try abiOracleValue($0, as: $1) }
            switch ours {
            case .success(let got): #expect(got == expected, "mutation \(i) \(typeTexts): got \(got)")
            case .failure(let e):
                // defi is stricter only about offsets pointing back into a head.
                guard case .offsetIntoHead = e else {
                    Issue.record("mutation \(i) \(typeTexts): eth-abi accepts, defi rejects: \(e)")
                    continue
                }
                stricter += 1
            }
        }
        #expect(stricter < cases.count / 4)
    }

    @Test(.enabled(if: Fixtures.hasOracle("abi"), "abi oracle absent: run scripts/test"))
    func eventLogsDecodeLikeEthAbi() throws {
        let cases = try Fixtures.oracle("abi")["events"] as? [[String: Any]] ?? []
        #expect(!cases.isEmpty)
        for (i, c) in cases.enumerated() {
            let sig = c["signature"] as? String ?? ""
            let event = try ABIEvent(signature: sig)
            let topics = try (c["topics"] as? [String] ?? []).map { try Hash32(hex: $0) }
            let expected = try zip(c["expected"] as? [[String: Any]] ?? [], event.inputs).map { e, p -> ABIValue in
                if let h = e["hash"] as? String { return .fixedBytes(try [UInt8](hex: h)) }
                return try abiOracleValue(e["value"] as Any, as: p.type)
            }
            let got = try event.decodeLog(topics: topics, data: try [UInt8](hex: c["data"] as? String ?? ""))
            #expect(got == expected, "event \(i) \(sig): got \(got)")
        }
    }
}
