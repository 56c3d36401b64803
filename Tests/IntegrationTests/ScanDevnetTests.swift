import Chain
import DeFiCore
import Foundation
import History
import Primitives
import Protocols
import Strategies
import Testing
import Validation

/// `defi scan`'s engine against the devnet's demo market: both planted opportunities are found, their sizes are
/// integer optima (no better size one wei away, equal to a brute-force walk), and every reported route, executed
/// hop by hop on the real pairs and pools from a funded dev account, receives exactly the predicted amounts.
/// Executions run inside evm_snapshot / evm_revert, so these tests extend the serialized QuoteDevnetTests suite
/// (a revert in a parallel suite would orphan another test's transactions); `send`/`call` are its helpers.
extension QuoteDevnetTests {
    static func config() throws -> DefiConfig {
        let dir = URL(fileURLWithPath: try #require(Devnet.deploymentPath)).deletingLastPathComponent()
        let text = try String(contentsOf: dir.appendingPathComponent("defi.yaml"), encoding: .utf8)
        var c = try ConfigValidator().validate(try ConfigYAML.parse(text, path: "defi.yaml"))
        c.rpcURL = Devnet.url
        return c
    }

    static var seededBlock: String {
        if case .number(let n)? = Devnet.deployment["block_number"] { return n }
        return "latest"
    }

    static func planted(_ key: String, _ field: String) throws -> U256 {
        guard case .string(let s)? = Devnet.deployment["market"]?["opportunities"]?[key]?[field] else {
            throw RPCError.malformedReply(what: "deployment market.opportunities.\(key).\(field)", bodyPrefix: "")
        }
        return try U256(parsing: s)
    }

    static func pool(_ key: String) throws -> Address { try Devnet.address("pools", key, "address") }

    /// The legs of a path of deployment pool keys from `token`.
    static func legs(_ keys: [String], from token: Address, in s: MarketSnapshot) throws -> [Leg] {
        var t = token
        return try keys.map { k in
            let a = try pool(k)
            let p = try #require(s.pools.first { $0.address == a }, "pool \(k) in the snapshot")
            let l = try #require(Leg(pool: p, tokenIn: t))
            t = l.tokenOut
            return l
        }
    }

    /// Brute force over the coarsest intermediate amount (output of hop k): for each y in ±w of `center`, the
    /// least input reaching y (every input above it for the same y only loses), profit from the exact replay.
    static func brute(_ legs: [Leg], hop k: Int, center: U256, w: UInt64) -> I256 {
        var best = I256.min
        var y = center &- U256(w)
        while y <= center &+ U256(w) {
            if let x = RouteSizer.minimalInput(legs[0...k], forOutput: y),
                let p = RouteSizer.profit(legs, amountIn: x), p > best
            {
                best = p
            }
            y = y &+ .one
        }
        return best
    }

    @Test func findsBothPlantedOpportunitiesAtTheirIntegerOptimum() async throws {
        let request = ScanRequest(
            block: Self.seededBlock, record: true, historyPath: Devnet.tempPath("scan") + ".sqlite")
        let result = try await ScanService.run(request, config: try Self.config())
        let s = result.snapshot
        let (weth, usdc) = (try QuoteDevnet.token("WETH"), try QuoteDevnet.token("USDC"))
        let all = result.opportunities + result.rejected

        // Cross-venue: USDC → WETH on venue A, WETH → USDC on venue B.
        let spatialLegs = try Self.legs(["uniswap_v2_a:WETH/USDC", "uniswap_v2_b:WETH/USDC"], from: usdc, in: s)
        let spatialKey = RoutePricer.route(
            strategy: .spatial, legs: spatialLegs,
            sized: SizedRoute(size: .one, outputs: [.one, .one], profit: .zero), blockNumber: nil
        ).cycleKey
        #expect(all.contains { $0.route.cycleKey == spatialKey }, "scan reports the cross-venue spread")
        let sp = try #require(ArbitrageEngine.size(spatialLegs, maxInput: nil))
        let plantedX = try Self.planted("cross_venue_spread", "optimal_usdc_in")
        let plantedP = try Self.planted("cross_venue_spread", "max_profit_usdc")
        #expect(sp.profit == I256(bits: plantedP), "cross-venue profit \(sp.profit) vs planted \(plantedP)")
        #expect(RouteSizer.profit(spatialLegs, amountIn: plantedX) == sp.profit)
        #expect(sp.profit == Self.brute(spatialLegs, hop: 0, center: sp.outputs[0], w: 3_000))

        // Triangle on venue A: WETH → USDC → DAI → WETH.
        let triLegs = try Self.legs(
            ["uniswap_v2_a:WETH/USDC", "uniswap_v2_a:USDC/DAI", "uniswap_v2_a:WETH/DAI"], from: weth, in: s)
        let triKey = RoutePricer.route(
            strategy: .triangular, legs: triLegs,
            sized: SizedRoute(size: .one, outputs: [.one, .one, .one], profit: .zero), blockNumber: nil
        ).cycleKey
        #expect(all.contains { $0.route.cycleKey == triKey }, "scan reports the triangle")
        let tri = try #require(ArbitrageEngine.size(triLegs, maxInput: nil))
        let plantedTX = try Self.planted("triangle", "optimal_weth_in")
        let plantedTP = try Self.planted("triangle", "max_profit_weth")
        // devnet/market.py's ternary search lands on a sawtooth tooth near the top; the integer optimum is at least it.
        #expect(tri.profit >= I256(bits: plantedTP), "triangle profit \(tri.profit) vs planted \(plantedTP)")
        #expect(RouteSizer.profit(triLegs, amountIn: plantedTX) == I256(bits: plantedTP))
        #expect(tri.profit == Self.brute(triLegs, hop: 0, center: tri.outputs[0], w: 3_000))

        // One wei-step: neither neighbour of either chosen size is better.
        for (legs, sized) in [(spatialLegs, sp), (triLegs, tri)] {
            for x in [sized.size &- .one, sized.size &+ .one] {
                #expect((RouteSizer.profit(legs, amountIn: x) ?? I256.min) <= sized.profit)
            }
        }
        // Recorded with route and snapshot, readable back.
        let store = try HistoryStore(path: try #require(request.historyPath))
        for o in result.opportunities {
            let id = try #require(o.id)
            let rec = try #require(try store.opportunity(id: id))
            #expect(try Route(jsonText: rec.route) == o.route)
            #expect(try MarketSnapshot(jsonText: try #require(rec.snapshot)) == s)
            #expect(rec.status == .detected && rec.blockNumber == s.blockNumber)
        }
        #expect(!result.opportunities.isEmpty)
    }

    // MARK: - executing the routes

    /// Funds `me` with `amount` of `token` (WETH by deposit, the others by the devnet tokens' open mint).
    func fund(_ c: RPCClient, _ me: Address, _ token: Address, _ amount: U256) async throws {
        if token == (try QuoteDevnet.token("WETH")) {
            _ = try await c.call(
                "anvil_setBalance", [.address(me), .quantity(amount &+ U256(10) &* Units.powerOfTen(18))])
            let r = try await send(c, from: me, to: token, data: [0xd0, 0xe3, 0x0d, 0xb0], value: amount)
            #expect(r.succeeded)
        } else {
            let r = try await send(
                c, from: me, to: token, data: try call("mint(address,uint256)", [.address(me), .uint(amount)]))
            #expect(r.succeeded)
        }
    }

    /// Executes `route` hop by hop: V2 by transferring in and calling pair.swap, V3 through SwapRouter; returns
    /// each hop's received amount.
    func execute(_ c: RPCClient, _ me: Address, _ route: Route) async throws -> [U256] {
        var got: [U256] = []
        var amount = route.size
        for h in route.hops {
            let before = try await QuoteDevnet.balance(h.hop.tokenOut, of: me, client: c)
            switch h.hop.kind {
            case .uniswapV2:
                let t = try await send(
                    c, from: me, to: h.hop.tokenIn,
                    data: try call("transfer(address,uint256)", [.address(h.hop.pool), .uint(amount)]))
                #expect(t.succeeded)
                let zeroForOne = h.hop.tokenIn < h.hop.tokenOut
                let out = h.amountOut
                let s = try await send(
                    c, from: me, to: h.hop.pool,
                    data: try call(
                        "swap(uint256,uint256,address,bytes)",
                        [.uint(zeroForOne ? .zero : out), .uint(zeroForOne ? out : .zero), .address(me), .bytes([])]))
                #expect(s.succeeded, "pair.swap of the predicted \(out) on \(h.hop.pool)")
            case .uniswapV3:
                let router = try QuoteDevnet.router("uniswap_v3")
                _ = try await send(
                    c, from: me, to: h.hop.tokenIn,
                    data: try call("approve(address,uint256)", [.address(router), .uint(amount)]))
                let poolFee = try await v3Fee(c, h.hop.pool)
                let s = try await send(
                    c, from: me, to: router,
                    data: try call(
                        "exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))",
                        [
                            .tuple([
                                .address(h.hop.tokenIn), .address(h.hop.tokenOut), .uint(U256(poolFee)), .address(me),
                                .uint(U256.one << 200), .uint(amount), .uint(.zero), .uint(h.hop.extra),
                            ])
                        ]))
                #expect(s.succeeded)
            default:
                Issue.record("hop kind \(h.hop.kind.name) not executed by this test")
            }
            let received = (try await QuoteDevnet.balance(h.hop.tokenOut, of: me, client: c)) - before
            got.append(received)
            amount = received
        }
        return got
    }

    func v3Fee(_ c: RPCClient, _ pool: Address) async throws -> UInt64 {
        let d = try #require(
            try await c.call(CallRequest(to: pool, data: [0xdd, 0xca, 0x3f, 0x43]), at: .latest).returnData)
        return try #require(try ABIWords(d, function: "fee", count: 1).uint(0).uint64)
    }

    /// `--strategies statistical`: the snapshot's mid prices are recorded at each block and every same-pair
    /// venue couple is reported as a signal (never a route: nothing of it is sendable); with fewer than the
    /// minimum observations in the window the signal says so. The devnet's fair pools give no entry.
    @Test func statisticalStrategyRecordsPricesAndReportsNonAtomicSignals() async throws {
        let db = Devnet.tempPath("scan-stat") + ".sqlite"
        let result = try await ScanService.run(
            ScanRequest(strategies: ["statistical"], block: Self.seededBlock, historyPath: db),
            config: try Self.config())
        #expect(result.opportunities.isEmpty)
        #expect(!result.statistical.isEmpty)
        #expect(result.statistical.allSatisfy { !$0.atomic })
        let store = try HistoryStore(path: db)
        let b = result.snapshot.blockNumber
        for p in result.snapshot.pools {
            let rows = try store.prices(pool: p.address.checksummed, blocks: b...b)
            #expect(rows.count == 1, "\(p.venue) \(p.address)")
        }
    }

    @Test func everyReportedRouteReceivesExactlyThePrediction() async throws {
        let c = try Devnet.client()
        let me = try QuoteDevnet.account(7)
        let result = try await ScanService.run(ScanRequest(record: false), config: try Self.config())
        #expect(!result.opportunities.isEmpty)
        var exact = 0
        var failures: [String] = []
        for o in result.opportunities {
            let snap = try await c.call("evm_snapshot")
            do {
                // Re-checked at the head (what execute does): unchanged market, unchanged route.
                let route = try RoutePricer.replay(o.route, in: result.snapshot)
                try await fund(c, me, route.tokenIn, route.size)
                let got = try await execute(c, me, route)
                if got == route.hops.map(\.amountOut) {
                    exact += 1
                } else {
                    failures.append(
                        "\(route.path.map(\.checksummed)) predicted \(route.hops.map(\.amountOut)) got \(got)")
                }
                // The final output covers the input plus the gross profit, to the wei.
                #expect(I256(bits: got.last ?? .zero) &- I256(bits: route.size) == o.route.grossProfit)
            } catch {
                failures.append("error: \(error)")
            }
            _ = try await c.call("evm_revert", [snap])
        }
        #expect(failures.isEmpty, "\(failures)")
        FileHandle.standardError.write(
            Data("scan-integration: \(exact)/\(result.opportunities.count) routes executed wei-exact\n".utf8))
    }
}

/// `--watch` and the pool refresh behind it, against the devnet (state changes inside evm_snapshot/evm_revert).
extension QuoteDevnetTests {
    @Test func refreshFindsExactlyThePoolsASwapMoved() async throws {
        let c = try Devnet.client()
        let me = try QuoteDevnet.account(6)
        let snap = try await c.call("evm_snapshot")
        do {
            let view = try await c.pinned()
            let pools = try await QuoteDevnet.allPools(view: view, radius: 16)
            let reader = PoolReader(view: view, multicall: try QuoteDevnet.multicall)
            let same = try await reader.refresh(pools)
            #expect(same.changed.isEmpty && same.pools == pools)
            // One V2 swap on venue B's WETH/USDC pair.
            let pair = try Self.pool("uniswap_v2_b:WETH/USDC")
            let weth = try QuoteDevnet.token("WETH")
            try await fund(c, me, weth, Units.powerOfTen(18))
            let t = try await send(
                c, from: me, to: weth,
                data: try call("transfer(address,uint256)", [.address(pair), .uint(Units.powerOfTen(18))]))
            #expect(t.succeeded)
            let i = try #require(pools.firstIndex { $0.address == pair })
            guard case .uniswapV2(let p) = pools[i].state else {
                throw RPCError.malformedReply(what: "pair", bodyPrefix: "")
            }
            let out = try p.amountOut(amountIn: Units.powerOfTen(18), zeroForOne: p.token0 == weth)
            let zeroForOne = p.token0 == weth
            let s = try await send(
                c, from: me, to: pair,
                data: try call(
                    "swap(uint256,uint256,address,bytes)",
                    [.uint(zeroForOne ? .zero : out), .uint(zeroForOne ? out : .zero), .address(me), .bytes([])]))
            #expect(s.succeeded)
            let later = try await c.pinned()
            let moved = try await PoolReader(view: later, multicall: try QuoteDevnet.multicall).refresh(pools)
            #expect(moved.changed == [i])
            let fresh = try await QuoteDevnet.allPools(view: later, radius: 16)
            #expect(moved.pools == fresh)
        } catch {
            Issue.record("\(error)")
        }
        _ = try await c.call("evm_revert", [snap])
    }

