/// Typed views of decoded values, for callers that know the shape (typed calls, CLI renderers).
extension ABIValue {
    /// The `uintN` value, or nil for other cases.
    public var uintValue: U256? {
        if case .uint(let v) = self { return v }
        return nil
    }

    /// The `intN` value, or nil for other cases.
    public var intValue: I256? {
        if case .int(let v) = self { return v }
        return nil
    }

    /// The address, or nil for other cases.
    public var addressValue: Address? {
        if case .address(let v) = self { return v }
        return nil
    }

    /// The bool, or nil for other cases.
    public var boolValue: Bool? {
        if case .bool(let v) = self { return v }
        return nil
    }

    /// The bytes of `bytes` or `bytesN`, or nil for other cases.
    public var bytesValue: [UInt8]? {
        switch self {
        case .bytes(let b), .fixedBytes(let b): return b
        default: return nil
        }
    }

    /// The string, or nil for other cases.
    public var stringValue: String? {
        if case .string(let v) = self { return v }
        return nil
    }

    /// The elements of an array or the components of a tuple, or nil for other cases.
    public var elements: [ABIValue]? {
        switch self {
        case .array(let vs), .tuple(let vs): return vs
        default: return nil
        }
    }
}
