import Chain
import Foundation
import History
import Primitives
import Protocols
import Strategies
import Testing

/// Records the mid prices of one token pair on both V2 venues block by block while venue A's price is moved with real
/// router swaps: small noise, then a large sale of token0 (entry, long the spread), then buying it back (exit). The
/// tokens and pairs are fresh (deployed by the test), so no other suite can notice them and nothing is reverted: an
/// evm_revert here would undo blocks other suites running in parallel are reading. Sends from a fresh funded key. The token probe's devnet test (dev account 3) is in this
/// suite too (TokenProbeDevnetTests.swift), serialized with it.
@Suite(.enabled(if: Devnet.available, Devnet.reason), .serialized)
struct StatArbDevnetTests {
    static let deadline = U256.one << 200

    /// A fresh key funded with anvil_setBalance, sending signed transactions through the real TransactionSender: no
    /// dev account is shared with other suites (their nonce checks would notice).
    struct FreshAccount {
        let sender: TransactionSender
        let address: Address
    }

    static func freshAccount(_ label: String) async throws -> FreshAccount {
        let key = try PrivateKey(bytes: Keccak256.hash(utf8: "\(label)-\(UUID())").bytes)
        let address = try Address(bytes: key.addressBytes)
        let c = try Devnet.client()
        _ = try await c.call("anvil_setBalance", [.address(address), .quantity(U256(1000) * Units.powerOfTen(18))])
        let sender = try TransactionSender(
            client: c, signer: LocalSigner(key: key, source: "test"), journal: HistoryJournal(path: Devnet.tempPath("journal")),
            chainID: 31337, receiptTimeout: .seconds(60), pollInterval: .milliseconds(50))
        return FreshAccount(sender: sender, address: address)
    }

    func send(_ a: FreshAccount, to: Address?, data: [UInt8]) async throws -> Receipt {
        let out = try await a.sender.send(TxIntent(key: "statarb-\(UUID())", to: to, data: data, gasLimit: 6_000_000))
        let r = try #require(out.receipt)
        #expect(r.succeeded)
        return r
    }

    func abi(_ sig: String, _ args: [ABIValue]) throws -> [UInt8] { try ABIFunction(signature: sig).encodeCall(args) }

