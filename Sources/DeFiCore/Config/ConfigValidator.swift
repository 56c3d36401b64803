/// Checks a raw ``ConfigNode`` tree against the `defi:` schema and builds a typed ``DefiConfig``.
///
/// Unknown keys and bad values throw ``ConfigError`` naming the full key path and the expected form.
public struct ConfigValidator: Sendable {
    /// How addresses are checked.
    public var addressRule: AddressRule
    /// The env var or flag each overridden key path came from (`defi.rpc_url` -> `ETH_RPC_URL`).
    public var origins: [String: String]

    /// A validator with an address rule and the origins of overridden values.
    public init(addressRule: AddressRule = .eip55, origins: [String: String] = [:]) {
        self.addressRule = addressRule
        self.origins = origins
    }

    /// Validates a whole document (`defi:` at the root).
    public func validate(_ root: ConfigNode) throws(ConfigError) -> DefiConfig {
        let top = try ConfigFields(root, path: "(root)", known: ["defi"], origins: origins, addressRule: addressRule)
        let d = try ConfigFields(
            top.values["defi"], path: "defi",
            known: [
                "chain", "rpc_url", "strategies", "execution", "risk", "protocols", "chains", "tokens", "venues",
                "multicall", "aggregators", "history", "pricing", "pnl", "rpc_timeout_seconds",
            ], origins: origins, addressRule: addressRule)
        let strategies = try d.mapping("strategies", known: ["arbitrage", "statistical", "liquidation"])
        let execution = try d.mapping("execution", known: ["flash_loan", "capital", "mev", "tenderly"])
        let history = try d.mapping("history", known: ["db"])
        let pnl = try d.mapping("pnl", known: ["quote"])
        let tokens = try tokens(d)
        var arbitrage = try arbitrage(strategies)
        arbitrage.baseTokens = try baseTokens(strategies, tokens: tokens)
        var config = DefiConfig(
            chain: try d.string("chain"), rpcURL: try d.url("rpc_url"),
            arbitrage: arbitrage, statistical: try statistical(strategies),
            flashLoan: try flashLoan(execution), capital: try capital(execution), risk: try risk(d),
            protocols: try protocols(d), chains: try chains(d), tokens: tokens, venues: try venues(d),
            multicall: try d.address("multicall"), aggregators: try aggregators(d), historyDB: try history.string("db"))
        config.liquidation = try liquidation(strategies)
        config.rpcTimeoutSeconds = try d.int(
            "rpc_timeout_seconds", in: 1...600, expected: "a whole number of seconds (1-600) for one RPC exchange")
        config.pricingUSD = try pricingUSD(d, tokens: tokens)
        config.mev = try mev(execution)
        config.tenderly = try tenderly(execution)
        if let quote = try pnl.string("quote") {
            let known = quote.uppercased() == "USD" || config.tokens[quote] != nil
                || (quote.count == 42 && quote.hasPrefix("0x") && quote.dropFirst(2).allSatisfy(\.isHexDigit))
            guard known else {
                throw pnl.invalid("quote", expected: "USD, a symbol under defi.tokens, or a token address", got: quote)
            }
            config.pnlQuote = quote
        }
        return config
    }

    /// `defi.strategies.arbitrage.base_tokens`: token symbols (keys of `defi.tokens`) cycles start from.
    private func baseTokens(_ s: ConfigFields, tokens: [String: TokenConfig]) throws(ConfigError) -> [String] {
        let a = try s.mapping("arbitrage", known: nil)
        let known = tokens.keys.sorted()
        let expected =
            known.isEmpty
            ? "a list of token symbols from defi.tokens"
            : "a list of symbols from defi.tokens (\(known.joined(separator: ", ")))"
        switch a.values["base_tokens"] {
        case nil, .null?: return []
        case .sequence(let items)?:
            var out: [String] = []
            for (i, item) in items.enumerated() {
                guard case .scalar(let text, _) = item,
                    let symbol = known.first(where: { $0.lowercased() == text.lowercased() })
                else {
                    throw .invalidValue(
                        path: "\(a.child("base_tokens"))[\(i)]", expected: expected, got: item.shortDescription,
                        origin: nil)
                }
                out.append(symbol)
            }
            return out
        case let other?:
            throw a.invalid("base_tokens", expected: expected, got: other.shortDescription)
        }
    }

    /// `defi.pricing.usd.<SYMBOL>`: fixed USD prices per whole token, keyed by `defi.tokens` symbols.
    private func pricingUSD(_ d: ConfigFields, tokens: [String: TokenConfig]) throws(ConfigError)
        -> [String: ExactDecimal]
    {
        let pricing = try d.mapping("pricing", known: ["usd"])
        let usd = try pricing.mapping("usd", known: tokens.isEmpty ? [] : tokens.keys.sorted())
        var out: [String: ExactDecimal] = [:]
        for symbol in usd.keys {
            out[symbol] = try usd.decimal(symbol, expected: "a non-negative decimal USD price")
        }
        return out
    }

    private static let basisPoints = "a whole number of basis points (0-10000)"

