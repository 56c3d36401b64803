import Primitives

/// One JSON-RPC 2.0 request: a method and its positional parameters.
public struct RPCRequest: Sendable, Equatable {
    /// The method name, e.g. `eth_call`.
    public var method: String
    /// Positional parameters.
    public var params: [JSONValue]

    /// A request value.
    public init(_ method: String, _ params: [JSONValue] = []) {
        self.method = method
        self.params = params
    }
}

/// Pure JSON-RPC 2.0 framing: request bodies out, replies matched back by id.
public enum JSONRPC {
    /// The body of one request with the given id.
    public static func encode(_ request: RPCRequest, id: Int) -> [UInt8] {
        Array(requestText(request, id: id).utf8)
    }

    /// The body of a batch; request `i` gets id `firstID + i`.
    public static func encodeBatch(_ requests: [RPCRequest], firstID: Int) -> [UInt8] {
        var s = "["
        for (i, r) in requests.enumerated() {
            if i > 0 { s += "," }
            s += requestText(r, id: firstID + i)
        }
        return Array((s + "]").utf8)
    }

    static func requestText(_ r: RPCRequest, id: Int) -> String {
        "{\"jsonrpc\":\"2.0\",\"id\":\(id),\"method\":\(JSONValue.string(r.method)),\"params\":"
            + JSONValue.array(r.params).description + "}"
    }

    /// Decodes the reply to one request: its result, or the node's error as `RPCError.rpc`.
    public static func decode(_ body: [UInt8], id: Int, method: String) throws(RPCError) -> JSONValue {
        let value = try parse(body)
        guard case .object = value else {
            throw .malformedReply(what: "expected a json-rpc object for \(method)", bodyPrefix: .bodyPrefix(body))
        }
        return try item(value, method: method, body: body, expectedID: id).get()
    }

    /// Decodes a batch reply into one result per request (in request order), matching ids; replies may come in any
    /// order. A per-item error is that item's failure; a missing or duplicated id makes the whole reply malformed.
    public static func decodeBatch(_ body: [UInt8], requests: [RPCRequest], firstID: Int) throws(RPCError)
        -> [Result<JSONValue, RPCError>]
    {
        let value = try parse(body)
        // A node that rejects the whole batch answers with one error object.
        if case .object = value, let err = value["error"] {
            let e = rpcError(err, method: "batch of \(requests.count)")
            return requests.map { _ in .failure(e) }
        }
        guard case .array(let items) = value else {
            throw .malformedReply(what: "expected a json-rpc array for a batch", bodyPrefix: .bodyPrefix(body))
        }
        var slots = [Result<JSONValue, RPCError>?](repeating: nil, count: requests.count)
        for it in items {
            guard case .number(let idText)? = it["id"], let id = Int(idText), id >= firstID,
                id - firstID < requests.count
            else {
                throw .malformedReply(what: "batch item with an unknown id", bodyPrefix: .bodyPrefix(body))
            }
            let i = id - firstID
            guard slots[i] == nil else {
                throw .malformedReply(what: "batch reply repeats id \(id)", bodyPrefix: .bodyPrefix(body))
            }
            slots[i] = item(it, method: requests[i].method, body: body, expectedID: nil)
        }
        var out: [Result<JSONValue, RPCError>] = []
        out.reserveCapacity(slots.count)
        for (i, s) in slots.enumerated() {
            guard let s else {
                throw .malformedReply(
                    what: "batch reply has no item for id \(firstID + i) (\(requests[i].method))",
                    bodyPrefix: .bodyPrefix(body))
            }
            out.append(s)
        }
        return out
    }

    static func parse(_ body: [UInt8]) throws(RPCError) -> JSONValue {
        do {
            return try JSONValue(parsing: String(decoding: body, as: UTF8.self))
        } catch {
            throw .malformedReply(what: "invalid json (\(error.description))", bodyPrefix: .bodyPrefix(body))
        }
    }

    static func item(_ v: JSONValue, method: String, body: [UInt8], expectedID: Int?) -> Result<JSONValue, RPCError> {
        if let expectedID {
            guard case .number(let idText)? = v["id"], Int(idText) == expectedID else {
                return .failure(.malformedReply(what: "reply id does not match \(expectedID)", bodyPrefix: .bodyPrefix(body)))
            }
        }
        if let err = v["error"], err != .null { return .failure(rpcError(err, method: method)) }
        guard let result = v["result"] else {
            return .failure(.malformedReply(what: "reply to \(method) has neither result nor error", bodyPrefix: .bodyPrefix(body)))
        }
        return .success(result)
    }

    static func rpcError(_ err: JSONValue, method: String) -> RPCError {
        var code = 0
        if case .number(let c)? = err["code"], let n = Int(c) { code = n }
        var message = ""
        if case .string(let m)? = err["message"] { message = Endpoint.redactURLs(in: m) }
        var data: String? = nil
        switch err["data"] {
        case .string(let d)?: data = d
        case nil, .null?: data = nil
        case let other?: data = other.description
        }
        return .rpc(code: code, message: message, data: data, method: method)
    }
}
