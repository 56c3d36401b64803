import Chain
import Primitives
import Testing

@Suite(.enabled(if: Devnet.available, Devnet.reason)) struct ReadsTests {
    let getReserves: [UInt8] = [0x09, 0x02, 0xf1, 0xac]

    @Test func typedMethodsReadTheDevnet() async throws {
        let c = try Devnet.client()
        #expect(try await c.chainID() == 31337)
        let head = try await c.block(.latest)
        #expect(try await c.blockNumber() >= head.number)
        #expect(head.baseFeePerGas != nil && head.gasLimit > 0)
        let same = try await c.block(.hash(head.hash))
        #expect(same == head)
        let acct = try Address(bytes: try Devnet.key(9).addressBytes)
        #expect(try await c.balance(of: acct) > U256.zero)
        let weth = try Devnet.address("tokens", "WETH", "address")
        #expect(try await c.code(at: weth).count > 100)
        _ = try await c.storage(at: weth, slot: .zero)
        let fh = try await c.feeHistory(blockCount: 5, percentiles: [20, 50])
        #expect(fh.baseFeePerGas.count == 6 && fh.reward.count == 5)
        #expect(try await c.gasPrice() > U256.zero)
        #expect(try await c.maxPriorityFeePerGas() > U256.zero)
        let q = try await FeeOracle().estimate(client: c)
        #expect(q.maxPerGas > U256.zero)
        await #expect(throws: FeeError.self) { try await FeeOracle(maxGasPrice: U256(1)).estimate(client: c) }
    }

    @Test func revertReasonDecodedFromCallAndEstimate() async throws {
        let c = try Devnet.client()
        let pair = try #require(Devnet.pools().first?.1)
        let swap = try ABIFunction(signature: "swap(uint256,uint256,address,bytes)")
        let data = try swap.encodeCall([.uint(.zero), .uint(.zero), .address(pair), .bytes([])])
        let want = RevertReason.error("UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT")
        guard case .revert(let r, _) = try await c.call(CallRequest(to: pair, data: data)) else {
            Issue.record("no revert"); return
        }
        #expect(r == want)
        guard case .revert(let r2, _) = try await c.estimateGas(CallRequest(to: pair, data: data)) else {
            Issue.record("no revert"); return
        }
        #expect(r2 == want)
    }

    @Test func batchAndMulticallEqualSingleReadsAtOnePinnedBlock() async throws {
        let c = try Devnet.client()
        let view = try await c.pinned()
        let pools = Devnet.pools().map(\.1)
        #expect(pools.count >= 5)
        var singles: [[UInt8]] = []
        for p in pools {
            singles.append(try #require(try await view.call(CallRequest(to: p, data: getReserves)).returnData))
        }
        let batch = try await c.batch(pools.map {
            RPCRequest("eth_call", [CallRequest(to: $0, data: getReserves).json, view.ref.parameter])
        })
        #expect(try batch.map { try $0.get().bytes("r") } == singles)
        let mc = Multicall(mode: .deployed(try Devnet.address("multicall")))
        let calls = pools.map { Call3(target: $0, callData: getReserves) }
        #expect(try await view.multicall(calls, using: mc).map(\.returnData) == singles)
        let deployless = Multicall(mode: .deployless(Multicall.canonicalAddress))
        #expect(try await view.multicall(calls, using: deployless).map(\.returnData) == singles)
        // A failing call inside the batch is a per-call revert, not an error.
        let bad = try await view.multicall([Call3(target: pools[0], callData: [0xde, 0xad, 0xbe, 0xef])] + calls, using: mc)
        if case .revert = bad[0] {} else { Issue.record("expected a revert, got \(bad[0])") }
        #expect(bad.dropFirst().map(\.returnData) == singles)
    }

    @Test func erc20MetadataAndBalancesBatched() async throws {
        let c = try Devnet.client()
        let mc = Multicall(mode: .deployed(try Devnet.address("multicall")))
        let tokens = try ["WETH", "USDC", "DAI", "WBTC"].map { try Devnet.address("tokens", $0, "address") }
        let meta = try await ERC20.metadata(tokens, client: c, multicall: mc)
        #expect(meta.map(\.symbol) == ["WETH", "USDC", "DAI", "WBTC"])
        #expect(meta.map(\.decimals) == [18, 6, 18, 8])
        let pools = Devnet.pools().map(\.1)
        let bal = try await ERC20.balances(token: tokens[0], owners: pools, client: c, multicall: mc)
        for (p, b) in zip(pools, bal) {
            let single = try await c.call(CallRequest(to: tokens[0], data: ERC20.balanceOfCall(p)))
            #expect(b == single.returnData.flatMap(ERC20.decodeUInt))
        }
    }

    @Test func logsFetchedInSmallWindowsEqualOneRequest() async throws {
        let c = try Devnet.client()
        let head = try await c.blockNumber()
        let transfer = try Hash32(hex: "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")
        let filter = LogFilter(topics: [[transfer]])
        let all = try await c.logs(filter, from: 0, to: head)
        #expect(all.count > 10)
        let (windowed, stats) = try await LogFetcher(maxRange: 7).fetch(filter, from: 0, to: head, source: c)
        #expect(windowed == all)
        #expect(stats.requests >= Int(head / 7))
    }
}
