import Chain
import DeFiCore
import Foundation
import Primitives

/// A state override for one account in a Tenderly simulation (`state_objects`).
public struct TenderlyStateObject: Sendable, Equatable {
    /// Replacement balance in wei (sent as a decimal string).
    public var balance: U256?
    /// Replacement code.
    public var code: [UInt8]?
    /// Storage slots to set (slot → 32-byte value).
    public var storage: [Hash32: Hash32]

    /// An override value.
    public init(balance: U256? = nil, code: [UInt8]? = nil, storage: [Hash32: Hash32] = [:]) {
        self.balance = balance
        self.code = code
        self.storage = storage
    }

    var json: JSONValue {
        var o: [String: JSONValue] = [:]
        if let balance { o["balance"] = .string(balance.decimalString) }
        if let code { o["code"] = .string(Hex.encode(code)) }
        if !storage.isEmpty {
            o["storage"] = .object(
                Dictionary(
                    uniqueKeysWithValues: storage.map { ($0.key.description, JSONValue.string($0.value.description)) }))
        }
        return .object(o)
    }
}

/// How much Tenderly computes (`simulation_type`): `full` decodes everything, `abi` decodes I/O and logs,
/// `quick` returns raw results only.
public enum TenderlySimulationType: String, Sendable {
    case full, abi, quick
}

/// One transaction to simulate on Tenderly, at a pinned block.
public struct TenderlySimulationRequest: Sendable, Equatable {
    /// The chain id (sent as the string `network_id`).
    public var chainID: UInt64
    /// Sender.
    public var from: Address
    /// Recipient (nil: contract creation).
    public var to: Address?
    /// Calldata.
    public var input: [UInt8]
    /// Gas limit.
    public var gas: UInt64
    /// Gas price in wei (decimal string).
    public var gasPrice: U256
    /// Value in wei (decimal string).
    public var value: U256
    /// The block whose state the transaction runs on.
    public var blockNumber: UInt64
    /// Keep the simulation in the Tenderly dashboard.
    public var save: Bool
    /// Computation level.
    public var simulationType: TenderlySimulationType
    /// State overrides by account.
    public var stateObjects: [Address: TenderlyStateObject]

    /// A request value.
    public init(
        chainID: UInt64, from: Address, to: Address?, input: [UInt8], gas: UInt64, gasPrice: U256,
        value: U256 = .zero, blockNumber: UInt64, save: Bool = false,
        simulationType: TenderlySimulationType = .full, stateObjects: [Address: TenderlyStateObject] = [:]
    ) {
        self.chainID = chainID
        self.from = from
        self.to = to
        self.input = input
        self.gas = gas
        self.gasPrice = gasPrice
        self.value = value
        self.blockNumber = blockNumber
        self.save = save
        self.simulationType = simulationType
        self.stateObjects = stateObjects
    }

    /// The JSON body the simulate endpoint expects (docs.tenderly.co, "Simulate transaction").
    public var body: [UInt8] {
        var o: [String: JSONValue] = [
            "network_id": .string(String(chainID)), "from": .string(from.lowercaseHex),
            "input": .string(Hex.encode(input)), "gas": .number(String(gas)),
            "gas_price": .string(gasPrice.decimalString), "value": .string(value.decimalString),
            "block_number": .number(String(blockNumber)), "save": .bool(save), "save_if_fails": .bool(save),
            "simulation_type": .string(simulationType.rawValue),
        ]
        if let to { o["to"] = .string(to.lowercaseHex) }
        if !stateObjects.isEmpty {
            o["state_objects"] = .object(
                Dictionary(uniqueKeysWithValues: stateObjects.map { ($0.key.lowercaseHex, $0.value.json) }))
        }
        return Array(JSONValue.object(o).description.utf8)
    }
}

