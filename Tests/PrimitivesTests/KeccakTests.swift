import Foundation
import TestSupport
import Testing

@testable import Primitives

@Suite struct KeccakTests {
    /// Rebuilds a `generated_large` input from its length and 16-byte prefix: a 0,1,2,… ramp or one repeated byte.
    static func largeInput(length: Int, prefix: [UInt8]) -> [UInt8]? {
        if prefix == (0..<16).map({ UInt8($0) }) { return (0..<length).map { UInt8(truncatingIfNeeded: $0) } }
        guard let b = prefix.first, prefix.allSatisfy({ $0 == b }) else { return nil }
        return [UInt8](repeating: b, count: length)
    }

    @Test(.enabled(if: Fixtures.hasVector("keccak256"), "vector keccak256.json absent: ../shared/vectors"))
    func publicVectorsMatchCaseByCase() throws {
        let cases = try #require(Fixtures.vector("keccak256")["cases"] as? [[String: Any]])
        #expect(cases.count >= 300)
        for c in cases {
            let name = c["name"] as? String ?? "?"
            let digest = try #require(c["digest"] as? String, "\(name)")
            let input: [UInt8]
            if let hex = c["input_hex"] as? String {
                input = try [UInt8](hex: hex)
            } else {
                let length = try #require(c["input_len"] as? Int, "\(name)")
                let prefix = try [UInt8](hex: try #require(c["input_prefix_hex"] as? String, "\(name)"))
                input = try #require(Self.largeInput(length: length, prefix: prefix), "\(name): unknown pattern")
                #expect(Array(input.prefix(16)) == prefix, "\(name)")
            }
            if let n = c["input_len"] as? Int { #expect(input.count == n, "\(name)") }
            let got = Keccak256.hash(input).description
            #expect(got == digest, "\(name): got \(got) expected \(digest)")
        }
    }

    @Test(.enabled(if: Fixtures.hasOracle("keccak"), "oracle keccak.json absent: run scripts/test"))
    func randomLengthsMatchPycryptodome() throws {
        let oracle = try Fixtures.oracle("keccak")
        let cases = try #require(oracle["cases"] as? [[String: String]])
        #expect(cases.count >= 2000)
        for (i, c) in cases.enumerated() {
            let input = try [UInt8](hex: try #require(c["input"]))
            let want = try #require(c["digest"])
            let got = Keccak256.hash(input).description
            #expect(got == want, "case \(i) (length \(input.count)): got \(got) expected \(want)")
            // Streaming in two uneven pieces gives the same digest.
            let cut = input.count / 3
            var h = Keccak256()
            h.update(input[..<cut])
            h.update(input[cut...])
            #expect(h.finalize().description == want, "case \(i) streamed at \(cut)")
        }
        let large = try #require(oracle["large"] as? [String: Any])
        let n = try #require(large["length"] as? Int), seed = try #require(large["seed"] as? Int)
        let input = (0..<n).map { i in UInt8(truncatingIfNeeded: (i &* 131 &+ seed) ^ (i >> 8)) }
        #expect(Keccak256.hash(input).description == large["digest"] as? String, "1 MiB seeded input")
    }

    @Test func emptyAndRateBoundaryLengthsMatchKnownDigests() throws {
        #expect(
            Keccak256.hash([UInt8]()).description
                == "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        #expect(
            Keccak256.hash(utf8: "").description
                == "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        #expect(
            Keccak256.hash(utf8: "transfer(address,uint256)").description.hasPrefix("0xa9059cbb"))
    }

    @Test func streamingByteByByteAcrossRateBoundariesEqualsOneShot() throws {
        for n in [0, 1, 135, 136, 137, 271, 272, 273, 1000] {
            let data = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
            var h = Keccak256()
            for b in data { h.update(CollectionOfOne(b)) }
            #expect(h.finalize() == Keccak256.hash(data), "length \(n)")
        }
    }

    @Test func nonContiguousSequencesHashLikeArrays() throws {
        let data = (0..<300).map { UInt8(truncatingIfNeeded: $0) }
        #expect(Keccak256.hash(data.lazy.map { $0 }) == Keccak256.hash(data))
        #expect(Keccak256.hash(Set<UInt8>()) == Keccak256.hash([UInt8]()))
    }

    @Test func emptyRawBufferHashesLikeEmptyArray() throws {
        #expect(Keccak256.hash(UnsafeRawBufferPointer(start: nil, count: 0)) == Keccak256.hash([UInt8]()))
    }

    @Test func hash32RoundTripsAndRejectsWrongLength() throws {
        let h = Keccak256.hash(utf8: "abc")
        #expect(try Hash32(hex: h.description) == h)
        #expect(try Hash32(bytes: h.bytes) == h)
        #expect(throws: HexError.wrongLength(expected: 32, got: 31)) { try Hash32(bytes: [UInt8](repeating: 0, count: 31)) }
        #expect(Hash32.zero < h)
    }
}

@Suite struct Hash32Tests {
    @Test func orderIsByteWiseAcrossEveryChunk() throws {
        for i in 0..<32 {
            var lo = [UInt8](repeating: 0, count: 32), hi = lo
            lo[i] = 0x7f
            hi[i] = 0x80
            if i < 31 { lo[31] = 0xff }  // a larger later byte must not matter
            let a = try Hash32(bytes: lo), b = try Hash32(bytes: hi)
            #expect(a < b && !(b < a), "byte \(i)")
            #expect(a.bytes.lexicographicallyPrecedes(b.bytes), "byte \(i)")
        }
        let h = Keccak256.hash(utf8: "x")
        #expect(!(h < h))
    }

    @Test func hexParsingRejectsBadInput() {
        #expect(throws: HexError.wrongLength(expected: 32, got: 1)) { try Hash32(hex: "0x00") }
        #expect(throws: HexError.oddLength(1)) { try Hash32(hex: "0x0") }
        #expect(throws: HexError.invalidCharacter(offset: 0, character: "g")) { try Hash32(hex: "g" + String(repeating: "0", count: 63)) }
    }
}
