import Chain
import Primitives
import Testing

@testable import Protocols

/// Comet and Maker have no bytecode on the devnet: their readers are checked by decoding ABI-encoded replies
/// built here exactly as the contracts' return types encode them. Aave's version probes and the borrower events
/// are checked the same way.
@Suite struct LendingReadersTests {
    static func ok(_ types: [ABIType], _ values: [ABIValue]) throws -> CallOutcome {
        .success(try ABI.encode(types: types, values: values))
    }
    static func u(_ v: UInt64) -> ABIValue { .uint(U256(v)) }
    static func addr(_ b: UInt8) throws -> Address { try Address(bytes: [UInt8](repeating: b, count: 20)) }
    static let wad = U256(1_000_000_000_000_000_000)

    @Test func aaveVersionFromProbes() throws {
        let word = try Self.ok([.uint256], [Self.u(0)])
        let rev = CallOutcome.revert(.empty, [])
        #expect(AaveReader.version(fromProbes: [word, word, word]) == .v3_3)
        #expect(AaveReader.version(fromProbes: [rev, word, word]) == .v3_2)
        #expect(AaveReader.version(fromProbes: [rev, rev, word]) == .v3_1)
        #expect(AaveReader.version(fromProbes: [rev, rev, rev]) == .v3_0)
        // A non-reverting call that returns nothing (no such function behind a fallback) is not evidence.
        #expect(AaveReader.version(fromProbes: [.success([]), .success([]), rev]) == .v3_0)
    }

    @Test func eventTopicsAndAccounts() throws {
        let liq = try #require(LendingEvents.aave.first { $0.signature.hasPrefix("LiquidationCall") })
        #expect(liq.topic0.description == "0xe413a321e8681d831f4dbccbca790d2952b56f977908e45be37335533e005286")
        let borrow = try #require(LendingEvents.aave.first { $0.discovers })
        let user = try Self.addr(0xab)
        let pad = [UInt8](repeating: 0, count: 12)
        let log = Log(
            address: try Self.addr(1),
            topics: [borrow.topic0, try Hash32(bytes: pad + Self.addr(2).bytes), try Hash32(bytes: pad + user.bytes),
                try Hash32(bytes: [UInt8](repeating: 0, count: 32))],
            data: [], blockNumber: 1)
        let found = try #require(LendingEvents.account(in: log, protocol: .aaveV3))
        #expect(found.account == user && found.discovers)
        // Not an address (high bytes set) → ignored, as is an unknown event or a missing topic.
        var bad = log
        bad.topics[2] = try Hash32(bytes: [UInt8](repeating: 0xff, count: 32))
        #expect(LendingEvents.account(in: bad, protocol: .aaveV3) == nil)
        var unknown = log
        unknown.topics[0] = Keccak256.hash(utf8: "Other()")
        #expect(LendingEvents.account(in: unknown, protocol: .aaveV3) == nil)
        var short = log
        short.topics = Array(log.topics.prefix(2))
        #expect(LendingEvents.account(in: short, protocol: .aaveV3) == nil)
        // Comet Withdraw(src indexed, to indexed, amount): src opens a borrow.
        let w = try #require(LendingEvents.comet.first { $0.discovers })
        let cometLog = Log(
            address: try Self.addr(3), topics: [w.topic0, try Hash32(bytes: pad + user.bytes), try Hash32(bytes: pad + Self.addr(4).bytes)],
            data: try ABI.encode(types: [.uint256], values: [Self.u(5)]), blockNumber: 2)
        #expect(LendingEvents.account(in: cometLog, protocol: .compoundV3)?.account == user)
        #expect(LendingEvents.filter(.maker, contracts: [try Self.addr(9)]).topics.first??.count == 3)
    }

