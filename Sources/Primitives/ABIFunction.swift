/// A named parameter of a function, event or error (`address indexed from`).
public struct ABIParameter: Hashable, Sendable, CustomStringConvertible {
    /// The parameter name, empty when unnamed.
    public var name: String
    /// The parameter type.
    public var type: ABIType
    /// Whether an event parameter is `indexed` (stored as a topic).
    public var indexed: Bool

    /// A parameter from its parts.
    public init(name: String = "", type: ABIType, indexed: Bool = false) {
        self.name = name
        self.type = type
        self.indexed = indexed
    }

    /// Human-readable form: `address indexed from`.
    public var description: String {
        [type.description, indexed ? "indexed" : "", name].filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// A parsed human-readable signature (`function f(uint256 a) view returns (bool)`, `event E(...)`, `error X(...)`).
struct ParsedSignature {
    var kind: String  // "function", "event", "error" or "" when no keyword was given
    var name: String
    var inputs: [ABIParameter]
    var outputs: [ABIParameter] = []
    var stateMutability: String? = nil
    var anonymous = false

    init(_ text: String) throws(ABIParseError) {
        var p = SignatureScanner(text)
        var word = p.identifier()
        kind = ""
        if ["function", "event", "error"].contains(word) {
            kind = word
            word = p.identifier()
        }
        guard !word.isEmpty, let first = word.unicodeScalars.first, !("0"..."9").contains(first) else {
            p.skipSpace()
            if p.atEnd { throw .unexpectedEnd(expected: "a name") }
            throw .unexpectedCharacter(offset: p.pos, got: p.character(at: p.pos), expected: "a name")
        }
        name = word
        inputs = try p.parameterList(depth: 0, allowIndexed: kind == "event" || kind == "")
        while true {
            let save = p.pos
            let w = p.identifier()
            switch w {
            case "": break
            case "view", "pure", "payable", "nonpayable": stateMutability = w; continue
            case "external", "public", "internal", "private", "virtual", "override": continue
            case "anonymous" where kind == "event" || kind == "": anonymous = true; continue
            case "returns":
                outputs = try p.parameterList(depth: 0, allowIndexed: false)
                continue
            default:
                p.pos = save
                p.skipSpace()
                throw p.trailing()
            }
            break
        }
        p.skipSpace()
        guard p.atEnd else { throw p.trailing() }
        if kind != "event" && (inputs.contains { $0.indexed }) {
            throw .wrongKind(expected: "event", got: kind.isEmpty ? "a signature with indexed parameters" : kind)
        }
    }

    var canonical: String { name + "(" + inputs.map(\.type.description).joined(separator: ",") + ")" }
}

/// A contract function: name, inputs, outputs; computes the canonical signature and 4-byte selector.
public struct ABIFunction: Hashable, Sendable, CustomStringConvertible {
    /// The function name.
    public var name: String
    /// The input parameters.
    public var inputs: [ABIParameter]
    /// The output parameters (empty when unknown).
    public var outputs: [ABIParameter]
    /// `view`, `pure`, `payable`, `nonpayable`, or nil when not given.
    public var stateMutability: String?

    /// A function from its parts.
    public init(name: String, inputs: [ABIParameter], outputs: [ABIParameter] = [], stateMutability: String? = nil) {
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
        self.stateMutability = stateMutability
    }

    /// Parses `swap(uint256,uint256,address,bytes)` or `function balanceOf(address owner) view returns (uint256)`.
    public init(signature: some StringProtocol) throws(ABIParseError) {
        let s = try ParsedSignature(String(signature))
        guard s.kind == "function" || (s.kind.isEmpty && !s.anonymous) else {
            throw .wrongKind(expected: "function", got: s.kind.isEmpty ? "anonymous event" : s.kind)
        }
        self.init(name: s.name, inputs: s.inputs, outputs: s.outputs, stateMutability: s.stateMutability)
    }

    /// The canonical signature hashed for the selector: `name(type1,type2)` with canonical types, no names.
    public var signature: String { name + "(" + inputs.map(\.type.description).joined(separator: ",") + ")" }

    /// The 4-byte selector: the first 4 bytes of keccak256(signature) (spec, "Function Selector").
    public var selector: [UInt8] { Array(Keccak256.hash(utf8: signature).bytes.prefix(4)) }

    /// The input types.
    public var inputTypes: [ABIType] { inputs.map(\.type) }
    /// The output types.
    public var outputTypes: [ABIType] { outputs.map(\.type) }

    /// Human-readable form: `function balanceOf(address owner) view returns (uint256)`.
    public var description: String {
        var s = "function \(name)(" + inputs.map(\.description).joined(separator: ", ") + ")"
        if let m = stateMutability { s += " \(m)" }
        if !outputs.isEmpty { s += " returns (" + outputs.map(\.description).joined(separator: ", ") + ")" }
        return s
    }
}

/// A custom Solidity error (`error InsufficientBalance(uint256 available, uint256 required)`).
public struct ABIError: Hashable, Sendable, CustomStringConvertible {
    /// The error name.
    public var name: String
    /// The error parameters.
    public var inputs: [ABIParameter]

    /// An error from its parts.
    public init(name: String, inputs: [ABIParameter]) {
        self.name = name
        self.inputs = inputs
    }

    /// Parses `error InsufficientBalance(uint256 available, uint256 required)` or `Unauthorized()`.
    public init(signature: some StringProtocol) throws(ABIParseError) {
        let s = try ParsedSignature(String(signature))
        guard s.kind == "error" || (s.kind.isEmpty && !s.anonymous && s.outputs.isEmpty) else {
            throw .wrongKind(expected: "error", got: s.kind.isEmpty ? "a function with outputs" : s.kind)
        }
        self.init(name: s.name, inputs: s.inputs)
    }

    /// The canonical signature: `name(type1,type2)`.
    public var signature: String { name + "(" + inputs.map(\.type.description).joined(separator: ",") + ")" }

    /// The 4-byte selector that prefixes revert data carrying this error.
    public var selector: [UInt8] { Array(Keccak256.hash(utf8: signature).bytes.prefix(4)) }

    /// Human-readable form: `error InsufficientBalance(uint256 available, uint256 required)`.
    public var description: String {
        "error \(name)(" + inputs.map(\.description).joined(separator: ", ") + ")"
    }
}
