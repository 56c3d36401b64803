import Primitives

/// Strict readers of Ethereum JSON-RPC values: a garbled field throws `malformedReply`, never reads as zero.
extension JSONValue {
    /// A hex quantity (`0x` + 1...64 hex digits) as U256.
    public func u256(_ what: String) throws(RPCError) -> U256 {
        let s = try hexString(what)
        guard s.count > 2 else { throw RPCError.bad(what, self) }
        do { return try U256(hexDigits: s.dropFirst(2)) } catch { throw RPCError.bad(what, self) }
    }

    /// A hex quantity that must fit 64 bits.
    public func u64(_ what: String) throws(RPCError) -> UInt64 {
        guard let v = try u256(what).uint64 else { throw RPCError.bad(what + " (exceeds 64 bits)", self) }
        return v
    }

    /// `0x`-prefixed bytes with an even number of digits.
    public func bytes(_ what: String) throws(RPCError) -> [UInt8] {
        let s = try hexString(what)
        do { return try Hex.decode(s) } catch { throw RPCError.bad(what, self) }
    }

    /// A 20-byte address.
    public func address(_ what: String) throws(RPCError) -> Address {
        let b = try bytes(what)
        do { return try Address(bytes: b) } catch { throw RPCError.bad(what, self) }
    }

    /// A 32-byte hash.
    public func hash32(_ what: String) throws(RPCError) -> Hash32 {
        let b = try bytes(what)
        do { return try Hash32(bytes: b) } catch { throw RPCError.bad(what, self) }
    }

    /// The member `key`, required.
    public func field(_ key: String, in what: String) throws(RPCError) -> JSONValue {
        guard case .object(let o) = self else { throw RPCError.bad(what + " (expected an object)", self) }
        guard let v = o[key] else { throw RPCError.malformedReply(what: "\(what) has no \(key)", bodyPrefix: .excerpt(self)) }
        return v
    }

    /// The member `key` when present and not null.
    public func optionalField(_ key: String) -> JSONValue? {
        guard let v = self[key], v != .null else { return nil }
        return v
    }

    /// The elements of an array.
    public func elements(_ what: String) throws(RPCError) -> [JSONValue] {
        guard case .array(let a) = self else { throw RPCError.bad(what + " (expected an array)", self) }
        return a
    }

    func hexString(_ what: String) throws(RPCError) -> Substring {
        guard case .string(let s) = self else { throw RPCError.bad(what + " (expected a hex string)", self) }
        let sub = Substring(s)
        guard sub.hasPrefix("0x") || sub.hasPrefix("0X") else { throw RPCError.bad(what + " (no 0x prefix)", self) }
        return sub
    }

    /// A hex quantity string for a request.
    public static func quantity(_ v: U256) -> JSONValue { .string(v.hexString) }
    /// A hex quantity string for a request.
    public static func quantity(_ v: UInt64) -> JSONValue { .string("0x" + String(v, radix: 16)) }
    /// A hex data string for a request.
    public static func data(_ b: some Sequence<UInt8>) -> JSONValue { .string(Hex.encode(b)) }
    /// A lower-case address string for a request.
    public static func address(_ a: Address) -> JSONValue { .string(a.lowercaseHex) }
}

extension RPCError {
    static func bad(_ what: String, _ v: JSONValue) -> RPCError {
        .malformedReply(what: "bad " + what, bodyPrefix: .excerpt(v))
    }
}

extension String {
    static func excerpt(_ v: JSONValue) -> String { String(v.description.prefix(120)) }
}
