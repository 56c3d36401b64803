import Chain
import DeFiCore
import Primitives

/// `--state-override FILE`: geth's eth_call state-override object, `{address: {balance, nonce, code, state,
/// stateDiff}}`, with quantities as 0x-hex or decimal strings. Strict: unknown keys and malformed values are
/// refused with the field named.
public enum StateOverrideFile {
    /// Parses the file's text.
    public static func parse(_ text: String) throws(ExecutionError) -> [Address: AccountOverride] {
        let root: JSONValue
        do { root = try JSONValue(parsing: text) } catch { throw .usage("state override: \(error.description)") }
        guard case .object(let accounts) = root else { throw .usage("state override: must be a JSON object of accounts") }
        var out: [Address: AccountOverride] = [:]
        for (key, value) in accounts.sorted(by: { $0.key < $1.key }) {
            let address: Address
            do { address = try Address(parsing: key) } catch { throw .usage("state override: \(key): \(error)") }
            guard case .object(let fields) = value else { throw .usage("state override: \(key): must be an object") }
            var o = AccountOverride()
            for (name, v) in fields {
                let path = "\(key).\(name)"
                switch name {
                case "balance": o.balance = try quantity(v, path)
                case "nonce":
                    guard let n = try quantity(v, path).uint64 else { throw .usage("state override: \(path): too large") }
                    o.nonce = n
                case "code": o.code = try bytes(v, path)
                case "state": o.state = try slots(v, path)
                case "stateDiff": o.stateDiff = try slots(v, path)
                default: throw .usage("state override: \(path): unknown key (balance, nonce, code, state, stateDiff)")
                }
            }
            if o.state != nil && o.stateDiff != nil {
                throw .usage("state override: \(key): give state or stateDiff, not both")
            }
            out[address] = o
        }
        return out
    }

    static func quantity(_ v: JSONValue, _ path: String) throws(ExecutionError) -> U256 {
        guard case .string(let s) = v, let q = try? U256(parsing: s) else {
            throw .usage("state override: \(path): expected a 0x-hex or decimal string")
        }
        return q
    }

    static func bytes(_ v: JSONValue, _ path: String) throws(ExecutionError) -> [UInt8] {
        guard case .string(let s) = v, s.hasPrefix("0x"), let b = try? Hex.decode(s) else {
            throw .usage("state override: \(path): expected 0x-hex bytes")
        }
        return b
    }

    static func slots(_ v: JSONValue, _ path: String) throws(ExecutionError) -> [Hash32: Hash32] {
        guard case .object(let o) = v else { throw .usage("state override: \(path): expected an object of slots") }
        var out: [Hash32: Hash32] = [:]
        for (k, val) in o {
            guard case .string(let s) = val, let key = word(k), let value = word(s) else {
                throw .usage("state override: \(path).\(k): slots and values are 0x-hex words of up to 32 bytes")
            }
            out[key] = value
        }
        return out
    }

    static func word(_ s: String) -> Hash32? {
        guard s.hasPrefix("0x"), let b = try? Hex.decode(s), b.count <= 32 else { return nil }
        return try? Hash32(bytes: [UInt8](repeating: 0, count: 32 - b.count) + b)
    }
}
