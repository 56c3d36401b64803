import Chain
import DeFiCore
import Execution
import Foundation
import History
import Primitives
import Protocols
import Strategies
import Testing

extension ExecutionDevnetSuites {
    /// Closing figures: gasUsed of routes executed through `defi execute` (engine-built plans, one atomic
    /// transaction) next to the same trades through the protocols' routers from an EOA (two transactions), measured
    /// in the same devnet run. Writes `.build/execution-gas.json` and prints the table on stderr.
    @Suite struct ExecutionGasFiguresTests {
        static let owner = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
        static let trader = "0x976EA74026E726554dB657fA54763abd0C3a0aa9"  // anvil account 6
        static let e18 = U256(1_000_000_000_000_000_000)

        static func send(_ c: RPCClient, from: String, to: Address, _ data: [UInt8], value: U256 = .zero) async throws
            -> Receipt
        {
            let v = try await c.call(
                "eth_sendTransaction",
                [
                    .object([
                        "from": .string(from), "to": .string(to.checksummed), "data": .string(Hex.encode(data)),
                        "value": .string(value.hexString), "gas": .string("0x7a120"),
                    ])
                ])
            guard case .string(let h) = v else { throw RPCError.malformedReply(what: "tx hash", bodyPrefix: "") }
            let r = try #require(try await c.receipt(try Hash32(hex: h)))
            #expect(r.succeeded)
            return r
        }

        /// Moves the clock 12 s so every measured transaction starts in a later second than the last pool update:
        /// the V2 pairs' price accumulators are then written in every measurement alike (UniswapV2Pair._update only
        /// accumulates when time has passed), instead of depending on how fast the setup transactions were mined.
        static func tick(_ c: RPCClient) async throws {
            _ = try await c.call("evm_increaseTime", [.number("12")])
        }

        static func call(_ signature: String, _ types: [String], _ values: [ABIValue]) throws -> [UInt8] {
            Array(Keccak256.hash(utf8: signature).bytes.prefix(4))
                + (try ABI.encode(types: types.map { try ABIType(parsing: $0) }, values: values))
        }

        static func recordRoute(db: String, client: RPCClient, hops: [(PlanHop, String)], size: U256) async throws
            -> String
        {
            let route = Route(
                strategy: .spatial, tokenIn: hops[0].0.tokenIn, size: size,
                hops: hops.map {
                    RouteHop(hop: $0.0, venue: $0.1, amountIn: size, amountOut: size)
                })
            let head = try await client.block(.latest)
            let rec = OpportunityRecord(
                createdAt: Date(), chainID: 31337, blockNumber: head.number,
                blockHash: head.hash.description, strategy: "spatial", route: route.jsonText(),
                size: size.decimalString, tokenIn: hops[0].0.tokenIn.checksummed, grossProfit: "1",
                costs: "0", netProfit: "1", netProfitUSD: "0")
            try HistoryStore(path: db).recordOpportunity(rec)
            return rec.id
        }

