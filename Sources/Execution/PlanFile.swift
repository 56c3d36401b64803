// The plan file (`defi.plan/1`, docs/plan.md): an ExecutorPlan plus where to send it, as strict JSON. Integers are
// decimal strings, addresses EIP-55 (or single-case) and every key is known; the first problem is reported as one
// line naming the field.
import DeFiCore
import Primitives

/// A plan file: the executor call and the context it was built in.
public struct PlanFile: Sendable, Equatable {
    /// The schema tag every plan file carries.
    public static let schema = "defi.plan/1"

    /// The executor contract (FlashLoans) the plan is sent to.
    public var executor: Address
    /// The registered strategy's name (`Arbitrage`, `Liquidator`).
    public var strategyName: String
    /// The plan itself (its `strategyID` is `keccak256(strategyName)` unless the file gives `strategy.id`).
    public var plan: ExecutorPlan
    /// The chain the plan was built for, when known (checked against the node).
    public var chainID: UInt64?
    /// The history opportunity it carries out, when any.
    public var opportunityID: String?
    /// The block the plan was priced at, when known.
    public var pricedAtBlock: UInt64?
    /// The profit the builder expects in the profit token, when known.
    public var expectedProfit: U256?

    /// A plan file value.
    public init(
        executor: Address, strategyName: String, plan: ExecutorPlan, chainID: UInt64? = nil,
        opportunityID: String? = nil, pricedAtBlock: UInt64? = nil, expectedProfit: U256? = nil
    ) {
        self.executor = executor
        self.strategyName = strategyName
        self.plan = plan
        self.chainID = chainID
        self.opportunityID = opportunityID
        self.pricedAtBlock = pricedAtBlock
        self.expectedProfit = expectedProfit
    }
}

/// Why a plan file was rejected: the field (a JSON path such as `payload.hops[1].pool`) and the problem.
public struct PlanFileError: DefiError, Equatable {
    /// The JSON path of the offending field (empty for the document).
    public var field: String
    /// What is wrong with it.
    public var problem: String

    /// An error for `field`.
    public init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }

    /// Always `plan_invalid`.
    public var code: String { "plan_invalid" }
    /// Bad input: 2.
    public var exitCode: ExitCode { .usage }
    /// `plan file: payload.hops[1].pool: ...`.
    public var message: String { field.isEmpty ? "plan file: \(problem)" : "plan file: \(field): \(problem)" }
    /// Where the schema is documented.
    public var hint: String? { "see docs/plan.md for the defi.plan/1 schema" }
}

extension PlanFile {
    /// Parses and validates a plan file's text (`ExecutorPlan.validate()` included).
    public init(json text: String) throws(PlanFileError) {
        let root: JSONValue
        do { root = try JSONValue(parsing: text) } catch { throw PlanFileError(field: "", problem: error.description) }
        let r = try PlanObject(root, path: "")
        try r.allow([
            "schema", "chain_id", "executor", "strategy", "flash", "profit_token", "min_profit", "payload",
            "opportunity_id", "priced_at_block", "expected_profit",
        ])
        let schema = try r.string("schema")
        guard schema == PlanFile.schema else {
            throw PlanFileError(field: "schema", problem: "expected \"\(PlanFile.schema)\", got \"\(schema)\"")
        }
        let strategy = try r.object("strategy")
        try strategy.allow(["name", "id"])
        let name = try strategy.string("name")
        guard !name.isEmpty else { throw PlanFileError(field: "strategy.name", problem: "must not be empty") }
        let id =
            try strategy.opt("id", strategy.hash)
            ?? ExecutorPlan.strategyID(named: name)

        let flash = try Self.flash(try r.object("flash"))
        let payload = try Self.payload(try r.object("payload"))
        let plan = ExecutorPlan(
            strategyID: id, flash: flash, profitToken: try r.address("profit_token"),
            minProfit: try r.u256("min_profit"), payload: payload)
        do throws(ExecutorPlanError) {
            try plan.validate()
            _ = try plan.params()
        } catch { throw PlanFileError(field: "", problem: error.description) }
        self.init(
            executor: try r.address("executor"), strategyName: name, plan: plan,
            chainID: try r.opt("chain_id", r.u64),
            opportunityID: try r.opt("opportunity_id", r.string),
            pricedAtBlock: try r.opt("priced_at_block", r.u64),
            expectedProfit: try r.opt("expected_profit", r.u256))
    }

