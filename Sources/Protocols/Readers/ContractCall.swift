// Typed contract calls (STYLE rule 8): one small value per ABI function with its signature, selector, calldata
// encoder and return decoder. Return data is decoded word by word (static ABI types only), strictly.
import Chain
import Primitives

/// Return data that does not decode as the function's outputs (too short, or a value out of its type's range).
public struct CallDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The function signature whose output failed to decode.
    public let function: String
    /// What was wrong.
    public let reason: String

    /// A decoding failure of `function`'s return data.
    public init(function: String, reason: String) {
        self.function = function
        self.reason = reason
    }

    /// `getReserves(): return data is 0 bytes, expected at least 96`.
    public var description: String { "\(function): \(reason)" }
}

/// One ABI function call: signature, literal selector, calldata and decoded output.
public protocol ContractCall: Sendable {
    /// The decoded return value.
    associatedtype Output: Sendable
    /// The canonical signature, `getReserves()`.
    static var signature: String { get }
    /// The 4-byte selector, written as a literal (tests check it against keccak of the signature).
    static var selector: Selector { get }
    /// The ABI-encoded arguments after the selector.
    var arguments: [UInt8] { get }
    /// Decodes the return data.
    static func decode(_ data: [UInt8]) throws(CallDecodingError) -> Output
}

extension ContractCall {
    /// Selector followed by the encoded arguments.
    public var calldata: [UInt8] { Self.selector.bytes + arguments }
    /// The call as a Multicall3 `aggregate3` entry against `target` (failure allowed: a missing pool is a result).
    public func call3(_ target: Address) -> Call3 { Call3(target: target, callData: calldata) }
}

/// Reads static ABI words out of return data, with range checks.
public struct ABIWords: Sendable {
    let data: [UInt8]
    let function: String

    /// A reader over `data` that needs at least `count` words.
    public init(_ data: [UInt8], function: String, count: Int) throws(CallDecodingError) {
        guard data.count >= 32 * count else {
            throw CallDecodingError(
                function: function, reason: "return data is \(data.count) bytes, expected at least \(32 * count)")
        }
        self.data = data
        self.function = function
    }

    /// Word `i` as an unsigned integer.
    public func uint(_ i: Int) -> U256 {
        var w: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        func limb(_ k: Int) -> UInt64 {
            var v: UInt64 = 0
            for j in 0..<8 { v = v << 8 | UInt64(data[32 * i + 8 * (3 - k) + j]) }
            return v
        }
        w = (limb(0), limb(1), limb(2), limb(3))
        return U256(limbs: w)
    }

    /// Word `i` as an unsigned integer of at most `bits` bits.
    public func uint(_ i: Int, bits: Int) throws(CallDecodingError) -> U256 {
        let v = uint(i)
        guard bits >= 256 || v >> bits == .zero else {
            throw CallDecodingError(function: function, reason: "word \(i) = \(v) exceeds uint\(bits)")
        }
        return v
    }

    /// Word `i` as a UInt64-sized unsigned integer of at most `bits` bits.
    public func small(_ i: Int, bits: Int) throws(CallDecodingError) -> UInt64 {
        try uint(i, bits: bits).uint64 ?? 0
    }

    /// Word `i` as a sign-extended signed integer of at most `bits` (≤ 128) bits.
    public func int128(_ i: Int, bits: Int) throws(CallDecodingError) -> Int128 {
        let v = uint(i)
        let negative = v.w.3 >> 63 == 1
        // Every bit above bits-1 must equal the sign bit.
        let high = v >> (bits - 1)
        let allOnes = (U256.one << (257 - bits)) &- .one
        guard (negative && high == allOnes) || (!negative && high.isZero) else {
            throw CallDecodingError(function: function, reason: "word \(i) is not a sign-extended int\(bits)")
        }
        return Int128(truncatingIfNeeded: UInt128(v.w.1) << 64 | UInt128(v.w.0))
    }

    /// Word `i` as an address (the top 12 bytes must be zero).
    public func address(_ i: Int) throws(CallDecodingError) -> Address {
        do { return try Address(abiWord: data[(32 * i)..<(32 * i + 32)]) } catch {
            throw CallDecodingError(function: function, reason: "word \(i) is not an address")
        }
    }

    /// Word `i` as a bool (0 or 1).
    public func bool(_ i: Int) throws(CallDecodingError) -> Bool {
        try small(i, bits: 1) == 1
    }
}

/// ABI argument words.
enum ABIArg {
    static func uint(_ v: U256) -> [UInt8] { v.bigEndianBytes }
    static func uint(_ v: UInt64) -> [UInt8] { U256(v).bigEndianBytes }
    static func int(_ v: Int64) -> [UInt8] { U256(truncatingIfNeeded: v).bigEndianBytes }
    static func address(_ a: Address) -> [UInt8] { a.abiWord }
}
