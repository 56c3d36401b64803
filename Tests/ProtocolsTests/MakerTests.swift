import Primitives
import Testing

@testable import Protocols

/// Cases derived from dss dog.sol / clip.sol / abaci.sol formulas (no Maker bytecode is available here).
@Suite struct MakerTests {
    static let ray = MakerMath.ray
    static let rad = MakerMath.rad

    @Test func rpowSquaresWithHalfUpRounding() throws {
        #expect(try MakerMath.rpow(T.e(99, 25), 2, Self.ray) == T.e(9801, 23))
        #expect(try MakerMath.rpow(T.e(99, 25), 0, Self.ray) == Self.ray)
        #expect(try MakerMath.rpow(0, 5, Self.ray) == 0)
        // (2/3)^2 in base 10: x = 6.67 → 7 per step: rpow(6, 2, 10) = (36 + 5) / 10 = 4.
        #expect(try MakerMath.rpow(6, 2, 10) == 4)
        #expect(try MakerMath.rpow(6, 3, 10) == 2)  // z = 6; x = 4; z = (24 + 5) / 10 = 2
        #expect(throws: MakerError.overflow(operation: "rpow")) { try MakerMath.rpow(U256.one << 128, 2, Self.ray) }
    }

    @Test func abacusCurves() throws {
        let top = T.e(100, 27)
        #expect(try MakerAbacus.linearDecrease(tau: 3600).price(top: top, dur: 1800) == T.e(50, 27))
        #expect(try MakerAbacus.linearDecrease(tau: 3600).price(top: top, dur: 3600) == 0)
        let stair = MakerAbacus.stairstepExponentialDecrease(step: 90, cut: T.e(99, 25))
        #expect(try stair.price(top: top, dur: 179) == T.e(99, 27))
        #expect(try stair.price(top: top, dur: 180) == T.e(9801, 25))
        #expect(try MakerAbacus.exponentialDecrease(cut: T.e(999, 24)).price(top: top, dur: 2) == T.e(99_800_1, 23))
    }

    static func ilk(hole: U256 = T.e(1, 55), dust: U256 = T.e(5000, 45)) -> MakerIlk {
        // rate 1.0, spot = $2000 / 1.5 (mat already divided in), chop 1.13.
        MakerIlk(
            rate: T.e(1, 27), spot: T.e(2000, 27) / 3 * 2, dust: dust, chop: T.e(113, 16), hole: hole, dirt: 0,
            globalHole: T.e(1, 55), globalDirt: 0)
    }

    static let urn = MakerUrn(ink: T.e(10, 18), art: T.e(15_000, 18))

    @Test func barkWholeVault() throws {
        let b = try MakerDog.bark(urn: Self.urn, ilk: Self.ilk())
        #expect(b.dart == T.e(15_000, 18) && b.dink == T.e(10, 18))
        #expect(b.due == T.e(15_000, 45) && b.tab == T.e(16_950, 45))
        #expect(try Self.ilk().chost() == T.e(5650, 45))
    }

