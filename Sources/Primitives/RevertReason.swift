/// Decoded revert data: Error(string), Panic(uint256), a known custom error, or raw bytes.
public enum RevertReason: Equatable, Sendable, CustomStringConvertible {
    /// No data: `revert()` without a reason, out of gas, or an invalid opcode (the EVM gives no reason).
    case empty
    /// `Error(string)` (selector 0x08c379a0), as `require(cond, "reason")` and `revert("reason")` produce.
    case error(String)
    /// `Panic(uint256)` (selector 0x4e487b71), as compiler-inserted checks produce, with the code's meaning.
    case panic(code: U256, meaning: String)
    /// A custom error whose selector matched one of the given ABI errors.
    case custom(name: String, values: [ABIValue])
    /// Anything else: the first 4 bytes (fewer when the data is shorter) and the whole data.
    case unknown(selector: [UInt8], data: [UInt8])

    /// Selector of `Error(string)`.
    public static let errorSelector: [UInt8] = [0x08, 0xc3, 0x79, 0xa0]
    /// Selector of `Panic(uint256)`.
    public static let panicSelector: [UInt8] = [0x4e, 0x48, 0x7b, 0x71]

    /// Decodes revert data, trying Error(string), Panic(uint256), then `customErrors`; never throws. Malformed
    /// payloads (truncated, dirty padding, bad UTF-8) fall back to `.unknown` with the raw data.
    public static func decode(_ data: some Collection<UInt8>, customErrors: [ABIError] = []) -> RevertReason {
        let bytes = Array(data)
        if bytes.isEmpty { return .empty }
        let selector = Array(bytes.prefix(4))
        guard bytes.count >= 4 else { return .unknown(selector: selector, data: bytes) }
        let body = bytes.dropFirst(4)
        if selector == errorSelector, case .string(let s)? = try? ABI.decode(.string, data: body) {
            return .error(s)
        }
        if selector == panicSelector, case .uint(let code)? = try? ABI.decode(.uint256, data: body) {
            return .panic(code: code, meaning: panicMeaning(code))
        }
        for e in customErrors where e.selector == selector {
            if let values = try? ABI.decode(types: e.inputs.map(\.type), data: body) {
                return .custom(name: e.name, values: values)
            }
        }
        return .unknown(selector: selector, data: bytes)
    }

    /// The meaning of a Solidity panic code (solidity libsolutil/ErrorCodes.h).
    public static func panicMeaning(_ code: U256) -> String {
        switch code.uint64 {
        case 0x00: return "generic compiler panic"
        case 0x01: return "assertion failed"
        case 0x11: return "arithmetic overflow or underflow"
        case 0x12: return "division or modulo by zero"
        case 0x21: return "invalid enum value"
        case 0x22: return "invalid storage byte array encoding"
        case 0x31: return "pop on empty array"
        case 0x32: return "array index out of bounds"
        case 0x41: return "memory allocation too large"
        case 0x51: return "call to zero-initialized internal function"
        default: return "unknown panic code"
        }
    }

    /// One line: `execution reverted: UniswapV2: K`, `panic 0x11: arithmetic overflow or underflow`.
    public var description: String {
        switch self {
        case .empty: return "execution reverted without data (revert(), out of gas or invalid opcode)"
        case .error(let s): return "execution reverted: \(s)"
        case .panic(let code, let meaning):
            let hex = code.hexString.dropFirst(2)
            return "panic 0x\(hex.count < 2 ? "0" + hex : hex): \(meaning)"
        case .custom(let name, let values):
            return "custom error \(name)(" + values.map(\.description).joined(separator: ", ") + ")"
        case .unknown(let selector, let data):
            return "unknown revert selector \(Hex.encode(selector)) (\(data.count) bytes: \(Hex.encode(data)))"
        }
    }
}