    static func flash(_ f: PlanObject) throws(PlanFileError) -> FlashSource {
        try f.allow(["kind", "lender", "asset", "amount", "extra", "asset_is_token1", "repay_token", "fee_bps"])
        let kindName = try f.string("kind")
        guard let kind = FlashKind(name: kindName) else {
            throw PlanFileError(
                field: f.path("kind"),
                problem: "unknown flash kind \"\(kindName)\" (one of "
                    + FlashKind.allCases.map(\.name).joined(separator: ", ") + ")")
        }
        let asset = try f.address("asset")
        let amount = try f.u256("amount")
        let lender =
            kind == .none
            ? (try f.opt("lender", f.address) ?? .zero)
            : try f.address("lender")
        let structured = ["asset_is_token1", "repay_token", "fee_bps"].filter { f.has($0) }
        if f.has("extra") {
            guard structured.isEmpty else {
                throw PlanFileError(field: f.path("extra"), problem: "give either extra or \(structured[0]), not both")
            }
            return FlashSource(kind: kind, lender: lender, asset: asset, amount: amount, extra: try f.u256("extra"))
        }
        let token1 = try f.opt("asset_is_token1", f.bool) ?? false
        switch kind {
        case .uniswapV2:
            let repay = try f.opt("repay_token", f.address)
            let fee = try f.opt("fee_bps", f.u64) ?? 30
            guard fee > 0, fee < 10_000 else {
                throw PlanFileError(field: f.path("fee_bps"), problem: "must be 1...9999")
            }
            return .uniswapV2(
                pair: lender, asset: asset, amount: amount, assetIsToken1: token1, repayToken: repay,
                feeBps: UInt16(fee))
        case .uniswapV3:
            if let bad = structured.first(where: { $0 != "asset_is_token1" }) {
                throw PlanFileError(field: f.path(bad), problem: "only for kind uniswap_v2_flash_swap")
            }
            return .uniswapV3(pool: lender, asset: asset, amount: amount, assetIsToken1: token1)
        default:
            if let bad = structured.first {
                throw PlanFileError(
                    field: f.path(bad), problem: "only for kinds uniswap_v2_flash_swap and uniswap_v3_flash")
            }
            return FlashSource(kind: kind, lender: lender, asset: asset, amount: amount)
        }
    }

    static func payload(_ p: PlanObject) throws(PlanFileError) -> StrategyPayload {
        let type = try p.string("type")
        switch type {
        case "arbitrage":
            try p.allow(["type", "hops"])
            return .arbitrage(hops: try hops(p))
        case "liquidation":
            try p.allow(["type", "hops", "pool", "collateral", "user", "debt_to_cover"])
            return .liquidation(
                pool: try p.address("pool"), collateral: try p.address("collateral"),
                user: try p.address("user"), debtToCover: try p.u256("debt_to_cover"), hops: try hops(p))
        case "comet_liquidation":
            try p.allow(["type", "hops", "comet", "collateral", "min_amount", "base_amount", "accounts"])
            guard case .array(let items)? = p.value["accounts"] else {
                throw PlanFileError(field: p.path("accounts"), problem: p.has("accounts") ? "must be an array" : "missing")
            }
            var accounts: [Address] = []
            for (i, item) in items.enumerated() {
                guard case .string(let s) = item, let a = try? Address(parsing: s) else {
                    throw PlanFileError(field: p.path("accounts[\(i)]"), problem: "must be a checksummed address")
                }
                accounts.append(a)
            }
            return .cometLiquidation(
                comet: try p.address("comet"), collateral: try p.address("collateral"),
                minAmount: try p.u256("min_amount"), baseAmount: try p.u256("base_amount"), accounts: accounts,
                hops: try hops(p))
        case "maker_take":
            try p.allow(["type", "hops", "clipper", "dai_join", "gem_join", "id", "amt", "max"])
            return .makerTake(
                clipper: try p.address("clipper"), daiJoin: try p.address("dai_join"), gemJoin: try p.address("gem_join"),
                id: try p.u256("id"), amt: try p.u256("amt"), max: try p.u256("max"), hops: try hops(p))
        default:
            throw PlanFileError(
                field: p.path("type"),
                problem: "expected \"arbitrage\", \"liquidation\", \"comet_liquidation\" or \"maker_take\", got \"\(type)\"")
        }
    }

