import Foundation
import Primitives
import Testing

@testable import Protocols

/// Small parsers for JSON test data (numbers arrive as decimal strings or JSON numbers).
enum Parse {
    struct Missing: Error, CustomStringConvertible {
        let key: String
        var description: String { "missing or malformed field \(key)" }
    }

    static func string(_ d: [String: Any], _ key: String) throws -> String {
        if let s = d[key] as? String { return s }
        if let n = d[key] as? NSNumber { return n.stringValue }
        throw Missing(key: key)
    }

    static func u256(_ d: [String: Any], _ key: String) throws -> U256 { try U256(parsing: try string(d, key)) }

    static func i256(_ d: [String: Any], _ key: String) throws -> I256 { try I256(parsing: try string(d, key)) }

    static func u128(_ d: [String: Any], _ key: String) throws -> UInt128 {
        guard let v = try u256(d, key).uint128 else { throw Missing(key: key) }
        return v
    }

    static func i128(_ d: [String: Any], _ key: String) throws -> Int128 {
        guard let v = Int128(try string(d, key)) else { throw Missing(key: key) }
        return v
    }

    static func int(_ d: [String: Any], _ key: String) throws -> Int {
        guard let v = Int(try string(d, key)) else { throw Missing(key: key) }
        return v
    }

    static func bool(_ d: [String: Any], _ key: String) throws -> Bool {
        guard let v = d[key] as? Bool else { throw Missing(key: key) }
        return v
    }

    static func dict(_ d: [String: Any], _ key: String) throws -> [String: Any] {
        guard let v = d[key] as? [String: Any] else { throw Missing(key: key) }
        return v
    }

    static func list(_ d: [String: Any], _ key: String) throws -> [[String: Any]] {
        guard let v = d[key] as? [[String: Any]] else { throw Missing(key: key) }
        return v
    }
}

/// Builds pool states the way the v3-core tests do: initialize at a price, then mint positions.
enum PoolBuilder {
    /// A pool at `sqrtPriceX96` with positions (tickLower, tickUpper, liquidity) minted in order.
    static func pool(
        sqrtPriceX96: U256, fee: UInt32, tickSpacing: Int32, positions: [(Int32, Int32, UInt128)]
    ) throws -> V3PoolState {
        let tick = try TickMath.tick(atSqrtRatio: sqrtPriceX96)
        var net: [Int32: Int128] = [:]
        var liquidity: UInt128 = 0
        for (lower, upper, l) in positions {
            net[lower, default: 0] += Int128(l)
            net[upper, default: 0] -= Int128(l)
            if lower <= tick && tick < upper { liquidity += l }
        }
        return try V3PoolState(
            sqrtPriceX96: sqrtPriceX96, tick: tick, liquidity: liquidity, fee: fee, tickSpacing: tickSpacing,
            ticks: net.map { V3Tick(index: $0.key, liquidityNet: $0.value) })
    }
}
