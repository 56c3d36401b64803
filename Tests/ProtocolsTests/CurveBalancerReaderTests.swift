import Chain
import Primitives
import Testing

@testable import Protocols

/// The Curve and Balancer readers' decoding, on replies ABI-encoded here from each contract's documented return
/// types (StableSwap3Pool.vy / SwapTemplateBase.vy / CurveStableSwapNG.vy getters; Balancer V2 BasePool,
/// WeightedPool, StablePool, ComposableStablePool getters and IVault.getPoolTokens). There is no Curve or Balancer
/// bytecode on the devnet, so the multicall round trips themselves are not exercised against a real pool here.
@Suite struct CurveBalancerReaderTests {
    static let pool = try! Address(parsing: "0xbEbc44782C7dB0a1A60Cb6fe97d0b483032FF1C7")
    static let coins = [
        try! Address(parsing: "0x6B175474E89094C44Da98b954EedeAC495271d0F"),
        try! Address(parsing: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"),
        try! Address(parsing: "0xdAC17F958D2ee523a2206206994597C13D831ec7"),
    ]
    static let e18 = Units.powerOfTen(18)

    static func word(_ v: U256) -> CallOutcome { .success(v.bigEndianBytes) }
    static func addr(_ a: Address) -> CallOutcome { .success(a.abiWord) }
    static let fail = CallOutcome.revert(.empty, [])
    static func array(_ v: [U256]) throws -> CallOutcome {
        .success(try ABI.encode(types: [.array(.uint256)], values: [.array(v.map { .uint($0) })]))
    }

    @Test func selectorsAreTheKeccakOfTheirSignatures() {
        for (sig, sel) in CurveBalancerCalls.all { #expect(Selector(signature: sig).bytes == sel, "\(sig)") }
    }

    /// Round-1 replies of a 3-coin classic pool (3pool shape: no A_precise, no ng getters).
    func classicReplies(aPrecise: Bool) -> [CallOutcome] {
        var r: [CallOutcome] = Self.coins.map(Self.addr) + Array(repeating: Self.fail, count: 5)
        r += [U256(100) * Self.e18, U256(200) * Units.powerOfTen(6), U256(300) * Units.powerOfTen(6)].map(Self.word)
        r += Array(repeating: Self.fail, count: 5)
        r += [Self.word(U256(2000)), aPrecise ? Self.word(U256(200_000)) : Self.fail, Self.word(U256(1_000_000))]
        r += [Self.word(U256(5_000_000_000)), Self.fail, Self.fail, Self.fail]
        return r
    }

    @Test func classicPoolsDecodeWithRatesFromCoinDecimals() throws {
        #expect(CurveReader.round1(Self.pool).count == classicReplies(aPrecise: false).count)
        let probe = try CurveReader.decodeRound1(pool: Self.pool, classicReplies(aPrecise: false))
        #expect(probe.variant == "classic_3pool" && probe.amp == U256(2000) && probe.coins == Self.coins)
        let calls = CurveReader.round2(probe)
        #expect(calls.map(\.target) == Self.coins && calls.allSatisfy { $0.callData == CurveBalancerCalls.decimals })
        let entry = try CurveReader.finish(probe, [18, 6, 6].map { Self.word(U256(UInt64($0))) })
        guard case .classic(let c) = entry.pool else { Issue.record("not classic"); return }
        #expect(c.rates == [Self.e18, Units.powerOfTen(30), Units.powerOfTen(30)])
        #expect(c.generation == .pool3 && c.fee == U256(1_000_000) && c.adminFee == U256(5_000_000_000))
        #expect(c.balances[1] == U256(200) * Units.powerOfTen(6))
        let template = try CurveReader.decodeRound1(pool: Self.pool, classicReplies(aPrecise: true))
        #expect(template.variant == "classic_template" && template.amp == U256(200_000))
    }

    @Test func stableswapNGDecodesDynamicArrays() throws {
        var r: [CallOutcome] = Self.coins.prefix(2).map(Self.addr) + Array(repeating: Self.fail, count: 6)
        r += Array(repeating: Self.fail, count: 8)  // ng balances(i) are not used
        r += [Self.word(U256(1500)), Self.word(U256(150_000)), Self.word(U256(4_000_000)), Self.fail]
        r += [
            try Self.array([Self.e18, Units.powerOfTen(30)]),
            try Self.array([U256(5) * Self.e18, U256(7) * Units.powerOfTen(6)]),
            Self.word(U256(20_000_000_000)),
        ]
        let probe = try CurveReader.decodeRound1(pool: Self.pool, r)
        #expect(probe.variant == "ng" && probe.amp == U256(150_000))
        #expect(CurveReader.round2(probe).isEmpty)
        let entry = try CurveReader.finish(probe, [])
        guard case .ng(let p) = entry.pool else { Issue.record("not ng"); return }
        #expect(p.rates == [Self.e18, Units.powerOfTen(30)] && p.offpegFeeMultiplier == U256(20_000_000_000))
        #expect(p.balances == [U256(5) * Self.e18, U256(7) * Units.powerOfTen(6)])
        // A stored_rates() array of the wrong length is refused, not padded.
        r[2 * 8 + 4] = try Self.array([Self.e18])
        #expect(throws: ReaderError.self) { try CurveReader.decodeRound1(pool: Self.pool, r) }
    }

    @Test func notAPoolAndGarbledRepliesAreErrorsNamingThePool() throws {
        let none = Array(repeating: CallOutcome.success([]), count: CurveReader.round1(Self.pool).count)
        #expect(throws: ReaderError.self) { try CurveReader.decodeRound1(pool: Self.pool, none) }
        var short = classicReplies(aPrecise: false)
        short[16 + 2] = .success([0x01, 0x02])  // fee() with 2 bytes
        do {
            _ = try CurveReader.decodeRound1(pool: Self.pool, short)
            Issue.record("a 2-byte fee() was accepted")
        } catch { #expect("\(error)".contains("fee()")) }
    }

    // MARK: Balancer

    static let bpool = try! Address(parsing: "0x5c6Ee304399DBdB9C8Ef030aB642B10820DB8F56")
    static let vault = try! Address(parsing: "0xBA12222222228d8Ba445958a75a0704d566BF2C8")
    static var poolId: Hash32 { try! Hash32(bytes: bpool.bytes + [0, 2] + [UInt8](repeating: 0, count: 9) + [0x14]) }

    func balancerRound1(weights: [U256]?, amp: U256?, bpt: Int?, factors: [U256]) throws -> [CallOutcome] {
        [
            .success(Self.poolId.bytes), Self.word(U256(3_000_000_000_000_000)), try Self.array(factors),
            try weights.map(Self.array) ?? Self.fail,
            amp.map {
                .success(
                    $0.bigEndianBytes + U256.zero.bigEndianBytes + U256(1000).bigEndianBytes)
            } ?? Self.fail,
            bpt.map { Self.word(U256(UInt64($0))) } ?? Self.fail, Self.addr(Self.vault),
        ]
    }

    func poolTokens(_ tokens: [Address], _ balances: [U256]) throws -> CallOutcome {
        .success(
            try ABI.encode(
                types: [.array(.address), .array(.uint256), .uint256],
                values: [.array(tokens.map { .address($0) }), .array(balances.map { .uint($0) }), .uint(U256(123))]))
    }

    @Test func weightedPoolDecodesAndAsksTheVaultForItsId() throws {
        let w = [U256(800_000_000_000_000_000), U256(200_000_000_000_000_000)]
        let f = [Self.e18, Self.e18 * Units.powerOfTen(12)]
        let probe = try BalancerReader.decodeRound1(
            pool: Self.bpool, try balancerRound1(weights: w, amp: nil, bpt: nil, factors: f))
        #expect(probe.poolId == Self.poolId && probe.vault == Self.vault)
        let call = try BalancerReader.round2(probe, vault: nil)
        #expect(call.target == Self.vault && call.callData == CurveBalancerCalls.getPoolTokens + Self.poolId.bytes)
        let entry = try BalancerReader.finish(
            probe, try poolTokens(Array(Self.coins.prefix(2)), [U256(1000) * Self.e18, U256(500_000_000_000)]))
        #expect(entry.kind == .weighted(normalizedWeights: w) && entry.scalingFactors == f)
        #expect(entry.tokens == Array(Self.coins.prefix(2)) && entry.swapFeePercentage == U256(3_000_000_000_000_000))
    }

    @Test func composableStablePoolDropsItsBPT() throws {
        let f = [Self.e18, Self.e18, Self.e18 * Units.powerOfTen(12)]
        let probe = try BalancerReader.decodeRound1(
            pool: Self.bpool, try balancerRound1(weights: nil, amp: U256(200_000), bpt: 1, factors: f))
        #expect(probe.kind == .stable(amp: U256(200_000)) && probe.bptIndex == 1)
        let entry = try BalancerReader.finish(
            probe,
            try poolTokens(
                [Self.coins[0], Self.bpool, Self.coins[1]],
                [U256(10) * Self.e18, U256(1) << 100, U256(10_000_000)]))
        #expect(entry.tokens == [Self.coins[0], Self.coins[1]])
        #expect(entry.balances == [U256(10) * Self.e18, U256(10_000_000)])
        #expect(entry.scalingFactors == [Self.e18, Self.e18 * Units.powerOfTen(12)])
        // BPT index pointing at a token that is not the pool: refused.
        #expect(throws: ReaderError.self) {
            try BalancerReader.finish(
                probe, try self.poolTokens(Array(Self.coins), [U256.one, U256.one, U256.one]))
        }
    }

    @Test func balancerRefusesForeignIdsUnknownTypesAndLengthMismatches() throws {
        var r = try balancerRound1(weights: nil, amp: nil, bpt: nil, factors: [Self.e18, Self.e18])
        #expect(throws: ReaderError.self) { try BalancerReader.decodeRound1(pool: Self.bpool, r) }  // no type
        r = try balancerRound1(weights: [Self.e18], amp: nil, bpt: nil, factors: [Self.e18, Self.e18])
        #expect(throws: ReaderError.self) { try BalancerReader.decodeRound1(pool: Self.coins[0], r) }  // id of another
        let probe = try BalancerReader.decodeRound1(pool: Self.bpool, r)
        #expect(throws: ReaderError.self) {  // 1 weight for 2 tokens
            try BalancerReader.finish(probe, try self.poolTokens(Array(Self.coins.prefix(2)), [U256.one, U256.one]))
        }
    }
}
