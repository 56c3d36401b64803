/// Errors from EIP-712 typed data: malformed JSON, unknown types, values that do not fit their types.
public enum EIP712Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// The JSON text did not parse.
    case invalidJSON(JSONParseError)
    /// A required member is missing (`path` names where).
    case missing(path: String)
    /// A member of the wrong JSON kind.
    case wrongKind(path: String, expected: String)
    /// A type name that is neither atomic nor defined in `types`.
    case unknownType(path: String, type: String)
    /// A value that does not fit its type.
    case invalidValue(path: String, type: String, reason: String)

    public var description: String {
        switch self {
        case .invalidJSON(let e): return "typed data: \(e)"
        case .missing(let p): return "typed data: missing \(p)"
        case .wrongKind(let p, let e): return "typed data: \(p) must be \(e)"
        case .unknownType(let p, let t): return "typed data: unknown type '\(t)' at \(p)"
        case .invalidValue(let p, let t, let r): return "typed data: \(p) is not a valid \(t): \(r)"
        }
    }
}

/// EIP-712 typed structured data (`eth_signTypedData_v4` JSON): types, primaryType, domain, message.
public struct TypedData: Equatable, Sendable {
    /// One member of a struct type.
    public struct Field: Equatable, Sendable {
        /// The member name.
        public var name: String
        /// The member type (`uint256`, `Person`, `Person[]`, `bytes32[2]`).
        public var type: String
    }

    /// The struct types by name (including `EIP712Domain` when given).
    public var types: [String: [Field]]
    /// The type of `message`.
    public var primaryType: String
    /// The domain object.
    public var domain: JSONValue
    /// The message object.
    public var message: JSONValue

    /// EIP712Domain members in the order EIP-712 fixes, used when `types` omits EIP712Domain.
    static let domainFields: [Field] = [
        Field(name: "name", type: "string"), Field(name: "version", type: "string"),
        Field(name: "chainId", type: "uint256"), Field(name: "verifyingContract", type: "address"),
        Field(name: "salt", type: "bytes32"),
    ]

    /// Typed data from parsed JSON of the standard form `{types, primaryType, domain, message}`.
    public init(json: JSONValue) throws(EIP712Error) {
        guard case .object(let root) = json else { throw .wrongKind(path: "typed data", expected: "an object") }
        guard let typesJSON = root["types"] else { throw .missing(path: "types") }
        guard case .object(let typeMap) = typesJSON else { throw .wrongKind(path: "types", expected: "an object") }
        var types: [String: [Field]] = [:]
        for (name, fieldsJSON) in typeMap {
            guard case .array(let items) = fieldsJSON else {
                throw .wrongKind(path: "types.\(name)", expected: "an array")
            }
            var fields: [Field] = []
            for (i, item) in items.enumerated() {
                guard case .string(let n)? = item["name"], case .string(let t)? = item["type"] else {
                    throw .wrongKind(path: "types.\(name)[\(i)]", expected: "{\"name\": string, \"type\": string}")
                }
                fields.append(Field(name: n, type: t))
            }
            types[name] = fields
        }
        if types["EIP712Domain"] == nil, case .object(let d)? = root["domain"] {
            types["EIP712Domain"] = TypedData.domainFields.filter { d[$0.name] != nil }
        }
        guard case .string(let primary)? = root["primaryType"] else {
            throw .wrongKind(path: "primaryType", expected: "a string")
        }
        self.types = types
        self.primaryType = primary
        self.domain = root["domain"] ?? .object([:])
        self.message = root["message"] ?? .null
        guard types[primary] != nil else { throw .unknownType(path: "primaryType", type: primary) }
    }

    /// Typed data from JSON text.
    public init(jsonText: some StringProtocol) throws(EIP712Error) {
        let json: JSONValue
        do { json = try JSONValue(parsing: jsonText) } catch { throw .invalidJSON(error) }
        try self.init(json: json)
    }

    /// The struct type name inside `type`, with all array suffixes removed.
    static func baseName(_ type: String) -> String {
        guard let i = type.firstIndex(of: "[") else { return type }
        return String(type[..<i])
    }

    /// encodeType: `Name(type1 name1,...)` followed by every referenced struct type, sorted by name (EIP-712).
    public func encodeType(_ name: String) throws(EIP712Error) -> String {
        var deps = Set<String>()
        try collect(name, into: &deps)
        deps.remove(name)
        var out = ""
        for n in [name] + deps.sorted() {
            let fields = types[n] ?? []
            out += n + "(" + fields.map { "\($0.type) \($0.name)" }.joined(separator: ",") + ")"
        }
        return out
    }

    func collect(_ name: String, into deps: inout Set<String>) throws(EIP712Error) {
        guard let fields = types[name] else { throw .unknownType(path: "types", type: name) }
        guard deps.insert(name).inserted else { return }
        for f in fields {
            let base = TypedData.baseName(f.type)
            if types[base] != nil { try collect(base, into: &deps) }
        }
    }

    /// typeHash = keccak256(encodeType(name)).
    public func typeHash(of name: String) throws(EIP712Error) -> Hash32 {
        Keccak256.hash(utf8: try encodeType(name))
    }

