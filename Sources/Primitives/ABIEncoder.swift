/// ABI encoding and decoding entry points (Solidity ABI spec, "Formal Specification of the Encoding").
public enum ABI {
    /// Encodes `values` as the tuple `(types...)`, as `abi.encode` does; checks every value against its type.
    public static func encode(types: [ABIType], values: [ABIValue]) throws(ABIEncodingError) -> [UInt8] {
        for t in types {
            do { try t.validate() } catch { throw .invalidType(error) }
        }
        try ABIValue.tuple(values).check(against: .tuple(types), path: "value")
        var out: [UInt8] = []
        ABIWriter.tuple(types, values, into: &out)
        return out
    }

    /// Encodes one value of one type (`abi.encode(v)`).
    public static func encode(_ value: ABIValue, as type: ABIType) throws(ABIEncodingError) -> [UInt8] {
        try encode(types: [type], values: [value])
    }
}

/// The encoder proper; values are already checked against their types.
enum ABIWriter {
    /// enc((X1,...,Xk)) = head(X1) ... head(Xk) tail(X1) ... tail(Xk), where head(Xi) is enc(Xi) for static Xi
    /// and the offset of tail(Xi) from the tuple start for dynamic Xi (spec).
    static func tuple(_ types: [ABIType], _ values: [ABIValue], into out: inout [UInt8]) {
        let start = out.count
        var offsetSlots: [(slot: Int, index: Int)] = []
        for (i, t) in types.enumerated() {
            if t.isDynamic {
                offsetSlots.append((out.count, i))
                out.append(contentsOf: repeatElement(0, count: 32))
            } else {
                value(t, values[i], into: &out)
            }
        }
        for (slot, i) in offsetSlots {
            writeWord(U256(UInt64(out.count - start)), at: slot, in: &out)
            value(types[i], values[i], into: &out)
        }
    }

    static func writeWord(_ v: U256, at slot: Int, in out: inout [UInt8]) {
        for (j, b) in v.bigEndianBytes.enumerated() { out[slot + j] = b }
    }

    static func word(_ n: Int, into out: inout [UInt8]) {
        out.append(contentsOf: U256(UInt64(n)).bigEndianBytes)
    }

    /// bytes, string: enc(k) followed by the bytes right-padded to a multiple of 32 (spec).
    static func padded(_ b: [UInt8], into out: inout [UInt8]) {
        word(b.count, into: &out)
        out.append(contentsOf: b)
        out.append(contentsOf: repeatElement(0, count: (32 - b.count % 32) % 32))
    }

    static func value(_ type: ABIType, _ value: ABIValue, into out: inout [UInt8]) {
        switch (type, value) {
        case (_, .uint(let v)), (_, .int(let v)): out.append(contentsOf: v.bigEndianBytes)
        case (_, .address(let b)):
            out.append(contentsOf: repeatElement(0, count: 12))
            out.append(contentsOf: b)
        case (_, .bool(let b)):
            out.append(contentsOf: repeatElement(0, count: 31))
            out.append(b ? 1 : 0)
        case (_, .fixedBytes(let b)):
            out.append(contentsOf: b)
            out.append(contentsOf: repeatElement(0, count: 32 - b.count))
        case (_, .bytes(let b)): padded(b, into: &out)
        case (_, .string(let s)): padded(Array(s.utf8), into: &out)
        case (.array(let t), .array(let vs)):
            word(vs.count, into: &out)
            tuple(Array(repeating: t, count: vs.count), vs, into: &out)
        case (.fixedArray(let t, _), .array(let vs)):
            tuple(Array(repeating: t, count: vs.count), vs, into: &out)
        case (.tuple(let ts, _), .tuple(let vs)): tuple(ts, vs, into: &out)
        default: break  // unreachable after check(against:)
        }
    }
}

extension ABIFunction {
    /// Calldata: the 4-byte selector followed by the ABI encoding of the arguments (spec, "Function Selector and
    /// Argument Encoding").
    public func encodeCall(_ values: [ABIValue]) throws(ABIEncodingError) -> [UInt8] {
        selector + (try ABI.encode(types: inputTypes, values: values))
    }
}

extension ABIError {
    /// Revert data for this error: the selector followed by the encoded arguments.
    public func encode(_ values: [ABIValue]) throws(ABIEncodingError) -> [UInt8] {
        selector + (try ABI.encode(types: inputs.map(\.type), values: values))
    }
}
