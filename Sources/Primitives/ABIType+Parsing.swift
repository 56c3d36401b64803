/// Errors from parsing ABI type strings and human-readable signatures.
public enum ABIParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text ended where more was expected.
    case unexpectedEnd(expected: String)
    /// A character other than the expected one, at this offset.
    case unexpectedCharacter(offset: Int, got: Character, expected: String)
    /// An identifier that names no ABI type.
    case unknownType(offset: Int, name: String)
    /// A size outside the spec's range (uintN/intN: 8...256 step 8; bytesN: 1...32; T[k]: k >= 1).
    case invalidSize(offset: Int, type: String)
    /// A static type whose encoding would exceed the size limit.
    case typeTooLarge(String)
    /// Nesting deeper than `ABIType.maxDepth`.
    case tooDeep(offset: Int)
    /// Text left over after a complete type or signature.
    case trailingText(offset: Int, text: String)
    /// A signature of one kind (function, event, error) where another was asked for.
    case wrongKind(expected: String, got: String)

    public var description: String {
        switch self {
        case .unexpectedEnd(let e): return "unexpected end of text, expected \(e)"
        case .unexpectedCharacter(let o, let c, let e): return "unexpected '\(c)' at offset \(o), expected \(e)"
        case .unknownType(let o, let n): return "unknown type '\(n)' at offset \(o)"
        case .invalidSize(let o, let t): return "invalid size in '\(t)' at offset \(o)"
        case .typeTooLarge(let t): return "type \(t) is too large to encode"
        case .tooDeep(let o): return "type nested too deeply at offset \(o)"
        case .trailingText(let o, let t): return "unexpected trailing text '\(t)' at offset \(o)"
        case .wrongKind(let e, let g): return "expected a\(e == "event" || e == "error" ? "n" : "") \(e) signature, got \(g)"
        }
    }
}

extension ABIType {
    /// The deepest nesting the parsers and the decoder accept.
    public static let maxDepth = 32
    /// The largest encoded size of a static type (head bytes) the parsers and the decoder accept.
    public static let maxStaticSize = 1 << 24

    /// Parses a type: `uint256`, `uint` (= uint256), `int`, `bytes32`, `(uint256,address)[2][]`, `tuple(...)`.
    public init(parsing text: some StringProtocol) throws(ABIParseError) {
        var p = SignatureScanner(String(text))
        let t = try p.type(depth: 0)
        p.skipSpace()
        guard p.atEnd else { throw p.trailing() }
        self = t
    }

    /// Throws when sizes are outside the spec's ranges, nesting is too deep, or a static type is too large.
    public func validate() throws(ABIParseError) {
        if depth > ABIType.maxDepth { throw .tooDeep(offset: 0) }
        switch self {
        case .uint(let n), .int(let n):
            guard n >= 8 && n <= 256 && n % 8 == 0 else { throw .invalidSize(offset: 0, type: description) }
        case .fixedBytes(let n):
            guard n >= 1 && n <= 32 else { throw .invalidSize(offset: 0, type: description) }
        case .address, .bool, .bytes, .string: break
        case .array(let t): try t.validate()
        case .fixedArray(let t, let n):
            guard n >= 1 else { throw .invalidSize(offset: 0, type: description) }
            try t.validate()
            if !t.isDynamic {
                let (size, o) = t.headSize.multipliedReportingOverflow(by: n)
                guard !o && size <= ABIType.maxStaticSize else { throw .typeTooLarge(description) }
            }
        case .tuple(let ts, _):
            for t in ts { try t.validate() }
            if !isDynamic && ts.reduce(0, { $0 + $1.headSize }) > ABIType.maxStaticSize {
                throw .typeTooLarge(description)
            }
        }
    }
}

/// A hand-written scanner shared by the type, signature and value parsers (ASCII grammar over UTF-8 bytes).
struct SignatureScanner {
    let bytes: [UInt8]
    var pos = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { pos >= bytes.count }
    var peek: UInt8? { pos < bytes.count ? bytes[pos] : nil }

    mutating func skipSpace() {
        while let c = peek, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { pos += 1 }
    }

    func character(at i: Int) -> Character { Character(Unicode.Scalar(bytes[i])) }

    func trailing() -> ABIParseError {
        .trailingText(offset: pos, text: String(decoding: bytes[pos...], as: UTF8.self))
    }

    mutating func expect(_ c: UInt8, _ what: String) throws(ABIParseError) {
        skipSpace()
        guard let got = peek else { throw .unexpectedEnd(expected: what) }
        guard got == c else { throw .unexpectedCharacter(offset: pos, got: character(at: pos), expected: what) }
        pos += 1
    }

    static func isIdentifier(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x24
    }

