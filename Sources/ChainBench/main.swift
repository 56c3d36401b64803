// Reads getReserves() of 1,000 Uniswap V2 pairs (the devnet's few pairs, repeated) three ways through a URL
// (scripts/bench-rpc puts the fault proxy with 50 ms latency in front of the devnet): one eth_call each,
// one JSON-RPC batch of eth_calls, and Multicall3 chunks in one batch. Prints round trips and wall time.
import Chain
import Foundation
import Primitives

func main() async {
    let env = ProcessInfo.processInfo.environment
    let args = CommandLine.arguments
    guard args.count >= 3, let multicall = try? Address(parsing: args[2]) else {
        FileHandle.standardError.write(Data("usage: chain-bench URL MULTICALL PAIR...\n".utf8))
        exit(2)
    }
    let pairs = args.dropFirst(3).compactMap { try? Address(parsing: $0) }
    let n = Int(env["BENCH_CALLS"] ?? "") ?? 1_000
    let targets = (0..<n).map { pairs[$0 % pairs.count] }
    let getReserves: [UInt8] = [0x09, 0x02, 0xf1, 0xac]
    do {
        func fresh(_ batch: Int = 100) throws -> RPCClient {
            try RPCClient(urls: [args[1]], configuration: RPCConfiguration(
                expectedChainID: 31337, callTimeout: .seconds(60), totalTimeout: .seconds(600), maxBatchSize: batch))
        }
        let clock = ContinuousClock()
        let c0 = try fresh()
        let head = try await c0.block(.latest)
        let ref = BlockRef.hash(head.hash)

        let c1 = try fresh()
        _ = try await c1.chainID()
        var trips = c1.roundTrips
        var t = clock.now
        var single: [[UInt8]] = []
        for p in targets {
            single.append(try await c1.call(CallRequest(to: p, data: getReserves), at: ref).returnData ?? [])
        }
        let singleTime = clock.now - t
        let singleTrips = c1.roundTrips - trips

        let c2 = try fresh(1_000)
        _ = try await c2.chainID()
        trips = c2.roundTrips
        t = clock.now
        let batched = try await c2.batch(targets.map {
            RPCRequest("eth_call", [CallRequest(to: $0, data: getReserves).json, ref.parameter])
        }).map { try $0.get().bytes("r") }
        let batchTime = clock.now - t
        let batchTrips = c2.roundTrips - trips

        let c3 = try fresh()
        _ = try await c3.chainID()
        trips = c3.roundTrips
        t = clock.now
        let mc = try await Multicall(mode: .deployed(multicall)).execute(
            targets.map { Call3(target: $0, callData: getReserves) }, client: c3, at: ref)
        let mcTime = clock.now - t
        let mcTrips = c3.roundTrips - trips

        let equal = batched == single && mc.map { $0.returnData ?? [] } == single
        func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15 }
        print("reserves of \(n) V2 pairs (\(pairs.count) distinct) at block \(head.number), results equal: \(equal)")
        print(String(format: "one eth_call each:   %5d round trips  %9.1f ms", singleTrips, ms(singleTime)))
        print(String(format: "json-rpc batch:      %5d round trips  %9.1f ms  (%.1fx)", batchTrips, ms(batchTime), ms(singleTime) / ms(batchTime)))
        print(String(format: "multicall3 chunks:   %5d round trips  %9.1f ms  (%.1fx)", mcTrips, ms(mcTime), ms(singleTime) / ms(mcTime)))
        if !equal { exit(1) }
    } catch {
        FileHandle.standardError.write(Data("chain-bench: \(error)\n".utf8))
        exit(1)
    }
}

await main()