/// One asset movement Tenderly reports (`transaction.transaction_info.asset_changes[]`).
public struct TenderlyAssetChange: Sendable, Equatable {
    /// `Transfer`, `Mint`, `Burn`…
    public var type: String
    /// The token contract (nil for the native currency).
    public var token: Address?
    /// Token symbol when known.
    public var symbol: String?
    /// Sender.
    public var from: Address?
    /// Recipient.
    public var to: Address?
    /// The raw integer amount.
    public var rawAmount: U256
}

/// The parsed result of a Tenderly simulation.
public struct TenderlySimulationResult: Sendable, Equatable {
    /// Whether the transaction succeeded (`transaction.status`).
    public var success: Bool
    /// Gas used (`transaction.gas_used`).
    public var gasUsed: UInt64
    /// The failure message (`transaction.error_message`), e.g. `execution reverted: FL: not owner`.
    public var errorMessage: String?
    /// The block simulated on (`simulation.block_number`).
    public var blockNumber: UInt64?
    /// The simulation id (`simulation.id`).
    public var simulationID: String?
    /// Asset changes, when Tenderly returns them.
    public var assetChanges: [TenderlyAssetChange]
    /// The top call's return (or revert) data (`transaction.transaction_info.call_trace.output`), when given.
    public var output: [UInt8]?
}

/// Why a Tenderly simulation could not be obtained; never contains the access key.
public enum TenderlyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Account, project or access key missing.
    case notConfigured(String)
    /// No reply.
    case transport(RPCError)
    /// A non-2xx reply with the API's message (`{"error": {"message", "slug"}}`).
    case http(status: Int, message: String)
    /// The reply was not a simulation.
    case malformedReply(String)

    /// A stable short code.
    public var code: String {
        switch self {
        case .notConfigured: return "tenderly.not_configured"
        case .transport: return "tenderly.transport"
        case .http: return "tenderly.http"
        case .malformedReply: return "tenderly.malformed_reply"
        }
    }

    /// A lower-case one-line description.
    public var description: String {
        switch self {
        case .notConfigured(let what): return "tenderly is not configured: \(what) (defi.execution.tenderly)"
        case .transport(let e): return e.description
        case .http(let status, let message):
            let hint = status == 401 || status == 403 ? "; check defi.execution.tenderly.access_key" : ""
            return "tenderly answered http \(status): \(message)\(hint)"
        case .malformedReply(let what): return "malformed tenderly reply: \(what)"
        }
    }
}

/// The Tenderly Simulation API client: `POST {base}/api/v1/account/{account}/project/{project}/simulate` with
/// the `X-Access-Key` header. The key is sent only in that header and never appears in errors or logs.
public struct TenderlyClient: Sendable {
    /// The account slug.
    public let account: String
    /// The project slug.
    public let project: String
    let accessKey: String
    /// The API base URL.
    public let baseURL: String
    /// The transport.
    public let transport: any HTTPPoster
    /// Timeout per simulation.
    public let timeout: Duration

    /// A client; `baseURL` defaults to `https://api.tenderly.co`.
    public init(
        account: String, project: String, accessKey: String, baseURL: String = "https://api.tenderly.co",
        transport: any HTTPPoster = CurlTransport(), timeout: Duration = .seconds(30)
    ) {
        self.account = account
        self.project = project
        self.accessKey = accessKey
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.transport = transport
        self.timeout = timeout
    }

    /// A client from `defi.execution.tenderly` (the access key may come from DEFI_TENDERLY_ACCESS_KEY).
    public init(config: TenderlyConfig?, transport: any HTTPPoster = CurlTransport()) throws(TenderlyError) {
        guard let config else { throw .notConfigured("no defi.execution.tenderly section") }
        guard let account = config.account else { throw .notConfigured("account missing") }
        guard let project = config.project else { throw .notConfigured("project missing") }
        guard let key = config.accessKey else {
            throw .notConfigured("access_key missing (or set DEFI_TENDERLY_ACCESS_KEY)")
        }
        self.init(
            account: account, project: project, accessKey: key, baseURL: config.baseURL ?? "https://api.tenderly.co",
            transport: transport)
    }