    @Test func cometMarketDecodesAndAccruesLikeAccruedInterestIndices() throws {
        let comet = try Self.addr(0xc0)
        let feed = try Self.addr(0xfe)
        let header: [CallOutcome] = [
            try Self.ok([.uint(8)], [Self.u(1)]),
            try Self.ok([.uint256], [Self.u(1_000_000)]),
            try Self.ok([.address], [.address(feed)]),
            try Self.ok(
                [.tuple([.uint(64), .uint(64), .uint(64), .uint(64), .uint(104), .uint(104), .uint(40), .uint(8)])],
                [.tuple([
                    Self.u(1_000_000_000_000_000), Self.u(1_100_000_000_000_000), Self.u(0), Self.u(0), Self.u(0),
                    Self.u(0), Self.u(1_000), Self.u(0),
                ])]),
            try Self.ok([.uint256], [.uint(U256(600_000_000_000_000_000))]),
            try Self.ok([.uint256], [Self.u(5_000_000_000_000)]),
            try Self.ok([.int256], [.int(I256(-7))]),
            try Self.ok([.uint256], [.uint(U256(800_000_000_000_000_000))]),
        ]
        let h = try CometReader.decodeHeader(header)
        #expect(h.numAssets == 1 && h.baseFeed == feed && h.reserves == I256(-7))
        #expect(CometReader.assetCalls(comet, header: h).count == 4)
        let asset = try Self.addr(0xaa), assetFeed = try Self.addr(0xaf)
        let info = try Self.ok(
            [.tuple([.uint(8), .address, .address, .uint(64), .uint(64), .uint(64), .uint(64), .uint(128)])],
            [.tuple([
                Self.u(0), .address(asset), .address(assetFeed), .uint(Self.wad), Self.u(800_000_000_000_000_000),
                Self.u(850_000_000_000_000_000), Self.u(930_000_000_000_000_000), Self.u(1_000_000),
            ])])
        let supplyRate: UInt64 = 1_000_000_000, borrowRate: UInt64 = 2_000_000_000
        let o2 = [
            info, try Self.ok([.uint256], [Self.u(100_000_000)]), try Self.ok([.uint(64)], [Self.u(supplyRate)]),
            try Self.ok([.uint(64)], [Self.u(borrowRate)]),
        ]
        let o3 = [try Self.ok([.uint256], [Self.u(200_000_000_000)]), try Self.ok([.uint256], [Self.u(42)])]
        let m = try CometReader.decodeMarket(header: h, assets: o2, prices: o3, timestamp: 1_100)
        // index += index * rate * elapsed / 1e18 (Comet.accruedInterestIndices), elapsed = 100 s.
        #expect(m.baseSupplyIndex == U256(1_000_000_000_000_000) + U256(1_000_000_000_000_000) * U256(supplyRate * 100) / Self.wad)
        #expect(m.baseBorrowIndex == U256(1_100_000_000_000_000) + U256(1_100_000_000_000_000) * U256(borrowRate * 100) / Self.wad)
        #expect(m.assets.first?.price == U256(200_000_000_000) && m.collateralReserves[asset] == U256(42))
        #expect(m.targetReserves == U256(5_000_000_000_000) && m.basePrice == U256(100_000_000))
        // A zero price is Comet's BadPrice.
        let zero = [try Self.ok([.uint256], [Self.u(0)]), o3[1]]
        #expect(throws: CometError.badPrice) { try CometReader.decodeMarket(header: h, assets: o2, prices: zero, timestamp: 1_100) }

        let who = try Self.addr(0x11)
        let acct: [CallOutcome] = [
            try Self.ok([.bool], [.bool(true)]),
            try Self.ok([.int(104), .uint(64), .uint(64), .uint(16), .uint(8)], [.int(I256(-5_000_000)), Self.u(0), Self.u(0), Self.u(1), Self.u(0)]),
            try Self.ok([.uint(128)], [.uint(Self.wad)]),
        ]
        #expect(CometReader.accountCalls(comet, accounts: [who], assets: m.assets).count == 3)
        let decoded = try CometReader.decodeAccounts(acct, accounts: [who], assets: m.assets)
        #expect(decoded.count == 1 && decoded[0].isLiquidatable)
        #expect(decoded[0].account.principal == I256(-5_000_000) && decoded[0].account.collateral[asset] == Self.wad)
        #expect(throws: CometError.self) { try CometReader.decodeAccounts(Array(acct.prefix(2)), accounts: [who], assets: m.assets) }
    }