    /// A V3 position minted away from the price changes the pool's ticks but neither slot0 nor the active
    /// liquidity: the top-level comparison alone misses it; the Mint log (what `--watch` fetches) makes the
    /// refresh re-read the ticks, and the refreshed pool then equals a fresh read.
    @Test func mintAwayFromThePriceIsSeenThroughItsLog() async throws {
        let c = try Devnet.client()
        let me = try QuoteDevnet.account(7)
        let snap = try await c.call("evm_snapshot")
        do {
            let view = try await c.pinned()
            let pools = try await QuoteDevnet.allPools(view: view, radius: 16)
            let address = try Self.pool("uniswap_v3:WETH/DAI/3000")
            let i = try #require(pools.firstIndex { $0.address == address })
            guard case .uniswapV3(let e) = pools[i].state else { throw RPCError.malformedReply(what: "pool", bodyPrefix: "") }
            let (t0, t1) = (e.token0, e.token1)
            let spacing = e.state.tickSpacing
            let base = (e.state.tick / spacing) * spacing
            let (lower, upper) = (base + 100 * spacing, base + 200 * spacing)  // far above the price: token0 only
            let npm = try Devnet.address("venues", "uniswap_v3", "position_manager")
            let amount = Units.powerOfTen(18) * U256(5)
            for t in [t0, t1] {
                try await fund(c, me, t, amount)
                let a = try await send(c, from: me, to: t, data: try call("approve(address,uint256)", [.address(npm), .uint(amount)]))
                #expect(a.succeeded)
            }
            let mint = try await send(
                c, from: me, to: npm,
                data: try call(
                    "mint((address,address,uint24,int24,int24,uint256,uint256,uint256,uint256,address,uint256))",
                    [
                        .tuple([
                            .address(t0), .address(t1), .uint(U256(UInt64(e.state.fee))), .int(I256(Int64(lower))),
                            .int(I256(Int64(upper))), .uint(amount), .uint(amount), .uint(.zero), .uint(.zero),
                            .address(me), .uint(U256.one << 64),
                        ])
                    ]))
            #expect(mint.succeeded)
            let later = try await c.pinned()
            let reader = PoolReader(view: later, multicall: try QuoteDevnet.multicall, wordRadius: 16)
            let blind = try await reader.refresh(pools)
            #expect(blind.changed.isEmpty, "slot0 and liquidity did not move")
            let logs = try await c.logs(
                LogFilter(addresses: [address], topics: [PoolReader.v3LiquidityEventTopics]),
                from: view.block.number + 1, to: later.block.number)
            #expect(Set(logs.map(\.address)) == [address])
            let seen = try await reader.refresh(pools, liquidityTouched: Set(logs.map(\.address)))
            #expect(seen.changed == [i])
            let fresh = try await QuoteDevnet.allPools(view: later, radius: 16)
            #expect(seen.pools == fresh)
        } catch {
            Issue.record("\(error)")
        }
        _ = try await c.call("evm_revert", [snap])
    }

