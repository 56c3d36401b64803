import Chain
import Foundation
import Primitives
import Protocols

/// Pure quotes vs one QuoterV2 `eth_call` round trip on the devnet, same run: needs DEVNET_RPC_URL and
/// DEVNET_DEPLOYMENT (source devnet/env.sh); without them only the pure numbers are reported.
enum QuoteBench {
    static func run() -> [(String, Double)] {
        var out = UniswapBench.run()
        let env = ProcessInfo.processInfo.environment
        guard let url = env["DEVNET_RPC_URL"], let path = env["DEVNET_DEPLOYMENT"],
            let text = try? String(contentsOfFile: path, encoding: .utf8), let dep = try? JSONValue(parsing: text)
        else { return out }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = (try? await devnet(url: url, deployment: dep)) ?? []
            done.signal()
        }
        done.wait()
        out += box.value
        let pure = Dictionary(out, uniquingKeysWith: { a, _ in a })
        if let rpc = pure["quoterv2_eth_call_ns"] {
            for k in ["v3_quote_10_ticks_ns", "v2_amount_out_ns", "devnet_v3_pure_quote_ns"] {
                if let v = pure[k], v > 0 {
                    out.append(("ratio_quoterv2_over_\(k.replacingOccurrences(of: "_ns", with: ""))", rpc / v))
                }
            }
        }
        return out
    }

    final class Box: @unchecked Sendable { var value: [(String, Double)] = [] }

    static func address(_ v: JSONValue, _ path: String...) throws -> Address {
        var x = v
        for p in path { x = x[p] ?? .null }
        guard case .string(let s) = x else { throw RPCError.malformedReply(what: "deployment \(path)", bodyPrefix: "") }
        return try Address(parsing: s)
    }

    /// 250 WETH → USDC on the 0.05 % pool: the same swap priced locally and by QuoterV2 over HTTP.
    static func devnet(url: String, deployment dep: JSONValue) async throws -> [(String, Double)] {
        let client = try RPCClient(urls: [url])
        let view = try await client.pinned()
        let weth = try address(dep, "tokens", "WETH", "address"), usdc = try address(dep, "tokens", "USDC", "address")
        let reader = PoolReader(
            view: view, multicall: Multicall(mode: .deployed(try address(dep, "multicall"))),
            wordRadius: nil)
        let pools = try await reader.read(
            tokenA: weth, tokenB: usdc, v2: [],
            v3: [
                V3VenueSpec(
                    name: "uniswap_v3", factory: try address(dep, "venues", "uniswap_v3", "factory"), feeTiers: [500])
            ])
        guard let pool = pools.first else { return [] }
        let amount = U256(250) * Units.powerOfTen(18)
        let zeroForOne = weth < usdc
        let local = try QuoteEngine.quote(pool, zeroForOne: zeroForOne, amount: amount, side: .exactIn)
        let call = QuoterV2ExactInputSingle(tokenIn: weth, tokenOut: usdc, amountIn: amount, fee: 500)
        let quoter = try address(dep, "venues", "uniswap_v3", "quoter")
        let n = 20
        var chain = U256.zero
        let start = ContinuousClock.now
        for _ in 0..<n {
            let d = try await view.call(CallRequest(to: quoter, data: call.calldata)).returnData ?? []
            chain = try QuoterV2ExactInputSingle.decode(d).amount
        }
        let el = (ContinuousClock.now - start).components
        let rpcNs = (Double(el.seconds) * 1e9 + Double(el.attoseconds) / 1e9) / Double(n)
        let ops = 5_000
        var sink = U256.zero
        let pureNs = nsPerOp(ops: ops) {
            for _ in 0..<ops {
                if let q = try? QuoteEngine.quote(pool, zeroForOne: zeroForOne, amount: amount, side: .exactIn) {
                    sink = sink &+ q.amountOut
                }
            }
        }
        blackHole(sink)
        return [
            ("quoterv2_eth_call_ns", rpcNs), ("devnet_v3_pure_quote_ns", pureNs),
            ("devnet_v3_ticks_crossed", Double(local.ticksCrossed)),
            ("devnet_pure_equals_quoterv2", local.amountOut == chain ? 1 : 0),
        ]
    }
}
