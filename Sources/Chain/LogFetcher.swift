import Primitives

/// What `eth_getLogs` should match (the block range is given separately).
public struct LogFilter: Sendable, Equatable {
    /// Emitting contracts (empty: any).
    public var addresses: [Address]
    /// Topic positions; each is nil (any) or a list of alternatives.
    public var topics: [[Hash32]?]

    /// A filter value.
    public init(addresses: [Address] = [], topics: [[Hash32]?] = []) {
        self.addresses = addresses
        self.topics = topics
    }

    /// The filter object for `from...to`.
    public func json(from: UInt64, to: UInt64) -> JSONValue {
        var o: [String: JSONValue] = ["fromBlock": .quantity(from), "toBlock": .quantity(to)]
        if addresses.count == 1, let a = addresses.first { o["address"] = .address(a) }
        if addresses.count > 1 { o["address"] = .array(addresses.map { .address($0) }) }
        if !topics.isEmpty {
            o["topics"] = .array(topics.map { t in
                guard let t else { return .null }
                return t.count == 1 ? .string(t[0].description) : .array(t.map { .string($0.description) })
            })
        }
        return .object(o)
    }
}

/// Anything that answers `eth_getLogs` for one range (the RPC client, or a fake node in tests).
public protocol LogSource: Sendable {
    /// Logs matching `filter` in `from...to`.
    func logs(_ filter: LogFilter, from: UInt64, to: UInt64) async throws(RPCError) -> [Log]
}

extension RPCClient: LogSource {
    /// One `eth_getLogs` request.
    public func logs(_ filter: LogFilter, from: UInt64, to: UInt64) async throws(RPCError) -> [Log] {
        var out: [Log] = []
        for v in try await call("eth_getLogs", [filter.json(from: from, to: to)]).elements("eth_getLogs result") {
            out.append(try Log(json: v))
        }
        return out
    }
}

/// `eth_getLogs` over any range: windows of at most `maxRange` blocks, bisected when the node refuses a range or
/// a result size, and the window shrinks for the rest of the scan.
public struct LogFetcher: Sendable {
    /// Largest window asked in one request.
    public var maxRange: UInt64
    /// Statistics of the last fetch: requests made and refusals that caused a split.
    public struct Stats: Sendable, Equatable {
        /// Requests sent.
        public var requests = 0
        /// Ranges the node refused.
        public var splits = 0
    }

    /// A fetcher with a window of at most `maxRange` blocks.
    public init(maxRange: UInt64 = 10_000) { self.maxRange = max(1, maxRange) }

    /// Whether the node refused the range or the result size (so a smaller range may work).
    public static func isRangeRefusal(_ e: RPCError) -> Bool {
        guard case .rpc(let code, let message, _, _) = e else {
            if case .http(413, _, _) = e { return true }
            return false
        }
        let m = message.lowercased()
        let phrases = [
            "query returned more than", "block range", "range too large", "range is too large", "too many blocks",
            "response size", "too many results", "limit exceeded", "exceed maximum", "max range", "query timeout",
            "log response size exceeded", "results limit", "max results", "exceeds max",
        ]
        return code == -32005 || phrases.contains { m.contains($0) }
    }

    /// All logs in `from...to`, in block order; throws when even a single block is refused.
    public func fetch(_ filter: LogFilter, from: UInt64, to: UInt64, source: some LogSource) async throws(RPCError)
        -> (logs: [Log], stats: Stats)
    {
        var stats = Stats()
        var out: [Log] = []
        guard from <= to else { return (out, stats) }
        var window = maxRange
        var start = from
        var goodStreak = 0
        while start <= to {
            let end = min(to, start &+ (window - 1) < start ? to : start + (window - 1))
            stats.requests += 1
            do {
                out += try await source.logs(filter, from: start, to: end)
                if end == to { break }
                start = end + 1
                goodStreak += 1
                if goodStreak >= 4 && window < maxRange {
                    window = min(maxRange, window * 2)
                    goodStreak = 0
                }
            } catch {
                guard Self.isRangeRefusal(error), end > start else { throw error }
                stats.splits += 1
                goodStreak = 0
                window = max(1, (end - start + 1) / 2)
            }
        }
        return (out, stats)
    }
}
