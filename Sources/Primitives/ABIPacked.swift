extension ABI {
    /// Non-standard packed encoding, as Solidity's `abi.encodePacked` (spec, "Non-standard Packed Mode"):
    /// elementary types use their minimal width without padding (uintN/intN: N/8 bytes, address: 20, bool: 1,
    /// bytesN: N), bytes and string are raw, and array elements are padded to 32 bytes each. Tuples (structs) and
    /// nested dynamic arrays are not supported by Solidity and throw.
    public static func encodePacked(types: [ABIType], values: [ABIValue]) throws(ABIEncodingError) -> [UInt8] {
        for t in types {
            do { try t.validate() } catch { throw .invalidType(error) }
        }
        try ABIValue.tuple(values).check(against: .tuple(types), path: "value")
        var out: [UInt8] = []
        for (i, (t, v)) in zip(types, values).enumerated() {
            try packed(t, v, inArray: false, path: "value.\(i)", into: &out)
        }
        return out
    }

    static func packed(
        _ type: ABIType, _ value: ABIValue, inArray: Bool, path: String, into out: inout [UInt8]
    ) throws(ABIEncodingError) {
        switch (type, value) {
        case (.uint(let n), .uint(let v)), (.int(let n), .int(let v)):
            out.append(contentsOf: v.bigEndianBytes.suffix(inArray ? 32 : n / 8))
        case (.address, .address(let b)):
            if inArray { out.append(contentsOf: repeatElement(0, count: 12)) }
            out.append(contentsOf: b)
        case (.bool, .bool(let b)):
            if inArray { out.append(contentsOf: repeatElement(0, count: 31)) }
            out.append(b ? 1 : 0)
        case (.fixedBytes, .fixedBytes(let b)):
            out.append(contentsOf: b)
            if inArray { out.append(contentsOf: repeatElement(0, count: 32 - b.count)) }
        case (.bytes, .bytes(let b)) where !inArray: out.append(contentsOf: b)
        case (.string, .string(let s)) where !inArray: out.append(contentsOf: s.utf8)
        case (.array(let t), .array(let vs)) where !inArray, (.fixedArray(let t, _), .array(let vs)) where !inArray:
            for (i, v) in vs.enumerated() { try packed(t, v, inArray: true, path: "\(path)[\(i)]", into: &out) }
        default:
            throw .typeMismatch(path: path, expected: "a type abi.encodePacked supports", got: "\(type)")
        }
    }
}
