// Where an aggregator client sends requests, with which key, and which contracts its answers may name.
import Chain
import DeFiCore
import Foundation
import Primitives

/// The two supported aggregator APIs.
public enum AggregatorKind: String, Sendable, CaseIterable, Hashable {
    /// 1inch Classic Swap API v6.0 (`defi.aggregators.oneinch`).
    case oneInch = "oneinch"
    /// 0x Swap API v2, AllowanceHolder flavour (`defi.aggregators.zerox`).
    case zeroEx = "zerox"

    /// The venue name in quote tables and `--venues`: `1inch`, `0x`.
    public var displayName: String { self == .oneInch ? "1inch" : "0x" }

    /// The public API root.
    public var defaultBaseURL: String { self == .oneInch ? "https://api.1inch.dev" : "https://api.0x.org" }

    /// The environment variables read for the key, in order (after the config value).
    public var keyVariables: [String] {
        self == .oneInch ? ["ONEINCH_API_KEY", "DEFI_ONEINCH_API_KEY"] : ["ZEROX_API_KEY", "DEFI_ZEROX_API_KEY"]
    }

    /// Contracts a response may name (tx.to, spender, allowance target) on `chainID` when the config gives no list:
    /// 1inch AggregationRouterV6 (same address on every EVM chain 1inch serves except zkSync), 0x AllowanceHolder
    /// (Cancun chains and Shanghai chains; 0x-settler README). Empty for chains not listed (a devnet must configure it).
    public func defaultAllowlist(chainID: UInt64) -> Set<Address> {
        let oneInchChains: Set<UInt64> = [1, 10, 56, 100, 137, 146, 250, 8453, 42161, 43114, 59144, 1313161554]
        let zeroExCancun: Set<UInt64> = [1, 10, 56, 137, 8453, 42161, 43114, 59144, 81457, 534352, 130, 480]
        let zeroExShanghai: Set<UInt64> = [5000]
        func a(_ s: String) -> Address { try! Address(parsing: s) }
        switch self {
        case .oneInch:
            return oneInchChains.contains(chainID) ? [a("0x111111125421cA6dc452d289314280a0f8842A65")] : []
        case .zeroEx:
            if zeroExCancun.contains(chainID) { return [a("0x0000000000001fF3684f28c67538d4D072C22734")] }
            if zeroExShanghai.contains(chainID) { return [a("0x0000000000005E88410CcDFaDe4a5EfaE4b49562")] }
            return []
        }
    }
}

/// One aggregator's resolved settings. The key is only ever sent in a request header; `description` hides it.
public struct AggregatorSettings: Sendable, CustomStringConvertible {
    /// Which API.
    public var kind: AggregatorKind
    /// The API key (never printed).
    public var apiKey: String
    /// The API root without a trailing slash (`https://api.1inch.dev`).
    public var baseURL: String
    /// The chain the quotes are for.
    public var chainID: UInt64
    /// Contracts a response may name as `tx.to`, spender or allowance target.
    public var allowedTargets: Set<Address>
    /// Per-request timeout.
    public var timeout: Duration
    /// Attempts in all when the API answers 429.
    public var maxAttempts: Int
    /// The longest Retry-After honoured; a longer one ends the retries at once.
    public var maxRetryAfter: Duration

    /// Settings; `allowedTargets` nil means the kind's default list for `chainID`.
    public init(
        kind: AggregatorKind, apiKey: String, baseURL: String? = nil, chainID: UInt64,
        allowedTargets: Set<Address>? = nil, timeout: Duration = .seconds(10), maxAttempts: Int = 3,
        maxRetryAfter: Duration = .seconds(5)
    ) {
        self.kind = kind
        self.apiKey = apiKey
        var base = baseURL ?? kind.defaultBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.chainID = chainID
        self.allowedTargets = allowedTargets ?? kind.defaultAllowlist(chainID: chainID)
        self.timeout = timeout
        self.maxAttempts = max(1, maxAttempts)
        self.maxRetryAfter = maxRetryAfter
    }

    /// `1inch at https://api.1inch.dev, chain 1, key <redacted>`.
    public var description: String {
        "\(kind.displayName) at \(Endpoint.redact(baseURL)), chain \(chainID), key <redacted>"
    }

    /// Whether a key for `kind` is set in the config or the environment (the aggregator takes part in quotes).
    public static func hasKey(
        _ kind: AggregatorKind, config: DefiConfig, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Bool {
        if let k = config.aggregators[kind.rawValue]?.apiKey, !k.isEmpty { return true }
        return kind.keyVariables.contains { !(environment[$0] ?? "").isEmpty }
    }

    /// The settings of `kind` from `defi.aggregators.<kind>` and the environment; nil when no key is set anywhere
    /// (the aggregator is simply not configured). Throws on an unusable allowlist entry.
    public static func resolve(
        _ kind: AggregatorKind, config: DefiConfig, chainID: UInt64,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(AggregatorError) -> AggregatorSettings? {
        let c = config.aggregators[kind.rawValue]
        let key = c?.apiKey ?? kind.keyVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let key, !key.isEmpty else { return nil }
        var allow: Set<Address>?
        if let list = c?.allowedTargets, !list.isEmpty {
            var s = Set<Address>()
            for t in list {
                guard let a = try? Address(parsing: t) else {
                    throw .badConfig(
                        aggregator: kind.displayName, reason: "allowed_targets entry \"\(t)\" is not an address")
                }
                s.insert(a)
            }
            allow = s
        }
        if let base = c?.baseURL, let u = URLComponents(string: base), u.scheme?.lowercased() == "http",
            !["127.0.0.1", "localhost", "::1", "[::1]"].contains(u.host?.lowercased() ?? "")
        {
            throw .badConfig(
                aggregator: kind.displayName,
                reason: "base_url \(Endpoint.redact(base)) is plain http: the api key would travel in clear (use https)"
            )
        }
        let settings = AggregatorSettings(
            kind: kind, apiKey: key, baseURL: c?.baseURL, chainID: chainID, allowedTargets: allow)
        guard !settings.allowedTargets.isEmpty else {
            throw .badConfig(
                aggregator: kind.displayName,
                reason: "no known router for chain \(chainID); set defi.aggregators.\(kind.rawValue).allowed_targets")
        }
        return settings
    }
}