    @Test func recordsPricesAndSignalsEntryThenExit() async throws {
        let c = try Devnet.client()
        let acct = try await Self.freshAccount("statarb")
        let me = acct.address
        // Two fresh plain ERC-20s (FeeOnTransferToken with a 0 bps fee) and their pairs on both V2 venues.
        var tokens: [Address] = []
        for _ in 0..<2 {
            let code = try Self.compileTestContract("FeeOnTransferToken") + [UInt8](repeating: 0, count: 32)
            tokens.append(try #require(try await send(acct, to: nil, data: code).contractAddress))
        }
        let (x, y) = (tokens[0], tokens[1])
        let routerA = try QuoteDevnet.router("uniswap_v2_a")
        let routerB = try QuoteDevnet.router("uniswap_v2_b")
        let e18 = Units.powerOfTen(18)
        for t in tokens {
            _ = try await send(acct, to: t, data: try abi("mint(address,uint256)", [.address(me), .uint(U256(1_000_000) * e18)]))
            for r in [routerA, routerB] {
                _ = try await send(acct, to: t, data: try abi("approve(address,uint256)", [.address(r), .uint(.max)]))
            }
        }
        for r in [routerA, routerB] {  // 20,000 X : 40,000 Y on each venue
            _ = try await send(
                acct, to: r,
                data: try abi(
                    "addLiquidity(address,address,uint256,uint256,uint256,uint256,address,uint256)",
                    [.address(x), .address(y), .uint(U256(20_000) * e18), .uint(U256(40_000) * e18), .uint(.zero), .uint(.zero),
                     .address(me), .uint(Self.deadline)]))
        }
        let path = Devnet.tempPath("statarb") + ".sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try HistoryStore(path: path)
        func swap(_ amountIn: U256, _ from: Address, _ to: Address) async throws {
            _ = try await send(
                acct, to: routerA,
                data: try abi(
                    "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)",
                    [.uint(amountIn), .uint(.zero), .array([.address(from), .address(to)]), .address(me), .uint(Self.deadline)]))
        }
        let poolA = try #require(try await pairAddress(c, routerA, x, y))
        let poolB = try #require(try await pairAddress(c, routerB, x, y))
        var pair: StatPair?
        func record() async throws -> UInt64 {
            let view = try await c.pinned()
            let reader = PoolReader(view: view, multicall: try QuoteDevnet.multicall, wordRadius: nil)
            let pools = try await reader.read(tokenA: x, tokenB: y, v2: try QuoteDevnet.v2Venues(), v3: [])
            let snap = MarketSnapshot(
                chainID: 31337, blockNumber: view.block.number, blockHash: view.block.hash,
                tokens: [SnapshotToken(address: x, symbol: "X", decimals: 18), SnapshotToken(address: y, symbol: "Y", decimals: 18)],
                pools: pools)
            #expect(try PriceRecorder.record(snapshot: snap, store: store) == 2)
            pair = StatPair.venuePairs(in: snap).first { Set([$0.a.pool, $0.b.pool]) == Set([poolA, poolB]) }
            return view.block.number
        }
        let th = StatThresholds(lookbackBlocks: 60, entry: 2, exit: 0.5, minObservations: 8)
        func evaluate(_ block: UInt64) throws -> StatSignal {
            let p = try #require(pair)
            #expect(p.a.pool == poolA)
            let s = try StatisticalArbitrage.evaluate(store: store, pools: [p], thresholds: th, atBlock: block)
            return try #require(s.first)
        }
        // Noise: 12 small swaps on venue A alternating direction (2-9 X, or twice that in Y).
        var rng = QuoteDevnet.RNG(state: 0x57a7)
        var last: UInt64 = 0
        for k in 0..<12 {
            let n = U256(2 + rng.next() % 8) * e18
            if k % 2 == 0 { try await swap(n, x, y) } else { try await swap(n * U256(2), y, x) }
            last = try await record()
        }
        let quiet = try evaluate(last)
        #expect(quiet.action == .flat, "after noise: \(quiet)")
        // Observations are exact fractions in the store.
        let rows = try store.prices(pool: poolA.lowercaseHex, blocks: last...last)
        #expect(rows.count == 1 && rows[0].priceDen != nil)

        // Sell 400 of token0 on venue A: its price there drops ~4% below venue B's.
        let (t0, t1) = x < y ? (x, y) : (y, x)
        let before = try await QuoteDevnet.balance(t1, of: me, client: c)
        try await swap(U256(400) * e18, t0, t1)
        let entry = try evaluate(try await record())
        #expect(entry.action == .enter(.long), "entry: \(entry)")
        #expect((entry.zScore ?? 0) < -2 && entry.atomic == false)

        // Buy it back with what the sale paid: the spread reverts.
        let got = try await QuoteDevnet.balance(t1, of: me, client: c) - before
        try await swap(got, t1, t0)
        let exit = try evaluate(try await record())
        #expect(exit.action == .exit(.long), "exit: \(exit)")
    }

    /// The venue's pair for two tokens (router.factory().getPair).
    func pairAddress(_ c: RPCClient, _ router: Address, _ a: Address, _ b: Address) async throws -> Address? {
        let f = try #require(try await c.call(CallRequest(to: router, data: try abi("factory()", []))).returnData)
        let factory = Address(hashSuffix: try Hash32(bytes: f.prefix(32)))
        let p = try #require(
            try await c.call(CallRequest(to: factory, data: try abi("getPair(address,address)", [.address(a), .address(b)])))
                .returnData)
        return Address(hashSuffix: try Hash32(bytes: p.prefix(32)))
    }
}