    /// hashStruct(s) = keccak256(typeHash ‖ encodeData(s)).
    public func hashStruct(_ name: String, _ value: JSONValue, path: String = "message") throws(EIP712Error)
        -> Hash32
    {
        var out = try typeHash(of: name).bytes
        out += try encodeData(name, value, path: path)
        return Keccak256.hash(out)
    }

    /// encodeData: each member's 32-byte encoding, in the type's member order.
    public func encodeData(_ name: String, _ value: JSONValue, path: String = "message") throws(EIP712Error)
        -> [UInt8]
    {
        guard let fields = types[name] else { throw .unknownType(path: path, type: name) }
        guard case .object(let members) = value else { throw .wrongKind(path: path, expected: "an object") }
        var out: [UInt8] = []
        out.reserveCapacity(32 * fields.count)
        for f in fields {
            guard let v = members[f.name] else { throw .missing(path: "\(path).\(f.name)") }
            out += try encodeField(f.type, v, path: "\(path).\(f.name)")
        }
        return out
    }

    /// One member as 32 bytes: structs by hashStruct, arrays as keccak256(concat(enc(elem))), bytes and string
    /// as keccak256 of their contents, atomic types as their ABI word (EIP-712 "Definition of encodeData").
    func encodeField(_ type: String, _ value: JSONValue, path: String) throws(EIP712Error) -> [UInt8] {
        if type.hasSuffix("]"), let open = type.lastIndex(of: "[") {
            let inner = String(type[..<open])
            let sizeText = type[type.index(after: open)..<type.index(before: type.endIndex)]
            guard case .array(let items) = value else { throw .wrongKind(path: path, expected: "an array") }
            if !sizeText.isEmpty {
                guard let n = Int(sizeText), n == items.count else {
                    throw .invalidValue(path: path, type: type, reason: "expected \(sizeText) elements, got \(items.count)")
                }
            }
            var concat: [UInt8] = []
            for (i, item) in items.enumerated() { concat += try encodeField(inner, item, path: "\(path)[\(i)]") }
            return Keccak256.hash(concat).bytes
        }
        if types[type] != nil { return try hashStruct(type, value, path: path).bytes }
        switch type {
        case "string":
            guard case .string(let s) = value else { throw .wrongKind(path: path, expected: "a string") }
            return Keccak256.hash(Array(s.utf8)).bytes
        case "bytes":
            return Keccak256.hash(try TypedData.hexBytes(value, path: path, type: type)).bytes
        default: break
        }
        let abiType: ABIType
        do { abiType = try ABIType(parsing: type) } catch { throw .unknownType(path: path, type: type) }
        let v = try TypedData.atomic(abiType, value, path: path)
        do { return try ABI.encode(v, as: abiType) } catch {
            throw .invalidValue(path: path, type: type, reason: error.description)
        }
    }

    static func hexBytes(_ value: JSONValue, path: String, type: String) throws(EIP712Error) -> [UInt8] {
        guard case .string(let s) = value else { throw .wrongKind(path: path, expected: "a 0x hex string") }
        guard s.hasPrefix("0x") || s.hasPrefix("0X") else {
            throw .invalidValue(path: path, type: type, reason: "expected 0x-prefixed hex")
        }
        do { return try Hex.decode(s) } catch { throw .invalidValue(path: path, type: type, reason: error.description) }
    }

    /// An atomic value from JSON: numbers or decimal/hex strings for integers, bools, hex for address and bytesN.
    static func atomic(_ type: ABIType, _ value: JSONValue, path: String) throws(EIP712Error) -> ABIValue {
        switch type {
        case .bool:
            guard case .bool(let b) = value else { throw .wrongKind(path: path, expected: "true or false") }
            return .bool(b)
        case .address:
            let b = try hexBytes(value, path: path, type: "address")
            guard b.count == 20 else { throw .invalidValue(path: path, type: "address", reason: "got \(b.count) bytes") }
            return .address(b)
        case .fixedBytes(let n):
            let b = try hexBytes(value, path: path, type: "\(type)")
            // bytesN values shorter than N are right-padded, as the word encoding pads them.
            guard b.count <= n else { throw .invalidValue(path: path, type: "\(type)", reason: "got \(b.count) bytes") }
            return .fixedBytes(b + [UInt8](repeating: 0, count: n - b.count))
        case .uint, .int:
            let text: String
            switch value {
            case .number(let s), .string(let s): text = s
            default: throw .wrongKind(path: path, expected: "a number or a decimal or 0x string")
            }
            do { return try ABIValue.parse(text, as: type, path: path) } catch {
                throw .invalidValue(path: path, type: "\(type)", reason: error.description)
            }
        default:
            throw .unknownType(path: path, type: "\(type)")
        }
    }

    /// domainSeparator = hashStruct(EIP712Domain, domain).
    public func domainSeparator() throws(EIP712Error) -> Hash32 {
        try hashStruct("EIP712Domain", domain, path: "domain")
    }

    /// The digest to sign: keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ hashStruct(message)) (EIP-712).
    public func signingHash() throws(EIP712Error) -> Hash32 {
        var out: [UInt8] = [0x19, 0x01]
        out += try domainSeparator().bytes
        out += try hashStruct(primaryType, message).bytes
        return Keccak256.hash(out)
    }
}
