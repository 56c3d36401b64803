import Chain
import Foundation
import Primitives
import Protocols
import Testing

/// The readers and the pure quote math against the devnet's real Uniswap bytecode: random quotes equal QuoterV2
/// and both V2 routers to the wei, and executed swaps receive exactly the predicted amount. Serialized: the
/// executed swaps revert to a snapshot, which must not orphan a block another test here pinned.
@Suite(.serialized, .enabled(if: Devnet.available, Devnet.reason)) struct QuoteDevnetTests {
    static func summary(_ line: String) {
        let path = NSTemporaryDirectory() + "defi-quote-integration-summary.txt"
        let old = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        try? (old + line + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        FileHandle.standardError.write(Data(("quote-integration: " + line + "\n").utf8))
    }

    @Test func readerFindsEveryPoolInThreeRoundsPerPair() async throws {
        let c = try Devnet.client()
        let view = try await c.pinned()
        let reader = PoolReader(view: view, multicall: try QuoteDevnet.multicall)
        let before = c.roundTrips
        let pools = try await reader.read(
            tokenA: try QuoteDevnet.token("WETH"), tokenB: try QuoteDevnet.token("USDC"),
            v2: try QuoteDevnet.v2Venues(), v3: try QuoteDevnet.v3Venues())
        #expect(c.roundTrips - before == 3)  // top-level state, bitmap words, ticks
        #expect(pools.map(\.venue) == ["uniswap_v2_a", "uniswap_v2_b", "uniswap_v3", "uniswap_v3"])
        let v3 = pools.compactMap { p -> V3PoolState? in
            if case .uniswapV3(let e) = p.state { return e.state }; return nil
        }
        #expect(v3.map(\.fee) == [500, 3000])
        // Six positions: the ±5/±20/±80 and range-order ticks near the price are inside ±16 words.
        #expect(v3.allSatisfy { $0.ticks.count >= 8 })
        let want = try Devnet.address("pools", "uniswap_v3:WETH/USDC/500", "address")
        #expect(pools[2].address == want)
        if case .uniswapV2(let pair) = pools[0].state {
            #expect(pair.reserve0 > U256.zero && pair.feeBps == 30)
        } else {
            Issue.record("first pool is not V2")
        }
        // The state file round-trips exactly.
        let snap = MarketSnapshot(
            chainID: 31337, blockNumber: view.block.number, blockHash: view.block.hash,
            tokens: [], pools: pools)
        #expect(try MarketSnapshot(jsonText: try snap.jsonText()) == snap)
    }

    struct Case {
        var pool: PoolEntry
        var zeroForOne: Bool
        var side: QuoteSide
        var amount: U256
        var predicted: Result<PoolQuote, PoolQuoteFailure>
        var request: RPCRequest
    }

    @Test func randomQuotesEqualQuoterV2AndBothV2RoutersToTheWei() async throws {
        let c = try Devnet.client(batch: 40)
        let view = try await c.pinned()
        let pools = try await QuoteDevnet.allPools(view: view)
        #expect(pools.count == 11)
        var rng = QuoteDevnet.RNG(state: 0x5eed_0001)
        let quoter = try QuoteDevnet.quoter
        var cases: [Case] = []
        for p in pools {
            guard let (t0, t1) = p.state.tokens else { continue }
            let b0 = try await QuoteDevnet.balance(t0, of: p.address, client: c, at: view.ref)
            let b1 = try await QuoteDevnet.balance(t1, of: p.address, client: c, at: view.ref)
            let isV3 = p.state.kind == "uniswap_v3"
            let perCombo = isV3 ? 42 : 26
            for zeroForOne in [true, false] {
                let (tIn, tOut, balIn, balOut) = zeroForOne ? (t0, t1, b0, b1) : (t1, t0, b1, b0)
                for side in [QuoteSide.exactIn, .exactOut] {
                    for k in 0..<perCombo {
                        // Exact in: up to 4x the pool's balance of tokenIn; exact out: up to 105% of tokenOut's.
                        let cap = side == .exactIn ? balIn * U256(4) : balOut + balOut / U256(20)
                        let amount = k == 0 ? U256.one : rng.amount(upTo: cap)
                        let predicted = Result { () throws(PoolQuoteFailure) -> PoolQuote in
                            try QuoteEngine.quote(p, zeroForOne: zeroForOne, amount: amount, side: side)
                        }
                        let data: [UInt8]
                        let to: Address
                        if isV3, case .uniswapV3(let e) = p.state {
                            to = quoter
                            data =
                                side == .exactIn
                                ? QuoterV2ExactInputSingle(
                                    tokenIn: tIn, tokenOut: tOut, amountIn: amount, fee: e.state.fee
                                ).calldata
                                : QuoterV2ExactOutputSingle(
                                    tokenIn: tIn, tokenOut: tOut, amountOut: amount, fee: e.state.fee
                                ).calldata
                        } else {
                            to = try QuoteDevnet.router(p.venue)
                            data =
                                side == .exactIn
                                ? V2GetAmountsOut(amountIn: amount, path: [tIn, tOut]).calldata
                                : V2GetAmountsIn(amountOut: amount, path: [tIn, tOut]).calldata
                        }
                        let req = RPCRequest(
                            "eth_call", [CallRequest(to: to, data: data, gas: 30_000_000).json, view.ref.parameter])
                        cases.append(
                            Case(
                                pool: p, zeroForOne: zeroForOne, side: side, amount: amount, predicted: predicted,
                                request: req))
                    }
                }
            }
        }
        let started = ContinuousClock.now
        let replies = try await c.batch(cases.map(\.request))
        let elapsed = ContinuousClock.now - started
        var exactV2 = 0, exactV3 = 0, bothRevert = 0, maxTicks: UInt32 = 0, tickCases = 0
        var mismatches: [String] = []
        for (cs, reply) in zip(cases, replies) {
            let label =
                "\(cs.pool.venue) \(cs.pool.address) zeroForOne=\(cs.zeroForOne) \(cs.side.rawValue) amount=\(cs.amount)"
            switch (cs.predicted, reply) {
            case (.success(let q), .success(let v)):
                let bytes = try v.bytes("eth_call")
                let chain: U256
                if cs.pool.state.kind == "uniswap_v3" {
                    chain = try QuoterV2ExactInputSingle.decode(bytes).amount
                } else {
                    let amounts = try V2GetAmountsOut.decode(bytes)
                    chain = cs.side == .exactIn ? amounts[1] : amounts[0]
                }
                let mine = cs.side == .exactIn ? q.amountOut : q.amountIn
                if mine == chain {
                    if cs.pool.state.kind == "uniswap_v3" { exactV3 += 1 } else { exactV2 += 1 }
                    maxTicks = max(maxTicks, q.ticksCrossed)
                    if q.ticksCrossed >= 3 { tickCases += 1 }
                } else {
                    mismatches.append("\(label): predicted \(mine), chain \(chain)")
                }
            case (.failure, .failure(let e)) where e.revertData != nil:
                bothRevert += 1
            case (.success(let q), .failure(let e)):
                mismatches.append("\(label): predicted \(q.amountIn)->\(q.amountOut), chain failed \(e)")
            case (.failure(let f), .success):
                mismatches.append("\(label): predicted failure \(f), chain answered")
            case (.failure(let f), .failure(let e)):
                mismatches.append("\(label): predicted failure \(f), chain infrastructure error \(e)")
            }
        }
        Self.summary(
            "random quotes: \(cases.count) cases, \(exactV2) wei-exact vs getAmountsOut/getAmountsIn, "
                + "\(exactV3) wei-exact vs QuoterV2 (\(tickCases) crossing >= 3 initialized ticks, max \(maxTicks)), "
                + "\(bothRevert) both revert, \(mismatches.count) mismatches; on-chain calls took \(elapsed)")
        for m in mismatches.prefix(10) { Issue.record(Comment(rawValue: m)) }
        #expect(mismatches.isEmpty)
        #expect(exactV2 + exactV3 >= 1000)
        #expect(maxTicks >= 5)
    }
}
