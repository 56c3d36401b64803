import Primitives

/// What `defi abi encode` encodes: a signature (`transfer(address,uint256)` or a type list `(uint256,bool)`) and
/// one text argument per input.
public struct ABIEncodeRequest: Sendable, Equatable {
    /// The function signature or parenthesised type list.
    public var signature: String
    /// The argument texts.
    public var arguments: [String]
    /// Whether to prefix the 4-byte selector (false for `--no-selector` and for type lists).
    public var withSelector: Bool

    /// A request; `withSelector` defaults to true.
    public init(signature: String, arguments: [String], withSelector: Bool = true) {
        self.signature = signature
        self.arguments = arguments
        self.withSelector = withSelector
    }
}

/// Encoded call data, with the canonical signature and selector when a function was named.
public struct ABIEncodeResult: Sendable, Equatable {
    /// The canonical signature (`transfer(address,uint256)`), or the canonical tuple type for a type list.
    public var signature: String
    /// The selector, when the data starts with it.
    public var selector: Selector?
    /// The encoded bytes.
    public var data: [UInt8]
}

/// What `defi abi decode` decodes.
public struct ABIDecodeRequest: Sendable, Equatable {
    /// `balanceOf(address)(uint256)`, `f(uint256)` or a type list `(uint256,address)` / `uint256,address`.
    public var signature: String
    /// The 0x-hex data.
    public var data: String
    /// Decode call data (selector first) against the inputs instead of return data against the outputs.
    public var input: Bool

    /// A request.
    public init(signature: String, data: String, input: Bool) {
        self.signature = signature
        self.data = data
        self.input = input
    }
}

/// Decoded values with their types, in order.
public struct ABIDecodeResult: Sendable, Equatable {
    /// The types decoded against.
    public var types: [ABIType]
    /// The values, one per type.
    public var values: [ABIValue]
}

/// The hash that names a function, error or event.
public struct SignatureHash: Sendable, Equatable {
    /// `function`, `error` or `event`.
    public var kind: String
    /// The canonical signature.
    public var signature: String
    /// The 4-byte selector (functions and errors).
    public var selector: Selector?
    /// keccak256 of the signature (events: topic0).
    public var topic0: Hash32?
}

/// The library side of `defi abi encode|decode|selector`.
public enum ABIUtility {
    /// Encodes a call (selector ‖ arguments) or, for type lists and `withSelector == false`, the arguments alone.
    public static func encode(_ request: ABIEncodeRequest) throws(UtilityError) -> ABIEncodeResult {
        let parsed = try Signature(request.signature)
        let values = try ABIArguments.parse(request.arguments, as: parsed.inputs, signature: parsed.canonical)
        let body: [UInt8]
        do { body = try ABI.encode(types: parsed.inputs, values: values) } catch {
            throw UtilityError(code: "invalid_argument", message: error.description)
        }
        let selector = request.withSelector ? parsed.function?.selector : nil
        return ABIEncodeResult(signature: parsed.canonical, selector: selector, data: (selector?.bytes ?? []) + body)
    }

    /// Decodes return data against the outputs (or the inputs when there are no outputs), or call data with
    /// `input`, checking its selector against a named function.
    public static func decode(_ request: ABIDecodeRequest) throws(UtilityError) -> ABIDecodeResult {
        let parsed = try Signature(request.signature)
        var data = try hexBytes(request.data, what: "data")
        var types = parsed.function.map { $0.outputs.isEmpty ? $0.inputTypes : $0.outputTypes } ?? parsed.inputs
        if request.input {
            guard data.count >= 4 else {
                throw UtilityError(
                    code: "invalid_data", message: "call data is \(data.count) bytes, shorter than a selector")
            }
            let got = (try? Selector(bytes: data.prefix(4))) ?? Selector(rawValue: 0)
            if let function = parsed.function, got != function.selector {
                throw UtilityError(
                    code: "selector_mismatch",
                    message: "call data starts with \(got), but \(function.signature) has selector \(function.selector)"
                )
            }
            data = Array(data.dropFirst(4))
            types = parsed.inputs
        }
        do { return ABIDecodeResult(types: types, values: try ABI.decode(types: types, data: data)) } catch {
            throw UtilityError(
                code: "invalid_data",
                message: "cannot decode as (\(types.map(\.description).joined(separator: ","))): \(error)")
        }
    }

    /// The selector of a function or error, or topic0 of `event Name(...)`.
    public static func hash(of signature: String) throws(UtilityError) -> SignatureHash {
        let text = signature.trimmingSpaces
        do {
            if text.hasPrefix("event ") {
                let event = try ABIEvent(signature: text)
                return SignatureHash(kind: "event", signature: event.signature, selector: nil, topic0: event.topic0)
            }
            if text.hasPrefix("error ") {
                let error = try ABIError(signature: text)
                return SignatureHash(
                    kind: "error", signature: error.signature, selector: error.selector,
                    topic0: Keccak256.hash(utf8: error.signature))
            }
            let function = try ABIFunction(signature: text)
            return SignatureHash(
                kind: "function", signature: function.signature, selector: function.selector,
                topic0: Keccak256.hash(utf8: function.signature))
        } catch {
            throw UtilityError(code: "invalid_signature", message: "signature \"\(text)\": \(error)")
        }
    }

    /// `0x`-hex bytes, or an `invalid_hex` error naming `what`.
    static func hexBytes(_ text: String, what: String) throws(UtilityError) -> [UInt8] {
        let trimmed = text.trimmingSpaces
        guard trimmed.hasPrefix("0x") || trimmed.hasPrefix("0X") else {
            throw UtilityError(
                code: "invalid_hex",
                message: "\(what): expected 0x-prefixed hex, got \"\(InputError.shorten(String(trimmed)))\"")
        }
        do { return try Hex.decode(trimmed) } catch {
            throw UtilityError(code: "invalid_hex", message: "\(what): \(error)")
        }
    }

    /// A function signature or a bare type list, parsed once.
    struct Signature {
        var function: ABIFunction?
        var inputs: [ABIType]
        var canonical: String

        init(_ text: String) throws(UtilityError) {
            let trimmed = String(text.trimmingSpaces)
            if !trimmed.hasPrefix("("), let f = try? ABIFunction(signature: trimmed) {
                function = f
                inputs = f.inputTypes
                canonical = f.signature
                return
            }
            let list = trimmed.hasPrefix("(") ? trimmed : "(" + trimmed + ")"
            do {
                guard case .tuple(let types, _) = try ABIType(parsing: list) else {
                    throw ABIParseError.wrongKind(expected: "a type list", got: list)
                }
                function = nil
                inputs = types
                canonical = "(" + types.map(\.description).joined(separator: ",") + ")"
            } catch {
                // Report the function parser's error when the text looks like a function.
                var reason = "\(error)"
                if !trimmed.hasPrefix("(") {
                    do { _ = try ABIFunction(signature: trimmed) } catch let e { reason = "\(e)" }
                }
                throw UtilityError(code: "invalid_signature", message: "signature \"\(trimmed)\": \(reason)")
            }
        }
    }
}
