/// A Solidity ABI type (Solidity ABI spec, "Types" and "Formal Specification of the Encoding").
public indirect enum ABIType: Hashable, Sendable, CustomStringConvertible {
    /// `uintN`, 8 <= N <= 256, N % 8 == 0.
    case uint(Int)
    /// `intN`, two's complement, 8 <= N <= 256, N % 8 == 0.
    case int(Int)
    /// `address` (20 bytes, encoded as uint160).
    case address
    /// `bool` (encoded as uint8 restricted to 0 or 1).
    case bool
    /// `bytesN`, 1 <= N <= 32, right-padded.
    case fixedBytes(Int)
    /// Dynamic `bytes`.
    case bytes
    /// Dynamic `string` (UTF-8 bytes).
    case string
    /// `T[]`, a dynamic-length array.
    case array(ABIType)
    /// `T[k]`, a fixed-length array.
    case fixedArray(ABIType, Int)
    /// `(T1,...,Tk)`, a tuple; component names are kept for display only and never affect equality of encoding.
    case tuple([ABIType], names: [String]? = nil)

    /// `uint256`.
    public static let uint256 = ABIType.uint(256)
    /// `int256`.
    public static let int256 = ABIType.int(256)
    /// `bytes32`.
    public static let bytes32 = ABIType.fixedBytes(32)

    /// Whether the type is dynamic: bytes, string, T[], T[k] with dynamic T, tuples with a dynamic component (spec).
    public var isDynamic: Bool {
        switch self {
        case .uint, .int, .address, .bool, .fixedBytes: return false
        case .bytes, .string, .array: return true
        case .fixedArray(let t, let n): return n > 0 && t.isDynamic
        case .tuple(let ts, _): return ts.contains { $0.isDynamic }
        }
    }

    /// Bytes this type takes in the head of an enclosing tuple: 32 for dynamic types (an offset), else its full size.
    public var headSize: Int {
        switch self {
        case .uint, .int, .address, .bool, .fixedBytes, .bytes, .string, .array: return 32
        case .fixedArray(let t, let n): return t.isDynamic ? 32 : n * t.headSize
        case .tuple(let ts, _): return ts.contains { $0.isDynamic } ? 32 : ts.reduce(0) { $0 + $1.headSize }
        }
    }

    /// The canonical type string used in signatures: `uint256`, `(address,uint256)[]`, `bytes32[3][]`.
    public var description: String {
        switch self {
        case .uint(let n): return "uint\(n)"
        case .int(let n): return "int\(n)"
        case .address: return "address"
        case .bool: return "bool"
        case .fixedBytes(let n): return "bytes\(n)"
        case .bytes: return "bytes"
        case .string: return "string"
        case .array(let t): return "\(t)[]"
        case .fixedArray(let t, let n): return "\(t)[\(n)]"
        case .tuple(let ts, _): return "(" + ts.map(\.description).joined(separator: ",") + ")"
        }
    }

    /// Nesting depth (elementary types are 1), used to refuse pathological types.
    public var depth: Int {
        switch self {
        case .uint, .int, .address, .bool, .fixedBytes, .bytes, .string: return 1
        case .array(let t), .fixedArray(let t, _): return 1 + t.depth
        case .tuple(let ts, _): return 1 + (ts.map(\.depth).max() ?? 0)
        }
    }

    /// Equality ignores tuple component names: two types are equal when they encode alike.
    public static func == (a: ABIType, b: ABIType) -> Bool {
        switch (a, b) {
        case (.uint(let x), .uint(let y)), (.int(let x), .int(let y)), (.fixedBytes(let x), .fixedBytes(let y)):
            return x == y
        case (.address, .address), (.bool, .bool), (.bytes, .bytes), (.string, .string): return true
        case (.array(let x), .array(let y)): return x == y
        case (.fixedArray(let x, let n), .fixedArray(let y, let m)): return n == m && x == y
        case (.tuple(let xs, _), .tuple(let ys, _)): return xs == ys
        default: return false
        }
    }

    /// Hashes the canonical form (consistent with `==`).
    public func hash(into h: inout Hasher) { h.combine(description) }
}
