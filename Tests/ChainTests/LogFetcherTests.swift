import Primitives
import Testing

@testable import Chain

/// A fake node: one log per block, refusing ranges wider than `limit` blocks with a geth-style message.
final class FakeLogNode: LogSource, @unchecked Sendable {
    let limit: UInt64
    let message: String
    let code: Int
    let requests = Locked<[(UInt64, UInt64)]>([])

    init(limit: UInt64, code: Int = -32005, message: String = "query returned more than 10000 results") {
        self.limit = limit
        self.code = code
        self.message = message
    }

    func logs(_ filter: LogFilter, from: UInt64, to: UInt64) async throws(RPCError) -> [Log] {
        requests.withLock { $0.append((from, to)) }
        if to - from + 1 > limit { throw .rpc(code: code, message: message, data: nil, method: "eth_getLogs") }
        return (from...to).map { Log(address: .zero, topics: [], data: [], blockNumber: $0) }
    }
}

@Suite struct LogFetcherTests {
    @Test func bisectsRefusedRangesAndReturnsEveryLogInOrder() async throws {
        let node = FakeLogNode(limit: 300)
        let (logs, stats) = try await LogFetcher(maxRange: 2_000).fetch(LogFilter(), from: 100, to: 5_099, source: node)
        #expect(logs.map(\.blockNumber) == (100...5_099).map { Optional($0) })
        #expect(stats.splits >= 3)
        #expect(node.requests.withLock { $0 }.allSatisfy { $0.1 - $0.0 + 1 <= 2_000 })
    }

    @Test func recognisesProviderRangeMessages() async throws {
        for (code, msg) in [(-32602, "eth_getLogs block range is too large, max 500"),
                            (-32000, "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range"),
                            (-32600, "query exceeds max results 20000")] {
            let node = FakeLogNode(limit: 100, code: code, message: msg)
            let (logs, _) = try await LogFetcher(maxRange: 1_000).fetch(LogFilter(), from: 0, to: 999, source: node)
            #expect(logs.count == 1_000, "\(msg)")
        }
    }

    @Test func otherErrorsPropagateAndSingleBlockRefusalThrows() async {
        let node = FakeLogNode(limit: 0)
        await #expect(throws: RPCError.self) { try await LogFetcher().fetch(LogFilter(), from: 0, to: 10, source: node) }
        let other = FakeLogNode(limit: 1, code: -32602, message: "invalid argument 0: hex string without 0x prefix")
        await #expect(throws: RPCError.self) { try await LogFetcher().fetch(LogFilter(), from: 0, to: 10, source: other) }
        #expect(other.requests.withLock { $0.count } == 1)
    }

    @Test func filterJSONShape() throws {
        let a = try Address(parsing: "0x" + String(repeating: "11", count: 20))
        let t = try Hash32(hex: "0x" + String(repeating: "22", count: 32))
        let j = LogFilter(addresses: [a], topics: [[t], nil]).json(from: 1, to: 16)
        #expect(j["fromBlock"] == .string("0x1") && j["toBlock"] == .string("0x10"))
        #expect(j["topics"] == .array([.string(t.description), .null]))
    }
}