        /// Executes `id` through the CLI with `engine`; returns (gasUsed, route size, flash kind).
        static func execute(_ id: String, db: String, engine: String) throws -> (UInt64, U256, String) {
            let sim = try ExecuteCLITests.defi(["simulate", id, "--engine", engine, "--json"], db: db)
            #expect(sim.status == 0, "\(sim.stderr)")
            let s = try ExecuteCLITests.json(sim.stdout)["data"]
            let size = try U256(decimalDigits: try #require(ExecuteCLITests.string(s, "route_size")))
            let kind = ExecuteCLITests.string(s, "flash_kind") ?? "?"
            let r = try ExecuteCLITests.defi(["execute", id, "--engine", engine, "--json"], db: db)
            #expect(r.status == 0, "\(r.stderr)")
            let e = try ExecuteCLITests.json(r.stdout)["data"]
            #expect(ExecuteCLITests.string(e, "state") == "included")
            return (UInt64(try #require(ExecuteCLITests.string(e, "gas_used"))) ?? 0, size, kind)
        }

        @Test func engineRoutesNextToTheRouters() async throws {
            let c = try Devnet.client()
            let (weth, usdc) = (try ExecutionDevnetTests.token("WETH"), try ExecutionDevnetTests.token("USDC"))
            let a = try ExecutionDevnetTests.pool("uniswap_v2_a:WETH/USDC"),
                b = try ExecutionDevnetTests.pool("uniswap_v2_b:WETH/USDC")
            let v3 = try ExecutionDevnetTests.pool("uniswap_v3:WETH/USDC/500")
            let routerA = try Devnet.address("venues", "uniswap_v2_a", "router")
            let routerB = try Devnet.address("venues", "uniswap_v2_b", "router")
            let swapRouter = try Devnet.address("contracts", "uniswap_v3_router")
            let mint = { (to: String, amount: U256) throws -> [UInt8] in
                try Self.call(
                    "mint(address,uint256)", ["address", "uint256"],
                    [.address(try Address(parsing: to)), .uint(amount)])
            }
            var figures: [String: UInt64] = [:]
            var notes: [String: String] = [:]

            // 1. Flash swap, 2 hops V2 (USDC -> WETH on A, WETH -> USDC on B), owner already holding USDC.
            let fs = try await Devnet.withSnapshot { c -> (UInt64, U256, String) in
                _ = try await Self.send(c, from: Self.owner, to: usdc, try mint(Self.owner, .one))
                let db = Devnet.tempPath("gas-db") + ".sqlite"
                let id = try await Self.recordRoute(
                    db: db, client: c,
                    hops: [
                        (
                            PlanHop(kind: .uniswapV2, pool: a, tokenIn: usdc, tokenOut: weth, extra: U256(30)),
                            "uniswap_v2_a"
                        ),
                        (
                            PlanHop(kind: .uniswapV2, pool: b, tokenIn: weth, tokenOut: usdc, extra: U256(30)),
                            "uniswap_v2_b"
                        ),
                    ], size: U256(39_625_847_270))
                try await Self.tick(c)
                return try Self.execute(id, db: db, engine: "flash-swap")
            }
            figures["engine_flash_swap_2hop_v2"] = fs.0
            notes["engine_flash_swap_2hop_v2"] = fs.2
            // The same two legs through Router02 from an EOA holding the USDC (approvals not counted).
            figures["router_v2_2swaps"] = try await Devnet.withSnapshot { c -> UInt64 in
                let t = try Address(parsing: Self.trader)
                // Steady state, as for the primed owner: the EOA keeps 1 unit of each token, so no balance goes 0 <-> x.
                _ = try await Self.send(c, from: Self.trader, to: usdc, try mint(Self.trader, fs.1 + .one))
                _ = try await Self.send(c, from: Self.trader, to: weth, [0xd0, 0xe3, 0x0d, 0xb0], value: .one)
                let maxU = U256.max
                _ = try await Self.send(
                    c, from: Self.trader, to: usdc,
                    try Self.call(
                        "approve(address,uint256)", ["address", "uint256"], [.address(routerA), .uint(maxU)]))
                _ = try await Self.send(
                    c, from: Self.trader, to: weth,
                    try Self.call(
                        "approve(address,uint256)", ["address", "uint256"], [.address(routerB), .uint(maxU)]))
                let swap = "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)"
                let types = ["uint256", "uint256", "address[]", "address", "uint256"]
                let deadline = U256.one << 63
                try await Self.tick(c)
                let r1 = try await Self.send(
                    c, from: Self.trader, to: routerA,
                    try Self.call(
                        swap, types,
                        [
                            .uint(fs.1), .uint(.zero), .array([.address(usdc), .address(weth)]), .address(t),
                            .uint(deadline),
                        ]))
                let got = try await QuoteDevnet.balance(weth, of: t, client: c) - .one
                try await Self.tick(c)
                let r2 = try await Self.send(
                    c, from: Self.trader, to: routerB,
                    try Self.call(
                        swap, types,
                        [
                            .uint(got), .uint(.zero), .array([.address(weth), .address(usdc)]), .address(t),
                            .uint(deadline),
                        ]))
                return r1.gasUsed + r2.gasUsed
            }

            // 2. Flash loan, V2 -> V3 (WETH -> USDC on B at 2020, USDC -> WETH on V3 0.05% at 2000), owner holding WETH.
            let fl = try await Devnet.withSnapshot { c -> (UInt64, U256, String) in
                _ = try await Self.send(c, from: Self.owner, to: weth, [0xd0, 0xe3, 0x0d, 0xb0], value: .one)
                let db = Devnet.tempPath("gas-db") + ".sqlite"
                let id = try await Self.recordRoute(
                    db: db, client: c,
                    hops: [
                        (
                            PlanHop(kind: .uniswapV2, pool: b, tokenIn: weth, tokenOut: usdc, extra: U256(30)),
                            "uniswap_v2_b"
                        ),
                        (PlanHop(kind: .uniswapV3, pool: v3, tokenIn: usdc, tokenOut: weth), "uniswap_v3"),
                    ], size: U256(40) * Self.e18)
                try await Self.tick(c)
                return try Self.execute(id, db: db, engine: "flash-loan")
            }
            figures["engine_flash_loan_v2_v3"] = fl.0
            notes["engine_flash_loan_v2_v3"] = fl.2
            figures["router_v2_plus_v3"] = try await Devnet.withSnapshot { c -> UInt64 in
                let t = try Address(parsing: Self.trader)
                _ = try await Self.send(c, from: Self.trader, to: weth, [0xd0, 0xe3, 0x0d, 0xb0], value: fl.1 + .one)
                _ = try await Self.send(c, from: Self.trader, to: usdc, try mint(Self.trader, .one))
                let maxU = U256.max
                _ = try await Self.send(
                    c, from: Self.trader, to: weth,
                    try Self.call(
                        "approve(address,uint256)", ["address", "uint256"], [.address(routerB), .uint(maxU)]))
                _ = try await Self.send(
                    c, from: Self.trader, to: usdc,
                    try Self.call(
                        "approve(address,uint256)", ["address", "uint256"], [.address(swapRouter), .uint(maxU)]))
                let deadline = U256.one << 63
                try await Self.tick(c)
                let r1 = try await Self.send(
                    c, from: Self.trader, to: routerB,
                    try Self.call(
                        "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)",
                        ["uint256", "uint256", "address[]", "address", "uint256"],
                        [
                            .uint(fl.1), .uint(.zero), .array([.address(weth), .address(usdc)]), .address(t),
                            .uint(deadline),
                        ]))
                let got = try await QuoteDevnet.balance(usdc, of: t, client: c) - .one
                try await Self.tick(c)
                let r2 = try await Self.send(
                    c, from: Self.trader, to: swapRouter,
                    try Self.call(
                        "exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))",
                        ["(address,address,uint24,address,uint256,uint256,uint256,uint160)"],
                        [
                            .tuple([
                                .address(usdc), .address(weth), .uint(U256(500)), .address(t), .uint(deadline),
                                .uint(got),
                                .uint(.zero), .uint(.zero),
                            ])
                        ]))
                return r1.gasUsed + r2.gasUsed
            }
            _ = c

            var lines = "execution gas figures (devnet, same run)\n"
            for (engine, router) in [
                ("engine_flash_swap_2hop_v2", "router_v2_2swaps"), ("engine_flash_loan_v2_v3", "router_v2_plus_v3"),
            ] {
                let e = figures[engine] ?? 0, r = figures[router] ?? 1
                lines +=
                    "  \(engine) [\(notes[engine] ?? "")]: \(e)  vs \(router): \(r)  ratio \(String(format: "%.3f", Double(e) / Double(r)))\n"
                #expect(e > 100_000 && r > 100_000)
            }
            FileHandle.standardError.write(Data(lines.utf8))
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            let json = "{" + figures.keys.sorted().map { "\"\($0)\": \(figures[$0]!)" }.joined(separator: ", ") + "}\n"
            try? json.write(
                to: root.appendingPathComponent(".build/execution-gas.json"), atomically: true, encoding: .utf8)
        }
    }
}
