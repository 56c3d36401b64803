import Primitives

/// The JSON form of a decoded ABI value: integers as decimal strings, addresses EIP-55, bytes 0x-hex,
/// booleans and strings as themselves, arrays and tuples as arrays.
enum ABIValueView {
    static func field(_ value: ABIValue) -> FieldValue {
        switch value {
        case .uint(let v): .string(v.decimalString)
        case .int(let v): .string(v.decimalString)
        case .address(let a): .string(a.checksummed)
        case .bool(let b): .bool(b)
        case .fixedBytes(let b), .bytes(let b): .string(Hex.encode(b))
        case .string(let s): .string(s)
        case .array(let vs), .tuple(let vs): .list(vs.map(field))
        }
    }
}