    @Test func makerIlkClipperAbacusAndSalesDecode() throws {
        let clip = try Self.addr(0xc1)
        let ray = U256(1_000_000_000) * Self.wad
        let rad = ray * Self.wad
        let ilk: [CallOutcome] = [
            try Self.ok([.address, .uint256, .uint256, .uint256], [.address(clip), .uint(U256(1_130_000_000_000_000_000)), .uint(rad * U256(1000)), .uint(.zero)]),
            try Self.ok([.uint256], [.uint(rad * U256(100_000))]),
            try Self.ok([.uint256], [.uint(rad)]),
            try Self.ok([.uint256, .uint256, .uint256, .uint256, .uint256], [.uint(.zero), .uint(ray), .uint(ray * U256(2)), .uint(.zero), .uint(rad * U256(15_000))]),
        ]
        let (state, clipper) = try MakerReader.decodeIlk(ilk)
        #expect(clipper == clip && state.chop == U256(1_130_000_000_000_000_000) && state.dust == rad * U256(15_000))
        #expect(try state.chost() == rad * U256(16_950))  // wmul(dust, chop)

        func clipperReplies(_ tau: CallOutcome, _ step: CallOutcome, _ cut: CallOutcome) throws -> [CallOutcome] {
            [
                try Self.ok([.address], [.address(try Self.addr(0xca))]), try Self.ok([.uint256], [.uint(ray * U256(12) / U256(10))]),
                try Self.ok([.uint256], [Self.u(7_200)]), try Self.ok([.uint256], [.uint(ray * U256(4) / U256(10))]),
                try Self.ok([.uint256], [Self.u(0)]), try Self.ok([.uint256], [Self.u(0)]),
                try Self.ok([.uint256], [.uint(rad * U256(16_950))]), try Self.ok([.array(.uint256)], [.array([Self.u(3), Self.u(9)])]),
                tau, step, cut,
            ]
        }
        let rev = CallOutcome.revert(.empty, [])
        let linear = try MakerReader.decodeClipper(try clipperReplies(try Self.ok([.uint256], [Self.u(3_600)]), rev, rev))
        #expect(linear.params.calc == .linearDecrease(tau: U256(3_600)) && linear.active == [U256(3), U256(9)])
        #expect(linear.params.chost == rad * U256(16_950) && linear.params.tail == U256(7_200))
        let stair = try MakerReader.decodeClipper(
            try clipperReplies(rev, try Self.ok([.uint256], [Self.u(90)]), try Self.ok([.uint256], [.uint(ray * U256(99) / U256(100))])))
        #expect(stair.params.calc == .stairstepExponentialDecrease(step: U256(90), cut: ray * U256(99) / U256(100)))
        let expo = try MakerReader.decodeClipper(try clipperReplies(rev, rev, try Self.ok([.uint256], [.uint(ray)])))
        #expect(expo.params.calc == .exponentialDecrease(cut: ray))

        let usr = try Self.addr(0x77)
        let sales: [CallOutcome] = [
            try Self.ok([.uint256, .uint256, .uint256, .address, .uint(96), .uint256], [Self.u(0), .uint(rad * U256(20_000)), .uint(Self.wad * U256(10)), .address(usr), Self.u(1_000), .uint(ray * U256(2400))]),
            try Self.ok([.bool, .uint256, .uint256, .uint256], [.bool(false), .uint(ray * U256(2000)), .uint(Self.wad * U256(10)), .uint(rad * U256(20_000))]),
        ]
        let s = try MakerReader.decodeSales(sales, ids: [U256(3)])
        #expect(s.count == 1 && s[0].usr == usr && !s[0].needsRedo && s[0].price == ray * U256(2000))
        #expect(s[0].sale.tab == rad * U256(20_000) && s[0].sale.top == ray * U256(2400) && s[0].sale.tic == U256(1_000))
        // At tic the price is top (2,400): taking 2 of 10 would pay 4,800 and leave 15,200 of tab < chost
        // (16,950): Clipper trims the take to leave exactly chost.
        let take = try MakerClipper.take(
            s[0].sale, amt: Self.wad * U256(2), max: ray * U256(2400), params: linear.params, now: U256(1_000))
        #expect(take.tabLeft == linear.params.chost)
        #expect(take.owe == rad * U256(3_050))
    }
}
