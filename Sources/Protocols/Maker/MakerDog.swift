import Primitives

/// The collateral type's state a `bark` reads: `Vat.ilks(ilk)` and `Dog.ilks(ilk)` plus the global `Hole`/`Dirt`.
public struct MakerIlk: Hashable, Sendable {
    /// Vat `rate`, ray: debt per unit of normalized `art`.
    public var rate: U256
    /// Vat `spot`, ray: collateral price / par / mat (the liquidation ratio `mat` is already divided in).
    public var spot: U256
    /// Vat `dust`, rad: minimum vault debt.
    public var dust: U256
    /// Dog `chop`, wad: liquidation penalty multiplier (1.13e18 = 13 %).
    public var chop: U256
    /// Dog `hole`, rad: this ilk's limit on debt in auctions.
    public var hole: U256
    /// Dog `dirt`, rad: this ilk's debt in auctions.
    public var dirt: U256
    /// Dog `Hole`, rad: global limit.
    public var globalHole: U256
    /// Dog `Dirt`, rad: global debt in auctions.
    public var globalDirt: U256

    /// An ilk from its fields.
    public init(
        rate: U256, spot: U256, dust: U256, chop: U256, hole: U256, dirt: U256, globalHole: U256, globalDirt: U256
    ) {
        self.rate = rate
        self.spot = spot
        self.dust = dust
        self.chop = chop
        self.hole = hole
        self.dirt = dirt
        self.globalHole = globalHole
        self.globalDirt = globalDirt
    }

    /// `chost = wmul(dust, chop)`, rad (Clipper.upchost): the smallest tab a partial take may leave.
    public func chost() throws(MakerError) -> U256 { try MakerMath.wmul(dust, chop) }
}

/// A vault: `Vat.urns(ilk, urn)`.
public struct MakerUrn: Hashable, Sendable {
    /// Locked collateral, wad.
    public var ink: U256
    /// Normalized debt, wad.
    public var art: U256

    /// An urn from its fields.
    public init(ink: U256, art: U256) {
        self.ink = ink
        self.art = art
    }
}

/// What `Dog.bark` would start: the confiscated amounts and the auction's `tab`.
public struct MakerBark: Hashable, Sendable {
    /// Normalized debt taken, wad.
    public var dart: U256
    /// Collateral taken (the auction `lot`), wad.
    public var dink: U256
    /// `dart * rate`, rad: debt sent to the Vow.
    public var due: U256
    /// `due * chop / WAD`, rad: DAI the auction must raise.
    public var tab: U256
}

/// Dog.bark sizing (`src/dog.sol`, makerdao/dss).
public enum MakerDog {
    /// Whether the vault is unsafe: `spot > 0 && ink * spot < art * rate` (both rad).
    public static func isUnsafe(urn: MakerUrn, ilk: MakerIlk) throws(MakerError) -> Bool {
        if ilk.spot.isZero { return false }
        return try MakerMath.mul(urn.ink, ilk.spot) < MakerMath.mul(urn.art, ilk.rate)
    }

    /// Reproduces `bark`'s checks and amounts: room = min(Hole − Dirt, hole − dirt);
    /// dart = min(art, room * WAD / rate / chop); a remainder below dust is taken whole, else a partial `dart`
    /// must itself reach dust; dink = ink * dart / art; tab = dart * rate * chop / WAD.
    public static func bark(urn: MakerUrn, ilk: MakerIlk) throws(MakerError) -> MakerBark {
        guard try isUnsafe(urn: urn, ilk: ilk) else { throw .notUnsafe }
        guard ilk.globalHole > ilk.globalDirt && ilk.hole > ilk.dirt else { throw .liquidationLimitHit }
        let room = min(ilk.globalHole - ilk.globalDirt, ilk.hole - ilk.dirt)
        var dart = min(
            urn.art,
            try MakerMath.div(
                try MakerMath.div(try MakerMath.mul(room, MakerMath.wad), ilk.rate, "bark"), ilk.chop, "bark"))
        if urn.art > dart {
            if try MakerMath.mul(urn.art - dart, ilk.rate) < ilk.dust {
                dart = urn.art
            } else if try MakerMath.mul(dart, ilk.rate) < ilk.dust {
                throw .dustyAuctionFromPartialLiquidation
            }
        }
        let dink = try MakerMath.div(try MakerMath.mul(urn.ink, dart), urn.art, "bark")
        guard !dink.isZero else { throw .nullAuction }
        let limit = U256.one << 255
        guard dart <= limit && dink <= limit else { throw .overflow(operation: "Dog/overflow") }
        let due = try MakerMath.mul(dart, ilk.rate)
        let tab = try MakerMath.mul(due, ilk.chop) / MakerMath.wad
        return MakerBark(dart: dart, dink: dink, due: due, tab: tab)
    }
}
