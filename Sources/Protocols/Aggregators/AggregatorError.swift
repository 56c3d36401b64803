// Failures of the aggregator clients (1inch Swap API v6, 0x Swap API v2), each with its documented exit code:
// missing key or bad config 2, unreachable / 5xx / rate limit exhausted / garbled reply 3, a response that fails
// validation 4 (refused: never used), an API refusal of the request (400) 1.
import Chain
import DeFiCore

/// Why an aggregator could not answer, or why its answer was refused. Messages never hold the API key.
public enum AggregatorError: DefiError, Equatable {
    /// No API key in config (`defi.aggregators.<name>.api_key`) or the environment.
    case missingKey(aggregator: String)
    /// The aggregator settings are unusable (base URL, allowlist, chain).
    case badConfig(aggregator: String, reason: String)
    /// HTTP 400: the API refused the request; `description` is the API's own text.
    case badRequest(aggregator: String, description: String)
    /// HTTP 401/403: the key was refused.
    case unauthorized(aggregator: String, status: Int)
    /// HTTP 429 after `attempts` tries (Retry-After honoured up to the bound).
    case rateLimited(aggregator: String, attempts: Int)
    /// HTTP 5xx (or another unexpected status).
    case server(aggregator: String, status: Int, bodyPrefix: String)
    /// The API could not be reached or did not answer in time.
    case unreachable(aggregator: String, RPCError)
    /// The reply is not the documented JSON (garbled, a field missing or of the wrong type).
    case malformed(aggregator: String, what: String)
    /// The reply parsed but fails validation (wrong router, amounts or tokens): never used.
    case invalidQuote(aggregator: String, reason: String)
    /// The API has no route for the pair and amount.
    case noLiquidity(aggregator: String)

    /// The aggregator's display name (`1inch`, `0x`).
    public var aggregator: String {
        switch self {
        case .missingKey(let a), .badConfig(let a, _), .badRequest(let a, _), .unauthorized(let a, _),
            .rateLimited(let a, _), .server(let a, _, _), .unreachable(let a, _), .malformed(let a, _),
            .invalidQuote(let a, _), .noLiquidity(let a):
            a
        }
    }

    /// The stable code.
    public var code: String {
        switch self {
        case .missingKey: "aggregator_missing_key"
        case .badConfig: "aggregator_bad_config"
        case .badRequest: "aggregator_bad_request"
        case .unauthorized: "aggregator_unauthorized"
        case .rateLimited: "aggregator_rate_limited"
        case .server: "aggregator_server_error"
        case .unreachable: "aggregator_unreachable"
        case .malformed: "aggregator_malformed_reply"
        case .invalidQuote: "aggregator_invalid_quote"
        case .noLiquidity: "aggregator_no_liquidity"
        }
    }

    /// 2 config/key, 3 network side, 4 refused, 1 the API's own refusal.
    public var exitCode: ExitCode {
        switch self {
        case .missingKey, .badConfig, .unauthorized: .usage
        case .rateLimited, .server, .unreachable, .malformed: .networkUnavailable
        case .invalidQuote: .refused
        case .badRequest, .noLiquidity: .failure
        }
    }

    /// The one-line message.
    public var message: String {
        switch self {
        case .missingKey(let a): "\(a): no api key configured"
        case .badConfig(let a, let r): "\(a): \(r)"
        case .badRequest(let a, let d): "\(a) refused the request: \(d)"
        case .unauthorized(let a, let s): "\(a) refused the api key (http \(s))"
        case .rateLimited(let a, let n): "\(a) rate limit: still http 429 after \(n) attempts"
        case .server(let a, let s, let b): "\(a) server error: http \(s) \(b.debugQuotedForAggregator)"
        case .unreachable(let a, let e): "\(a): \(e)"
        case .malformed(let a, let w): "\(a) reply is malformed: \(w)"
        case .invalidQuote(let a, let r): "\(a) quote refused: \(r)"
        case .noLiquidity(let a): "\(a) has no liquidity for this trade"
        }
    }

    /// What to do about it.
    public var hint: String? {
        switch self {
        case .missingKey(let a):
            a == "1inch"
                ? "set defi.aggregators.oneinch.api_key or ONEINCH_API_KEY"
                : "set defi.aggregators.zerox.api_key or ZEROX_API_KEY"
        case .unauthorized: "check the api key"
        case .rateLimited: "wait and retry, or use a key with a higher rate limit"
        case .invalidQuote: "the response named a contract or amount outside the allowlist; it was not used"
        default: nil
        }
    }
}

extension String {
    var debugQuotedForAggregator: String {
        var s = ""
        for u in unicodeScalars { s.unicodeScalars.append(u.value < 0x20 || u == "\"" ? "?" : u) }
        return "\"" + s + "\""
    }
}