    private func arbitrage(_ s: ConfigFields) throws(ConfigError) -> ArbitrageConfig {
        let a = try s.mapping(
            "arbitrage", known: ["min_profit_usd", "min_spread_bps", "max_position_usd", "base_tokens"])
        return ArbitrageConfig(
            minProfitUSD: try a.decimal("min_profit_usd") ?? ConfigDefaults.minProfitUSD,
            minSpreadBPS: try a.int("min_spread_bps", in: 0...10_000, expected: Self.basisPoints)
                ?? ConfigDefaults.minSpreadBPS,
            maxPositionUSD: try a.decimal("max_position_usd") ?? ConfigDefaults.maxPositionUSD)
    }

    private func liquidation(_ s: ConfigFields) throws(ConfigError) -> LiquidationConfig {
        let l = try s.mapping("liquidation", known: ["min_profit_usd", "finality_blocks"])
        var c = LiquidationConfig()
        if let v = try l.decimal("min_profit_usd") { c.minProfitUSD = v }
        if let v = try l.integer("finality_blocks", in: 0...100_000, expected: "a whole number of blocks (0-100000)") {
            c.finalityBlocks = v
        }
        return c
    }

    private func statistical(_ s: ConfigFields) throws(ConfigError) -> StatisticalConfig? {
        guard s.values["statistical"] != nil else { return nil }
        let t = try s.mapping(
            "statistical", known: ["lookback_blocks", "entry_z_score", "exit_z_score", "max_position_usd", "pairs"])
        return StatisticalConfig(
            lookbackBlocks: try t.int("lookback_blocks", in: 1...10_000_000, expected: "a whole number of blocks"),
            entryZScore: try t.decimal("entry_z_score"), exitZScore: try t.decimal("exit_z_score"),
            maxPositionUSD: try t.decimal("max_position_usd"), pairs: try statisticalPairs(t))
    }

    /// `statistical.pairs`: a list of `{a: pool, b: pool, kind: venues|cointegrated}`.
    private func statisticalPairs(_ t: ConfigFields) throws(ConfigError) -> [StatisticalPairConfig] {
        switch t.values["pairs"] {
        case nil, .null?: return []
        case .sequence(let items)?:
            var out: [StatisticalPairConfig] = []
            for (i, item) in items.enumerated() {
                let p = try ConfigFields(
                    item, path: "\(t.child("pairs"))[\(i)]", known: ["a", "b", "kind"], origins: origins,
                    addressRule: addressRule)
                guard case .mapping = item else {
                    throw .invalidValue(
                        path: p.path, expected: "a mapping {a, b, kind}", got: item.shortDescription, origin: nil)
                }
                guard let a = try p.address("a") else { throw p.invalid("a", expected: addressRule.expected, got: "nothing") }
                guard let b = try p.address("b") else { throw p.invalid("b", expected: addressRule.expected, got: "nothing") }
                let kind = try p.string("kind")
                if let kind, !["venues", "cointegrated"].contains(kind) {
                    throw p.invalid("kind", expected: "venues or cointegrated", got: "\"\(kind)\"")
                }
                out.append(StatisticalPairConfig(a: a, b: b, kind: kind))
            }
            return out
        case let other?:
            throw t.invalid("pairs", expected: "a list of {a, b, kind}", got: other.shortDescription)
        }
    }

    private func flashLoan(_ e: ConfigFields) throws(ConfigError) -> FlashLoanConfig {
        let f = try e.mapping("flash_loan", known: ["contract_address", "max_gas_price_gwei"])
        return FlashLoanConfig(
            contractAddress: try f.address("contract_address"),
            maxGasPriceGwei: try f.decimal("max_gas_price_gwei") ?? ConfigDefaults.maxGasPriceGwei)
    }

    private func capital(_ e: ConfigFields) throws(ConfigError) -> CapitalConfig {
        let c = try e.mapping("capital", known: ["max_allocation_pct"])
        let pct = try c.decimal(
            "max_allocation_pct", maximum: ExactDecimal(100), expected: "a percentage between 0 and 100")
        return CapitalConfig(maxAllocationPct: pct ?? ConfigDefaults.maxAllocationPct)
    }