    static func hops(_ p: PlanObject) throws(PlanFileError) -> [PlanHop] {
        guard case .array(let items)? = p.value["hops"] else {
            throw PlanFileError(field: p.path("hops"), problem: p.has("hops") ? "must be an array" : "missing")
        }
        guard (1...ExecutorPlan.maxHops).contains(items.count) else {
            throw PlanFileError(
                field: p.path("hops"), problem: "needs 1 to \(ExecutorPlan.maxHops) hops, got \(items.count)")
        }
        var out: [PlanHop] = []
        for (i, item) in items.enumerated() {
            let h = try PlanObject(item, path: p.path("hops") + "[\(i)]")
            try h.allow(["kind", "pool", "token_in", "token_out", "amount_in", "min_out", "extra"])
            let kindName = try h.string("kind")
            guard let kind = HopKind(name: kindName) else {
                throw PlanFileError(
                    field: h.path("kind"),
                    problem: "unknown hop kind \"\(kindName)\" (one of "
                        + HopKind.allCases.map(\.name).joined(separator: ", ") + ")")
            }
            out.append(
                PlanHop(
                    kind: kind, pool: try h.address("pool"), tokenIn: try h.address("token_in"),
                    tokenOut: try h.address("token_out"),
                    amountIn: try h.opt("amount_in", h.u256) ?? .zero,
                    minOut: try h.opt("min_out", h.u256) ?? .zero,
                    extra: try h.opt("extra", h.u256) ?? .zero))
        }
        return out
    }
}

extension PlanFile {
    /// The file's JSON: sorted keys, two-space indentation, integers as decimal strings, EIP-55 addresses.
    public var json: String { PlanJSON.pretty(jsonValue) + "\n" }

    /// The file as a JSON value.
    public var jsonValue: JSONValue {
        var root: [String: JSONValue] = [
            "schema": .string(PlanFile.schema),
            "executor": .string(executor.checksummed),
            "strategy": .object(["name": .string(strategyName), "id": .string(plan.strategyID.description)]),
            "profit_token": .string(plan.profitToken.checksummed),
            "min_profit": .string(plan.minProfit.description),
            "flash": Self.flashJSON(plan.flash),
            "payload": Self.payloadJSON(plan.payload),
        ]
        if let chainID { root["chain_id"] = .string(String(chainID)) }
        if let opportunityID { root["opportunity_id"] = .string(opportunityID) }
        if let pricedAtBlock { root["priced_at_block"] = .string(String(pricedAtBlock)) }
        if let expectedProfit { root["expected_profit"] = .string(expectedProfit.description) }
        return .object(root)
    }

    static func flashJSON(_ f: FlashSource) -> JSONValue {
        var o: [String: JSONValue] = [
            "kind": .string(f.kind.name), "asset": .string(f.asset.checksummed),
            "amount": .string(f.amount.description),
        ]
        if f.kind != .none { o["lender"] = .string(f.lender.checksummed) }
        if !f.extra.isZero { o["extra"] = .string(f.extra.description) }
        return .object(o)
    }

    static func payloadJSON(_ p: StrategyPayload) -> JSONValue {
        let hops = JSONValue.array(
            p.hops.map { h in
                .object([
                    "kind": .string(h.kind.name), "pool": .string(h.pool.checksummed),
                    "token_in": .string(h.tokenIn.checksummed), "token_out": .string(h.tokenOut.checksummed),
                    "amount_in": .string(h.amountIn.description), "min_out": .string(h.minOut.description),
                    "extra": .string(h.extra.description),
                ])
            })
        switch p {
        case .arbitrage:
            return .object(["type": .string("arbitrage"), "hops": hops])
        case .liquidation(let pool, let collateral, let user, let debt, _):
            return .object([
                "type": .string("liquidation"), "pool": .string(pool.checksummed),
                "collateral": .string(collateral.checksummed), "user": .string(user.checksummed),
                "debt_to_cover": .string(debt.description), "hops": hops,
            ])
        case .cometLiquidation(let comet, let collateral, let minAmount, let baseAmount, let accounts, _):
            return .object([
                "type": .string("comet_liquidation"), "comet": .string(comet.checksummed),
                "collateral": .string(collateral.checksummed), "min_amount": .string(minAmount.description),
                "base_amount": .string(baseAmount.description),
                "accounts": .array(accounts.map { .string($0.checksummed) }), "hops": hops,
            ])
        case .makerTake(let clipper, let daiJoin, let gemJoin, let id, let amt, let max, _):
            return .object([
                "type": .string("maker_take"), "clipper": .string(clipper.checksummed),
                "dai_join": .string(daiJoin.checksummed), "gem_join": .string(gemJoin.checksummed),
                "id": .string(id.description), "amt": .string(amt.description), "max": .string(max.description),
                "hops": hops,
            ])
        }
    }
}

