import Testing

@testable import Primitives

@Suite struct ABIFunctionTests {
    @Test func knownSelectors() throws {
        let known: [(String, String)] = [
            ("transfer(address,uint256)", "0xa9059cbb"), ("approve(address,uint256)", "0x095ea7b3"),
            ("balanceOf(address)", "0x70a08231"), ("swap(uint256,uint256,address,bytes)", "0x022c0d9f"),
            ("Error(string)", "0x08c379a0"), ("Panic(uint256)", "0x4e487b71"),
            ("aggregate3((address,bool,bytes)[])", "0x82ad56cb"), ("getReserves()", "0x0902f1ac"),
            ("swap(address,bool,int256,uint160,bytes)", "0x128acb08"),
            ("exactInputSingle((address,address,uint24,address,uint256,uint256,uint160))", "0x04e45aaf"),
            ("flashLoan(address,address[],uint256[],bytes)", "0x5c38449e"),
            ("exchange(int128,int128,uint256,uint256)", "0x3df02124"),
        ]
        for (sig, selector) in known {
            let f = try ABIFunction(signature: sig)
            #expect(f.signature == sig)
            #expect(Hex.encode(f.selector) == selector, "\(sig)")
        }
    }

    @Test func transferEventTopic() throws {
        let e = try ABIEvent(signature: "event Transfer(address indexed from, address indexed to, uint256 value)")
        #expect(e.signature == "Transfer(address,address,uint256)")
        #expect(e.topic0.description == "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")
        #expect(e.inputs.map(\.indexed) == [true, true, false])
        #expect(e.topicCount == 3)
    }

    @Test func parsesHumanReadableFunctions() throws {
        let f = try ABIFunction(signature: "function balanceOf(address owner) view returns (uint256)")
        #expect(f.name == "balanceOf")
        #expect(f.inputs == [ABIParameter(name: "owner", type: .address)])
        #expect(f.outputs == [ABIParameter(type: .uint256)])
        #expect(f.stateMutability == "view")
        #expect(f.description == "function balanceOf(address owner) view returns (uint256)")
        let g = try ABIFunction(
            signature: "function multi((address to, uint amount)[] calldata legs, bytes memory data) external payable returns (bool ok, uint256[] memory out)")
        #expect(g.signature == "multi((address,uint256)[],bytes)")
        #expect(g.outputs.map(\.name) == ["ok", "out"])
        #expect(g.stateMutability == "payable")
    }

    @Test func parsesErrorsAndAnonymousEvents() throws {
        let e = try ABIError(signature: "error InsufficientBalance(uint256 available, uint256 required)")
        #expect(e.signature == "InsufficientBalance(uint256,uint256)")
        #expect(e.inputs.map(\.name) == ["available", "required"])
        #expect(try ABIError(signature: "Unauthorized()").signature == "Unauthorized()")
        let a = try ABIEvent(signature: "event Ping(uint256 indexed n) anonymous")
        #expect(a.anonymous && a.topicCount == 1)
    }

    @Test func rejectsMalformedSignatures() {
        let bad = ["", "transfer", "transfer(", "transfer(address", "transfer(address,)", "transfer(address) x",
                   "function (uint256)", "1abc()", "f(uint7)", "f(address a b)", "function f() returns", "f()]",
                   "function f(uint256 indexed a)", "event E(uint256) returns (uint256)"]
        for s in bad {
            #expect(throws: ABIParseError.self, "\(s)") { try ABIFunction(signature: s) }
        }
        #expect(throws: ABIParseError.self) { try ABIFunction(signature: "event Transfer(address)") }
        #expect(throws: ABIParseError.self) { try ABIEvent(signature: "function f()") }
        #expect(throws: ABIParseError.self) { try ABIError(signature: "event E()") }
    }

    @Test func encodeCallAndDecodeInputRoundTrip() throws {
        let f = try ABIFunction(signature: "transfer(address,uint256)")
        let to = try [UInt8](hex: "0x1111111111111111111111111111111111111111")
        let data = try f.encodeCall([.address(to), .uint(1000)])
        #expect(Hex.encode(data) == "0xa9059cbb" + "000000000000000000000000" + "1111111111111111111111111111111111111111"
            + String(repeating: "0", count: 61) + "3e8")
        #expect(try f.decodeInput(data) == [.address(to), .uint(1000)])
        var wrong = data
        wrong[0] = 0
        #expect(throws: ABIDecodingError.selectorMismatch(expected: "0xa9059cbb", got: "0x00059cbb")) {
            try f.decodeInput(wrong)
        }
        #expect(throws: ABIDecodingError.self) { try f.decodeInput([0xa9]) }
    }

    @Test func decodeOutput() throws {
        let f = try ABIFunction(signature: "function getReserves() view returns (uint112, uint112, uint32)")
        let data = try ABI.encode(types: f.outputTypes, values: [.uint(5), .uint(7), .uint(9)])
        #expect(try f.decodeOutput(data) == [.uint(5), .uint(7), .uint(9)])
    }
}