    private func mev(_ e: ConfigFields) throws(ConfigError) -> MEVConfig {
        let m = try e.mapping("mev", known: ["builders", "auth_key"])
        let expected = "env:VARIABLE or keystore:NAME (a keystore name or file)"
        let auth = try m.text("auth_key", expected: expected)
        if let auth, !(auth.hasPrefix("env:") || auth.hasPrefix("keystore:")) || auth.split(separator: ":").count < 2 {
            throw m.invalid("auth_key", expected: expected, got: "a value of another form")
        }
        let builders = try m.urls("builders")
        for (i, url) in builders.enumerated() where !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            throw .invalidValue(path: "\(m.child("builders"))[\(i)]", expected: "an http(s) URL", got: "another scheme",
                                origin: nil)
        }
        return MEVConfig(builders: builders, authKey: auth)
    }

    private func tenderly(_ e: ConfigFields) throws(ConfigError) -> TenderlyConfig? {
        guard e.values["tenderly"] != nil else { return nil }
        let t = try e.mapping("tenderly", known: ["account", "project", "access_key", "base_url"])
        return TenderlyConfig(
            account: try t.string("account"), project: try t.string("project"), accessKey: try t.string("access_key"),
            baseURL: try t.url("base_url", schemes: ["https", "http"]))
    }

    private func risk(_ d: ConfigFields) throws(ConfigError) -> RiskConfig {
        let r = try d.mapping("risk", known: ["max_daily_loss_usd", "max_position_count", "var_confidence"])
        return RiskConfig(
            maxDailyLossUSD: try r.decimal("max_daily_loss_usd") ?? ConfigDefaults.maxDailyLossUSD,
            maxPositionCount: try r.int("max_position_count", in: 0...1_000_000, expected: "a whole number")
                ?? ConfigDefaults.maxPositionCount,
            varConfidence: try r.decimal(
                "var_confidence", maximum: ExactDecimal(1), expected: "a number between 0 and 1")
                ?? ConfigDefaults.varConfidence)
    }

    private func protocols(_ d: ConfigFields) throws(ConfigError) -> [String: ProtocolConfig] {
        let all = try d.mapping("protocols", known: nil)
        var out: [String: ProtocolConfig] = [:]
        for name in all.keys {
            let p = try all.mapping(name, known: nil)
            var addresses: [String: String] = [:]
            for role in p.keys where role != "version" && role != "deployment_block" {
                addresses[role] = try p.address(role)
            }
            var config = ProtocolConfig(addresses: addresses, version: try p.string("version"))
            config.deploymentBlock = try p.integer(
                "deployment_block", in: 0...UInt64(Int64.max), expected: "a block number")
            out[name] = config
        }
        return out
    }

    private func chains(_ d: ConfigFields) throws(ConfigError) -> [String: ChainConfig] {
        let all = try d.mapping("chains", known: nil)
        var out: [String: ChainConfig] = [:]
        for name in all.keys {
            let c = try all.mapping(name, known: ["chain_id", "rpc_urls", "explorer"])
            guard let id = try c.integer("chain_id", in: 1...UInt64(Int64.max), expected: "a positive chain id") else {
                throw c.invalid("chain_id", expected: "a positive chain id", got: "nothing")
            }
            out[name] = ChainConfig(chainID: id, rpcURLs: try c.urls("rpc_urls"), explorer: try c.url("explorer"))
        }
        return out
    }

    private func tokens(_ d: ConfigFields) throws(ConfigError) -> [String: TokenConfig] {
        let all = try d.mapping("tokens", known: nil)
        var out: [String: TokenConfig] = [:]
        for symbol in all.keys {
            let t = try all.mapping(symbol, known: ["address", "decimals", "symbol"])
            guard let address = try t.address("address") else {
                throw t.invalid("address", expected: addressRule.expected, got: "nothing")
            }
            guard let decimals = try t.int("decimals", in: 0...77, expected: "a whole number from 0 to 77") else {
                throw t.invalid("decimals", expected: "a whole number from 0 to 77", got: "nothing")
            }
            out[symbol] = TokenConfig(address: address, decimals: decimals, symbol: try t.string("symbol"))
        }
        return out
    }

    private func venues(_ d: ConfigFields) throws(ConfigError) -> [String: VenueConfig] {
        let all = try d.mapping("venues", known: nil)
        var out: [String: VenueConfig] = [:]
        let kinds = VenueKind.allCases.map(\.rawValue)
        for name in all.keys {
            let v = try all.mapping(
                name,
                known: [
                    "kind", "factory", "router", "quoter", "position_manager", "vault", "init_code_hash", "fee_bps",
                    "pools",
                ])
            let expected = "one of " + kinds.joined(separator: ", ")
            let text = try v.text("kind", expected: expected)
            guard let text, let kind = VenueKind(rawValue: text) else {
                throw v.invalid("kind", expected: expected, got: text.map { "\"\($0)\"" } ?? "nothing")
            }
            out[name] = VenueConfig(
                kind: kind, factory: try v.address("factory"), router: try v.address("router"),
                quoter: try v.address("quoter"), positionManager: try v.address("position_manager"),
                vault: try v.address("vault"), initCodeHash: try v.hash32("init_code_hash"),
                feeBPS: try v.int("fee_bps", in: 0...10_000, expected: Self.basisPoints),
                pools: try v.addresses("pools"))
        }
        return out
    }

    private func aggregators(_ d: ConfigFields) throws(ConfigError) -> [String: AggregatorConfig] {
        let all = try d.mapping("aggregators", known: ["oneinch", "zerox"])
        var out: [String: AggregatorConfig] = [:]
        for name in all.keys {
            let a = try all.mapping(name, known: ["api_key", "base_url", "allowed_targets"])
            out[name] = AggregatorConfig(
                apiKey: try a.string("api_key"), baseURL: try a.url("base_url", schemes: ["https", "http"]),
                allowedTargets: try a.addresses("allowed_targets"))
        }
        return out
    }
}
