import Chain
import DeFiCore
import Execution
import Foundation
import History
import Primitives
import Protocols
import Strategies
import Testing

/// Closing figure (issue 8): gasUsed of an Aave liquidation through the executor (one transaction: flash loan →
/// liquidationCall → sale of the seized collateral on the pools the sweep chose → repay) next to the same
/// liquidation done with the protocols' own contracts from an EOA holding the debt (Pool.liquidationCall, then the
/// same sale through the venues' routers; approvals not counted), from the same chain state (12 s later in both). Prints the figures
/// on stderr and writes `.build/liquidation-gas.json`.
extension LiquidationDevnetTests {
    static let v2SwapTopic = Keccak256.hash(utf8: "Swap(address,uint256,uint256,uint256,uint256,address)")
    static let v3SwapTopic = Keccak256.hash(utf8: "Swap(address,address,int256,int256,uint160,uint128,int24)")

    /// A deployment pool by address: (venue, kind, fee).
    static func deploymentPool(_ a: Address) throws -> (venue: String, kind: String, fee: UInt64)? {
        guard case .object(let pools)? = Devnet.deployment["pools"] else { return nil }
        for (_, p) in pools {
            guard case .string(let s)? = p["address"], (try? Address(parsing: s)) == a,
                case .string(let venue)? = p["venue"], case .string(let kind)? = p["kind"]
            else { continue }
            var fee: UInt64 = 0
            if case .number(let f)? = p["fee"] { fee = UInt64(f) ?? 0 }
            return (venue, kind, fee)
        }
        return nil
    }