/// A JSON object being read, with its path for error messages.
struct PlanObject {
    let value: JSONValue
    let members: [String: JSONValue]
    let base: String

    init(_ value: JSONValue, path: String) throws(PlanFileError) {
        guard case .object(let o) = value else {
            throw PlanFileError(field: path, problem: "must be a JSON object")
        }
        self.value = value
        self.members = o
        self.base = path
    }

    func path(_ key: String) -> String { base.isEmpty ? key : base + "." + key }
    func has(_ key: String) -> Bool { members[key] != nil }
    func opt<T>(_ key: String, _ read: (String) throws(PlanFileError) -> T) throws(PlanFileError) -> T? {
        optional(key) == nil ? nil : try read(key)
    }

    func optional(_ key: String) -> JSONValue? {
        if let v = members[key], v != .null { return v }
        return nil
    }

    func allow(_ keys: Set<String>) throws(PlanFileError) {
        if let bad = members.keys.sorted().first(where: { !keys.contains($0) }) {
            throw PlanFileError(field: path(bad), problem: "unknown key")
        }
    }

    func required(_ key: String) throws(PlanFileError) -> JSONValue {
        guard let v = members[key] else { throw PlanFileError(field: path(key), problem: "missing") }
        return v
    }

    func object(_ key: String) throws(PlanFileError) -> PlanObject {
        try PlanObject(try required(key), path: path(key))
    }

    func string(_ key: String) throws(PlanFileError) -> String {
        guard case .string(let s) = try required(key) else {
            throw PlanFileError(field: path(key), problem: "must be a string")
        }
        return s
    }

    func bool(_ key: String) throws(PlanFileError) -> Bool {
        guard case .bool(let b) = try required(key) else {
            throw PlanFileError(field: path(key), problem: "must be true or false")
        }
        return b
    }

    func address(_ key: String) throws(PlanFileError) -> Address {
        let s = try string(key)
        do { return try Address(parsing: s) } catch { throw PlanFileError(field: path(key), problem: "\(error)") }
    }

    func hash(_ key: String) throws(PlanFileError) -> Hash32 {
        let s = try string(key)
        guard s.hasPrefix("0x"), s.count == 66 else {
            throw PlanFileError(field: path(key), problem: "must be 0x and 64 hex digits")
        }
        do { return try Hash32(hex: s) } catch { throw PlanFileError(field: path(key), problem: "\(error)") }
    }

    /// A decimal string of digits only (no sign, no exponent, no JSON number: those lose precision in most tools).
    func u256(_ key: String) throws(PlanFileError) -> U256 {
        let v = try required(key)
        guard case .string(let s) = v else {
            throw PlanFileError(field: path(key), problem: "integers are decimal strings (\"1000\"), got \(v)")
        }
        guard !s.isEmpty, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), s == "0" || !s.hasPrefix("0") else {
            throw PlanFileError(field: path(key), problem: "\"\(s)\" is not a decimal integer without leading zeros")
        }
        do { return try U256(decimalDigits: s) } catch {
            throw PlanFileError(field: path(key), problem: "\"\(s)\" does not fit in 256 bits")
        }
    }

    func u64(_ key: String) throws(PlanFileError) -> UInt64 {
        guard let v = try u256(key).uint64 else { throw PlanFileError(field: path(key), problem: "too large") }
        return v
    }
}

/// A small deterministic pretty printer for JSON values (sorted keys, two spaces).
enum PlanJSON {
    static func pretty(_ v: JSONValue, indent: String = "") -> String {
        let inner = indent + "  "
        switch v {
        case .object(let o) where !o.isEmpty:
            return "{\n"
                + o.keys.sorted().map {
                    inner + JSONValue.string($0).description + ": " + pretty(o[$0]!, indent: inner)
                }
                .joined(separator: ",\n") + "\n" + indent + "}"
        case .array(let a) where !a.isEmpty:
            return "[\n" + a.map { inner + pretty($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        default:
            return v.description
        }
    }
}