    @Test func watchRescansOnlyCyclesThroughChangedPoolsEachBlock() async throws {
        let c = try Devnet.client()
        let me = try QuoteDevnet.account(5)
        let snap = try await c.call("evm_snapshot")
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var results: [ScanResult] = []
            func add(_ r: ScanResult) { lock.withLock { results.append(r) } }
            var all: [ScanResult] { lock.withLock { results } }
        }
        let seen = Seen()
        let config = try Self.config()
        let watcher = Task {
            try await ScanService.watch(ScanRequest(record: false), config: config, interval: .milliseconds(200)) {
                seen.add($0)
            }
        }
        do {
            while seen.all.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
            // A new block that moves one pool: venue B's WETH/USDC (a WETH transfer into the pair plus sync()).
            let pair = try Self.pool("uniswap_v2_b:WETH/USDC")
            let weth = try QuoteDevnet.token("WETH")
            try await fund(c, me, weth, Units.powerOfTen(17))
            _ = try await send(
                c, from: me, to: weth,
                data: try call("transfer(address,uint256)", [.address(pair), .uint(Units.powerOfTen(17))]))
            _ = try await send(c, from: me, to: pair, data: try call("sync()", []))
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline,
                !seen.all.contains(where: {
                    $0.snapshot.blockNumber > seen.all[0].snapshot.blockNumber && $0.evaluated < $0.cycles
                        && $0.evaluated > 0
                })
            {
                try await Task.sleep(for: .milliseconds(200))
            }
        } catch {
            Issue.record("\(error)")
        }
        watcher.cancel()
        _ = try? await watcher.value
        let all = seen.all
        let later = all.dropFirst().filter {
            $0.snapshot.blockNumber > (all.first?.snapshot.blockNumber ?? 0) && $0.evaluated > 0
        }
        // The incremental result equals a fresh scan of the same block (read before the revert orphans it).
        var fresh: ScanResult? = nil
        if let m = later.first {
            fresh = try? await ScanService.run(
                ScanRequest(block: String(m.snapshot.blockNumber), record: false), config: config)
        }
        _ = try await c.call("evm_revert", [snap])
        let first = try #require(all.first)
        #expect(first.evaluated == first.cycles)
        let moved = try #require(later.first, "a re-scan after the pool moved")
        #expect(
            moved.evaluated < moved.cycles, "only cycles through the moved pool: \(moved.evaluated) of \(moved.cycles)")
        let f = try #require(fresh)
        #expect(f.opportunities.map(\.route) == moved.opportunities.map(\.route))
    }
}