    /// An identifier (letters, digits, `_`, `$`), possibly empty.
    mutating func identifier() -> String {
        skipSpace()
        let start = pos
        while let c = peek, SignatureScanner.isIdentifier(c) { pos += 1 }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    /// One type with its array suffixes; `T[2][]` is a dynamic array of `T[2]` (Solidity suffix order).
    mutating func type(depth: Int) throws(ABIParseError) -> ABIType {
        skipSpace()
        guard depth < ABIType.maxDepth else { throw .tooDeep(offset: pos) }
        let start = pos
        var t: ABIType
        if peek == 0x28 {
            t = try tupleBody(depth: depth)
        } else {
            let name = identifier()
            guard !name.isEmpty else {
                if atEnd { throw .unexpectedEnd(expected: "a type") }
                throw .unexpectedCharacter(offset: pos, got: character(at: pos), expected: "a type")
            }
            if name == "tuple" {
                skipSpace()
                guard peek == 0x28 else { throw .unknownType(offset: start, name: name) }
                t = try tupleBody(depth: depth)
            } else {
                t = try SignatureScanner.elementary(name, offset: start)
            }
        }
        var nesting = depth
        while true {
            skipSpace()
            guard peek == 0x5B else { break }
            pos += 1
            nesting += 1
            guard nesting < ABIType.maxDepth else { throw .tooDeep(offset: pos) }
            skipSpace()
            let digitsStart = pos
            while let c = peek, c >= 0x30 && c <= 0x39 { pos += 1 }
            if pos == digitsStart {
                try expect(0x5D, "']'")
                t = .array(t)
                continue
            }
            let digits = bytes[digitsStart..<pos]
            guard digits.count <= 9, let n = Int(String(decoding: digits, as: UTF8.self)), n >= 1,
                  digits.first != 0x30
            else {
                throw .invalidSize(offset: digitsStart, type: "\(t)[\(String(decoding: digits, as: UTF8.self))]")
            }
            try expect(0x5D, "']'")
            if !t.isDynamic {
                let (size, o) = t.headSize.multipliedReportingOverflow(by: n)
                guard !o && size <= ABIType.maxStaticSize else { throw .typeTooLarge("\(t)[\(n)]") }
            }
            t = .fixedArray(t, n)
        }
        return t
    }

    /// `(T1 name1, T2, ...)`; names are optional and kept.
    mutating func tupleBody(depth: Int) throws(ABIParseError) -> ABIType {
        let params = try parameterList(depth: depth + 1, allowIndexed: false)
        let types = params.map(\.type)
        let names = params.map(\.name)
        let t = ABIType.tuple(types, names: names.allSatisfy(\.isEmpty) ? nil : names)
        if !t.isDynamic && types.reduce(0, { $0 + $1.headSize }) > ABIType.maxStaticSize {
            throw .typeTooLarge(t.description)
        }
        return t
    }

    /// `( param, param, ... )` where a param is `type [indexed] [memory|calldata|storage|payable] [name]`.
    mutating func parameterList(depth: Int, allowIndexed: Bool) throws(ABIParseError) -> [ABIParameter] {
        try expect(0x28, "'('")
        var out: [ABIParameter] = []
        skipSpace()
        if peek == 0x29 {
            pos += 1
            return out
        }
        while true {
            let t = try type(depth: depth)
            var name = ""
            var indexed = false
            while true {
                let save = pos
                let word = identifier()
                if word.isEmpty { break }
                switch word {
                case "indexed" where allowIndexed: indexed = true
                case "memory", "calldata", "storage", "payable": break
                default:
                    guard name.isEmpty else {
                        pos = save
                        skipSpace()
                        throw .unexpectedCharacter(offset: pos, got: character(at: pos), expected: "',' or ')'")
                    }
                    name = word
                }
            }
            out.append(ABIParameter(name: name, type: t, indexed: indexed))
            skipSpace()
            guard let c = peek else { throw .unexpectedEnd(expected: "',' or ')'") }
            pos += 1
            if c == 0x29 { return out }
            guard c == 0x2C else {
                throw .unexpectedCharacter(offset: pos - 1, got: character(at: pos - 1), expected: "',' or ')'")
            }
        }
    }

    /// The elementary type named `name` (`uint`/`int` alias 256 bits; `byte` is bytes1).
    static func elementary(_ name: String, offset: Int) throws(ABIParseError) -> ABIType {
        switch name {
        case "address": return .address
        case "bool": return .bool
        case "string": return .string
        case "bytes": return .bytes
        case "byte": return .fixedBytes(1)
        case "uint": return .uint(256)
        case "int": return .int(256)
        case "function": return .fixedBytes(24)
        default: break
        }
        for (prefix, make) in [("uint", ABIType.uint), ("int", ABIType.int), ("bytes", ABIType.fixedBytes)] {
            guard name.hasPrefix(prefix) else { continue }
            let digits = name.dropFirst(prefix.count)
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { break }
            guard digits.first != "0", digits.count <= 3, let n = Int(digits) else {
                throw .invalidSize(offset: offset, type: name)
            }
            let ok = prefix == "bytes" ? (1...32).contains(n) : (n >= 8 && n <= 256 && n % 8 == 0)
            guard ok else { throw .invalidSize(offset: offset, type: name) }
            return make(n)
        }
        throw .unknownType(offset: offset, name: name)
    }
}
