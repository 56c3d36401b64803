import Testing

@testable import Primitives

@Suite struct ABIValueParsingTests {
    func parse(_ text: String, _ type: String) throws -> ABIValue {
        try ABIValue.parse(text, as: try ABIType(parsing: type))
    }

    @Test func parsesScalars() throws {
        #expect(try parse("42", "uint256") == .uint(42))
        #expect(try parse("0x2a", "uint8") == .uint(42))
        #expect(try parse("-128", "int8") == .signed(-128))
        #expect(try parse("127", "int8") == .signed(127))
        #expect(try parse("-0x10", "int256") == .signed(-16))
        #expect(try parse("true", "bool") == .bool(true))
        #expect(try parse("false", "bool") == .bool(false))
        #expect(try parse("hello world", "string") == .string("hello world"))
        #expect(try parse("\"quoted, \\\"x\\\"\"", "string") == .string("quoted, \"x\""))
        #expect(try parse("0x", "bytes") == .bytes([]))
        #expect(try parse("0x0102", "bytes2") == .fixedBytes([1, 2]))
        #expect(try parse("0x" + String(repeating: "ab", count: 20), "address") == .address([UInt8](repeating: 0xab, count: 20)))
    }

    @Test func parsesCompositeValues() throws {
        #expect(try parse("[1,2,3]", "uint256[]") == .array([.uint(1), .uint(2), .uint(3)]))
        #expect(try parse(" [ ] ", "uint256[]") == .array([]))
        #expect(try parse("[[1],[2,3]]", "uint8[][]") == .array([.array([.uint(1)]), .array([.uint(2), .uint(3)])]))
        #expect(try parse("(0x0000000000000000000000000000000000000001, 5)", "(address,uint256)")
            == .tuple([.address([UInt8](repeating: 0, count: 19) + [1]), .uint(5)]))
        #expect(try parse("[(a, 1), (\"b,c\", 2)]", "(string,int8)[]")
            == .array([.tuple([.string("a"), .signed(1)]), .tuple([.string("b,c"), .signed(2)])]))
        #expect(try parse("[true,false]", "bool[2]") == .array([.bool(true), .bool(false)]))
    }

    @Test func rejectsBadValuesNamingTheArgument() throws {
        #expect(throws: ABIValueParseError.invalid(path: "argument 1", type: "uint8", text: "256", reason: "out of range")) {
            try ABIValue.parse(arguments: ["1", "256"], as: [.uint(8), .uint(8)])
        }
        #expect(throws: ABIValueParseError.argumentCount(expected: 2, got: 1)) {
            try ABIValue.parse(arguments: ["1"], as: [.uint(8), .uint(8)])
        }
        let bad: [(String, String)] = [
            ("-1", "uint256"), ("128", "int8"), ("-129", "int8"), ("yes", "bool"), ("0x01", "address"),
            ("1234", "bytes"), ("0x0", "bytes"), ("0x01", "bytes2"), ("[1,2", "uint8[]"), ("[1,2,3]", "uint8[2]"),
            ("(1)", "(uint8,uint8)"), ("(1,2,3)", "(uint8,uint8)"), ("[1] x", "uint8[]"), ("\"abc", "string"),
            ("", "uint8"), ("1 2", "uint8"), ("[1;2]", "uint8[]"), ("12a", "uint256"),
        ]
        for (text, type) in bad {
            #expect(throws: ABIValueParseError.self, "\(text) as \(type)") { try parse(text, type) }
        }
    }

    @Test func parsedValuesEncode() throws {
        let t = try ABIType(parsing: "(address,uint256)[]")
        let v = try ABIValue.parse("[(0x1111111111111111111111111111111111111111, 1)]", as: t)
        #expect(try ABI.decode(t, data: try ABI.encode(v, as: t)) == v)
    }
}
