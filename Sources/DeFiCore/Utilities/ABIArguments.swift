import Primitives

/// Argument text for `defi abi encode`: unit amounts (`1.5ether`, `30gwei`, `1e18`) become plain decimal wei
/// before the Primitives value parser sees them, as cast's `coerce_str` accepts them for integer types.
enum ABIArguments {
    /// Parses one argument per type, converting unit amounts in integer positions first.
    static func parse(_ arguments: [String], as types: [ABIType], signature: String) throws(UtilityError)
        -> [ABIValue]
    {
        guard arguments.count == types.count else {
            throw UtilityError(
                code: "invalid_argument",
                message:
                    "\(signature) takes \(types.count) argument\(types.count == 1 ? "" : "s"), got \(arguments.count)")
        }
        var prepared: [String] = []
        for (i, (text, type)) in zip(arguments, types).enumerated() {
            prepared.append(try prepare(text, type: type, path: "argument \(i)"))
        }
        do { return try ABIValue.parse(arguments: prepared, as: types) } catch {
            throw UtilityError(code: "invalid_argument", message: error.description)
        }
    }

    /// One argument with unit amounts converted; composites are rewritten atom by atom only when they hold no
    /// strings (a bare string atom could otherwise look like an amount).
    static func prepare(_ text: String, type: ABIType, path: String) throws(UtilityError) -> String {
        switch type {
        case .uint, .int:
            let atom = Substring(text)
            return AmountText.needsUnits(atom) ? try AmountText.normalize(atom, path: path, type: "\(type)") : text
        case .array, .fixedArray, .tuple:
            guard hasIntegers(type), !hasStrings(type) else { return text }
            return try rewriteAtoms(text, path: path)
        default: return text
        }
    }

    static func hasIntegers(_ type: ABIType) -> Bool {
        switch type {
        case .uint, .int: return true
        case .array(let t), .fixedArray(let t, _): return hasIntegers(t)
        case .tuple(let ts, _): return ts.contains(where: hasIntegers)
        default: return false
        }
    }

    static func hasStrings(_ type: ABIType) -> Bool {
        switch type {
        case .string: return true
        case .array(let t), .fixedArray(let t, _): return hasStrings(t)
        case .tuple(let ts, _): return ts.contains(where: hasStrings)
        default: return false
        }
    }

    /// Rewrites each bare atom between `[ ] ( ) ,` that needs unit parsing; quoted text is copied as is.
    static func rewriteAtoms(_ text: String, path: String) throws(UtilityError) -> String {
        var out = ""
        var atom = ""
        var quoted = false
        var escaped = false
        for c in text {
            if quoted {
                out.append(c)
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { quoted = false }
                continue
            }
            if c == "[" || c == "]" || c == "(" || c == ")" || c == "," || c == "\"" {
                out += try flush(atom, path: path)
                atom = ""
                out.append(c)
                quoted = c == "\""
            } else {
                atom.append(c)
            }
        }
        return out + (try flush(atom, path: path))
    }

    static func flush(_ atom: String, path: String) throws(UtilityError) -> String {
        let sub = Substring(atom)
        return AmountText.needsUnits(sub) ? try AmountText.normalize(sub, path: path, type: "an integer") : atom
    }
}