    /// The simulate endpoint URL.
    public var simulateURL: String {
        "\(baseURL)/api/v1/account/\(Self.escape(account))/project/\(Self.escape(project))/simulate"
    }

    /// Runs one simulation.
    public func simulate(_ request: TenderlySimulationRequest) throws(TenderlyError) -> TenderlySimulationResult {
        let reply: HTTPReply
        do {
            reply = try transport.post(
                request.body, url: simulateURL, headers: [("X-Access-Key", accessKey)], timeout: timeout,
                label: Endpoint.redact(baseURL) + "/…/simulate")
        } catch { throw .transport(error) }
        let parsed = try? JSONValue(parsing: String(decoding: reply.body, as: UTF8.self))
        guard (200..<300).contains(reply.status) else {
            var message = String(decoding: reply.body.prefix(120), as: UTF8.self)
            if case .string(let m)? = parsed?["error"]?["message"] { message = m }
            throw .http(status: reply.status, message: message)
        }
        guard let parsed else { throw .malformedReply("not json") }
        return try Self.parse(parsed)
    }

    /// Parses a simulate response: `transaction {status, gas_used, error_message?, transaction_info.asset_changes?}`,
    /// `simulation {id, block_number}`.
    public static func parse(_ v: JSONValue) throws(TenderlyError) -> TenderlySimulationResult {
        guard let tx = v["transaction"], case .object = tx else { throw .malformedReply("no transaction object") }
        guard case .bool(let status)? = tx["status"] else {
            throw .malformedReply("transaction.status is not a boolean")
        }
        guard case .number(let g)? = tx["gas_used"], let gasUsed = UInt64(g) else {
            throw .malformedReply("transaction.gas_used is not a whole number")
        }
        var error: String?
        if case .string(let e)? = tx["error_message"], !e.isEmpty { error = e }
        var block: UInt64?
        if case .number(let b)? = v["simulation"]?["block_number"] { block = UInt64(b) }
        var id: String?
        if case .string(let s)? = v["simulation"]?["id"] { id = s }
        var changes: [TenderlyAssetChange] = []
        if case .array(let items)? = tx["transaction_info"]?["asset_changes"] {
            for c in items {
                guard case .string(let raw)? = c["raw_amount"], let amount = try? U256(decimalDigits: raw) else {
                    throw .malformedReply("asset change without a decimal raw_amount")
                }
                func addr(_ j: JSONValue?) -> Address? {
                    guard case .string(let s)? = j, !s.isEmpty else { return nil }
                    return try? Address(parsing: s)
                }
                var type = "Transfer"
                if case .string(let t)? = c["type"] { type = t }
                var symbol: String?
                if case .string(let s)? = c["token_info"]?["symbol"] { symbol = s }
                changes.append(
                    TenderlyAssetChange(
                        type: type, token: addr(c["token_info"]?["contract_address"]), symbol: symbol,
                        from: addr(c["from"]), to: addr(c["to"]), rawAmount: amount))
            }
        }
        var output: [UInt8]?
        if case .string(let o)? = tx["transaction_info"]?["call_trace"]?["output"] {
            guard let bytes = try? Hex.decode(o) else { throw .malformedReply("call_trace.output is not hex") }
            output = bytes
        }
        return TenderlySimulationResult(
            success: status, gasUsed: gasUsed, errorMessage: error, blockNumber: block, simulationID: id,
            assetChanges: changes, output: output)
    }

    static func escape(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/")))
            ?? s
    }
}

extension TenderlyClient: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Names the account and project; the access key is never shown.
    public var description: String { "TenderlyClient(\(account)/\(project), key: <redacted>)" }
    /// Same as `description`.
    public var debugDescription: String { description }
    /// Hides the access key from `dump` and reflection.
    public var customMirror: Mirror { Mirror(self, children: ["account": account, "project": project]) }
}
