import Testing

@testable import Primitives

@Suite struct JSONValueTests {
    @Test func parsesAllKinds() throws {
        let v = try JSONValue(parsing: #" { "a": [1, -2.5e3, "x\n\u00e9\ud83d\ude00", true, false, null], "b": {} } "#)
        #expect(v["a"] == .array([.number("1"), .number("-2.5e3"), .string("x\né😀"), .bool(true), .bool(false), .null]))
        #expect(v["b"] == .object([:]))
        #expect(v.description == #"{"a":[1,-2.5e3,"x\né😀",true,false,null],"b":{}}"#)
        #expect(try JSONValue(parsing: "123456789012345678901234567890") == .number("123456789012345678901234567890"))
    }

    @Test func rejectsInvalidJSON() {
        let bad = ["", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "+1", "\"\u{01}\"", "\"\\x\"", "tru", "nul",
                   "{\"a\":1,\"a\":2}", "[1] 2", "{a:1}", "\"\\ud800\"", "\"abc", "[", "1e", "'x'"]
        for text in bad {
            #expect(throws: JSONParseError.self, "\(text)") { try JSONValue(parsing: text) }
        }
        #expect(throws: JSONParseError(offset: 2, reason: "trailing text")) { try JSONValue(parsing: "1 2") }
    }

    @Test func rejectsDeepNestingWithoutTrapping() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: String(repeating: "[", count: 100_000)) }
    }

    @Test func randomGarbageNeverTraps() {
        var rng = SplitMix(seed: 11)
        let alphabet = Array("{}[]\",:-+.eE0123456789 truefalsnul\\u".utf8)
        for _ in 0..<3000 {
            let bytes = (0..<Int(rng.next() % 30)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            _ = try? JSONValue(parsing: String(decoding: bytes, as: UTF8.self))
        }
    }
}
