// The JSON form of a Route, `defi.route/1` (docs/route.md): snake_case keys, sorted, U256 as decimal strings,
// addresses EIP-55. It is what scan stores in OpportunityRecord.route and what simulate/execute read back.
import DeFiCore
import Foundation
import Primitives

/// A route document that cannot be read.
public struct RouteFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong, naming the field.
    public let reason: String

    /// A format error.
    public init(_ reason: String) { self.reason = reason }

    /// The one-line description.
    public var description: String { "invalid route: \(reason)" }
}

struct RouteFile: Codable {
    struct Hop: Codable {
        var kind: String
        var venue: String
        var pool: String
        var tokenIn: String
        var tokenOut: String
        var extra: U256
        var amountIn: U256
        var amountOut: U256
        var minOut: U256

        enum CodingKeys: String, CodingKey {
            case kind, venue, pool, extra
            case tokenIn = "token_in", tokenOut = "token_out", amountIn = "amount_in", amountOut = "amount_out"
            case minOut = "min_out"
        }
    }
    var schema: String
    var strategy: String
    var tokenIn: String
    var size: U256
    var amountOut: U256
    var grossProfit: I256
    var blockNumber: UInt64?
    var hops: [Hop]

    enum CodingKeys: String, CodingKey {
        case schema, strategy, size, hops
        case tokenIn = "token_in", amountOut = "amount_out", grossProfit = "gross_profit", blockNumber = "block_number"
    }
}

extension Route {
    /// The compact JSON document (sorted keys, no whitespace): what OpportunityRecord.route stores.
    public func jsonText(pretty: Bool = false) -> String {
        let file = RouteFile(
            schema: Self.schema, strategy: strategy.rawValue, tokenIn: tokenIn.checksummed, size: size,
            amountOut: amountOut, grossProfit: grossProfit, blockNumber: blockNumber,
            hops: hops.map {
                .init(
                    kind: $0.hop.kind.name, venue: $0.venue, pool: $0.hop.pool.checksummed,
                    tokenIn: $0.hop.tokenIn.checksummed, tokenOut: $0.hop.tokenOut.checksummed, extra: $0.hop.extra,
                    amountIn: $0.amountIn, amountOut: $0.amountOut, minOut: $0.minOut)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Every field is a string, integer or array of those: encoding cannot fail.
        guard let data = try? encoder.encode(file) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses a `defi.route/1` document, checking that hops chain and the route is a cycle.
    public init(jsonText text: String) throws(RouteFormatError) {
        let file: RouteFile
        do { file = try JSONDecoder().decode(RouteFile.self, from: Data(text.utf8)) } catch {
            throw RouteFormatError("\(error)")
        }
        guard file.schema == Self.schema else {
            throw RouteFormatError("schema \"\(file.schema)\", expected \"\(Self.schema)\"")
        }
        guard let strategy = RouteStrategy(rawValue: file.strategy) else {
            throw RouteFormatError("strategy \"\(file.strategy)\" is not spatial or triangular")
        }
        func addr(_ s: String, _ field: String) throws(RouteFormatError) -> Address {
            do { return try Address(parsing: s) } catch { throw RouteFormatError("\(field) \"\(s)\": \(error)") }
        }
        let tokenIn = try addr(file.tokenIn, "token_in")
        guard !file.hops.isEmpty else { throw RouteFormatError("hops is empty") }
        var hops: [RouteHop] = []
        for (i, h) in file.hops.enumerated() {
            guard let kind = HopKind(name: h.kind) else {
                throw RouteFormatError("hops[\(i)].kind \"\(h.kind)\" is not a hop kind")
            }
            let hop = PlanHop(
                kind: kind, pool: try addr(h.pool, "hops[\(i)].pool"), tokenIn: try addr(h.tokenIn, "hops[\(i)].token_in"),
                tokenOut: try addr(h.tokenOut, "hops[\(i)].token_out"), extra: h.extra)
            let expectedIn = i == 0 ? tokenIn : hops[i - 1].hop.tokenOut
            guard hop.tokenIn == expectedIn else {
                throw RouteFormatError("hops[\(i)].token_in does not take the previous hop's output")
            }
            hops.append(RouteHop(hop: hop, venue: h.venue, amountIn: h.amountIn, amountOut: h.amountOut, minOut: h.minOut))
        }
        guard hops[hops.count - 1].hop.tokenOut == tokenIn else {
            throw RouteFormatError("the last hop must return token_in (a route is a cycle)")
        }
        self.init(strategy: strategy, tokenIn: tokenIn, size: file.size, hops: hops, blockNumber: file.blockNumber)
    }
}