    @Test func barkPartialAndDustRules() throws {
        let partial = try MakerDog.bark(urn: Self.urn, ilk: Self.ilk(hole: T.e(5650, 45)))
        #expect(partial.dart == T.e(5000, 18) && partial.tab == T.e(5650, 45))
        #expect(partial.dink == T.e(10, 18) * T.e(5000, 18) / T.e(15_000, 18))
        // Room for 12,000 would leave 3,000 < dust: the whole vault goes.
        let whole = try MakerDog.bark(urn: Self.urn, ilk: Self.ilk(hole: T.e(13_560, 45)))
        #expect(whole.dart == T.e(15_000, 18))
        #expect(throws: MakerError.dustyAuctionFromPartialLiquidation) {
            try MakerDog.bark(urn: Self.urn, ilk: Self.ilk(hole: T.e(5650, 45), dust: T.e(6000, 45)))
        }
        #expect(throws: MakerError.notUnsafe) {
            try MakerDog.bark(urn: MakerUrn(ink: T.e(12, 18), art: T.e(15_000, 18)), ilk: Self.ilk())
        }
        var full = Self.ilk()
        full.dirt = full.hole
        #expect(throws: MakerError.liquidationLimitHit) { try MakerDog.bark(urn: Self.urn, ilk: full) }
    }

    static let params = MakerClipperParams(
        calc: .linearDecrease(tau: 100_000), buf: T.e(12, 26), tail: 7200, cusp: T.e(4, 26), chip: T.e(1, 15),
        tip: T.e(300, 45), chost: T.e(100, 45))
    static let sale = MakerSale(tab: T.e(1000, 45), lot: T.e(1, 18), tic: 1_000, top: T.e(2000, 27))

    @Test func takeSizesSliceOweAndChost() throws {
        let p = Self.params
        let partial = try MakerClipper.take(Self.sale, amt: T.e(3, 17), max: .max, params: p, now: 1_000)
        #expect(partial.owe == T.e(600, 45) && partial.slice == T.e(3, 17))
        #expect(partial.tabLeft == T.e(400, 45) && partial.lotLeft == T.e(7, 17))
        // Leaving exactly chost is allowed; leaving less trims owe to tab − chost.
        #expect(
            try MakerClipper.take(Self.sale, amt: T.e(45, 16), max: .max, params: p, now: 1_000).owe == T.e(900, 45))
        let trimmed = try MakerClipper.take(Self.sale, amt: T.e(46, 16), max: .max, params: p, now: 1_000)
        #expect(trimmed.owe == T.e(900, 45) && trimmed.slice == T.e(45, 16) && trimmed.tabLeft == p.chost)
        // Buying more than the tab: owe = tab, the rest of the lot returns to the vault owner.
        let all = try MakerClipper.take(Self.sale, amt: T.e(1, 18), max: .max, params: p, now: 1_000)
        #expect(all.owe == T.e(1000, 45) && all.slice == T.e(5, 17) && all.returnedToUsr == T.e(5, 17))
        let small = MakerSale(tab: T.e(50, 45), lot: T.e(1, 18), tic: 1_000, top: T.e(2000, 27))
        #expect(MakerClipper.isTakeAllOrNothing(small, params: p))
        #expect(throws: MakerError.noPartialPurchase) {
            try MakerClipper.take(small, amt: T.e(1, 16), max: .max, params: p, now: 1_000)
        }
    }

    @Test func takeChecksPriceAndResetState() throws {
        let p = Self.params
        #expect(throws: MakerError.tooExpensive) {
            try MakerClipper.take(Self.sale, amt: T.e(1, 17), max: T.e(1999, 27), params: p, now: 1_000)
        }
        #expect(throws: MakerError.needsReset) {
            try MakerClipper.take(Self.sale, amt: T.e(1, 17), max: .max, params: p, now: 1_000 + 7_201)
        }
        #expect(throws: MakerError.cannotReset) {
            try MakerClipper.redo(Self.sale, params: p, now: 1_000, feedPrice: T.e(1500, 27))
        }
        let r = try MakerClipper.redo(Self.sale, params: p, now: 9_000, feedPrice: T.e(1500, 27))
        #expect(r.top == T.e(1800, 27))
        #expect(r.coin == T.e(300, 45) + T.e(1, 45))
        #expect(try MakerClipper.feedPrice(val: T.e(1500, 18), par: Self.ray) == T.e(1500, 27))
    }

    @Test func selectorsMatchTheirLiterals() {
        let cases: [(ABIFunction, String)] = [
            (MakerCalls.bark, "ed998908"), (MakerCalls.take, "81a794cb"), (MakerCalls.redo, "d843416d"),
            (MakerCalls.getStatus, "5c622a0e"), (MakerCalls.sales, "b5f522f7"), (MakerCalls.chost, "ba2cdc75"),
            (MakerCalls.list, "0f560cd7"), (MakerCalls.vatIlks, "d9638d36"), (MakerCalls.vatUrns, "2424be5c"),
        ]
        for (f, hex) in cases { #expect(f.selector.description.hasSuffix(hex), "\(f.signature)") }
        #expect(MakerError.noPartialPurchase.code == "maker_clipper_no_partial_purchase")
    }
}
