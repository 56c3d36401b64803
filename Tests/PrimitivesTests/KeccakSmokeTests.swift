import Testing

@testable import Primitives

@Suite struct KeccakSmokeTests {
    @Test func emptyInputHashesToKnownDigest() {
        #expect(
            Keccak256.hash([UInt8]()).description
                == "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
    }

    @Test func abcHashesToKnownDigest() {
        #expect(
            Keccak256.hash(utf8: "abc").description
                == "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
    }

    @Test func streamingInAnyChunkingEqualsOneShot() {
        let data = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let whole = Keccak256.hash(data)
        for chunk in [1, 7, 135, 136, 137, 500] {
            var h = Keccak256()
            var i = 0
            while i < data.count {
                h.update(data[i..<min(i + chunk, data.count)])
                i += chunk
            }
            #expect(h.finalize() == whole, "chunk \(chunk)")
        }
    }
}