    @Test func liquidationGasNextToThePoolAndTheRouters() async throws {
        func fn(_ sig: String, _ args: [ABIValue]) throws -> [UInt8] { try ABIFunction(signature: sig).encodeCall(args) }
        // 1. Through the executor: the sweep's one transaction.
        let engine = try await Devnet.withSnapshot { c -> (LiquidationExecution, [(Address, Bool)]) in
            try Self.movePrice("WETH", "1800")  // only borrower_hf_1_05 becomes liquidatable
            _ = try await c.call("evm_increaseTime", [.number("12")])
            let summary = try await LiquidationSweep.run(
                try Self.request(Devnet.tempPath("liq-gas-history"), live: true), config: try Self.config())
            #expect(summary.outcome == .allDone)
            let e = try #require(summary.executed.first)
            #expect(summary.executed.count == 1 && e.succeeded == true)
            let hash = try #require(e.txHash)
            let r = try #require(try await c.receipt(hash))
            // The pools the executor sold on, in log order (V2 or V3).
            let swaps = r.logs.compactMap { l -> (Address, Bool)? in
                if l.topics.first == Self.v2SwapTopic { return (l.address, false) }
                if l.topics.first == Self.v3SwapTopic { return (l.address, true) }
                return nil
            }
            return (e, swaps)
        }
        let (e, swaps) = engine
        #expect(!swaps.isEmpty)
        let engineGas = try #require(e.gasUsed)

        // 2. The same liquidation from an EOA with its own USDC: liquidationCall, then the same sale via routers.
        let debt = try #require(e.actualDebtRepaid), seized = try #require(e.actualCollateral)
        let own = try await Devnet.withSnapshot { c -> (UInt64, UInt64, U256) in
            try Self.movePrice("WETH", "1800")
            let me = try Self.account(6)
            let pool = try Self.pool
            // Steady state like the executor owner's: the EOA keeps 1 unit of every token it touches.
            try await Self.send(c, from: me, to: e.debtAsset, data: try fn("mint(address,uint256)", [.address(me), .uint(debt * U256(2))]))
            try await Self.send(c, from: me, to: e.collateralAsset, data: try fn("deposit()", []), value: .one)
            try await Self.send(c, from: me, to: e.debtAsset, data: try fn("approve(address,uint256)", [.address(pool), .uint(.max)]))
            _ = try await c.call("evm_increaseTime", [.number("12")])
            let held = try await QuoteDevnet.balance(e.collateralAsset, of: me, client: c)
            let liq = try await Self.send(
                c, from: me, to: pool,
                data: try fn(
                    "liquidationCall(address,address,address,uint256,bool)",
                    [.address(e.collateralAsset), .address(e.debtAsset), .address(e.user), .uint(e.debtToCoverArgument), .bool(false)]))
            // Interest accrues between the two windows: sell what this liquidation seized.
            var amount = try await QuoteDevnet.balance(e.collateralAsset, of: me, client: c) - held
            #expect(amount > seized * U256(99) / U256(100) && amount < seized * U256(101) / U256(100))
            var tokenIn = e.collateralAsset
            var swapGas: UInt64 = 0
            for (k, (address, isV3)) in swaps.enumerated() {
                let info = try #require(try Self.deploymentPool(address))
                let tokenOut = k == swaps.count - 1 ? e.debtAsset : try await Self.otherToken(address, not: tokenIn, c)
                let before = try await QuoteDevnet.balance(tokenOut, of: me, client: c)
                if isV3 {
                    let router = try Devnet.address("contracts", "uniswap_v3_router")
                    try await Self.send(c, from: me, to: tokenIn, data: try fn("approve(address,uint256)", [.address(router), .uint(.max)]))
                    let r = try await Self.send(
                        c, from: me, to: router,
                        data: try fn(
                            "exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))",
                            [.tuple([.address(tokenIn), .address(tokenOut), .uint(U256(info.fee)), .address(me),
                                     .uint(U256.one << 63), .uint(amount), .uint(.zero), .uint(.zero)])]))
                    swapGas += r.gasUsed
                } else {
                    let router = try Devnet.address("venues", info.venue, "router")
                    try await Self.send(c, from: me, to: tokenIn, data: try fn("approve(address,uint256)", [.address(router), .uint(.max)]))
                    let r = try await Self.send(
                        c, from: me, to: router,
                        data: try fn(
                            "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)",
                            [.uint(amount), .uint(.zero), .array([.address(tokenIn), .address(tokenOut)]), .address(me),
                             .uint(U256.one << 63)]))
                    swapGas += r.gasUsed
                }
                amount = try await QuoteDevnet.balance(tokenOut, of: me, client: c) - before
                tokenIn = tokenOut
            }
            return (liq.gasUsed, swapGas, amount)
        }
        let total = own.0 + own.1
        let ratio = Double(engineGas) / Double(total)
        let line = String(
            format: "liquidation gas (devnet, same run): engine flash loan + liquidationCall + %d-hop sale %llu vs EOA liquidationCall %llu + router sale %llu = %llu  ratio %.3f",
            swaps.count, engineGas, own.0, own.1, total, ratio)
        FileHandle.standardError.write(Data((line + "\n").utf8))
        let json = "{\"engine_aave_liquidation\": \(engineGas), \"eoa_liquidation_call\": \(own.0), \"eoa_router_sale\": \(own.1)}\n"
        try? json.write(to: Self.root.appendingPathComponent(".build/liquidation-gas.json"), atomically: true, encoding: .utf8)
        // The same trade: the EOA seized the same collateral and its sale returned at least the debt it repaid.
        #expect(own.2 > debt * U256(99) / U256(100))
    }

    /// The pool's token other than `token` (token0/token1 of a V2 pair or V3 pool).
    static func otherToken(_ pool: Address, not token: Address, _ c: RPCClient) async throws -> Address {
        var out: [Address] = []
        for selector: [UInt8] in [[0x0d, 0xfe, 0x16, 0x81], [0xd2, 0x12, 0x20, 0xa7]] {
            let d = try #require(try await c.call(CallRequest(to: pool, data: selector), at: .latest).returnData)
            out.append(try Address(bytes: Array(d.suffix(20))))
        }
        return out[0] == token ? out[1] : out[0]
    }
}
