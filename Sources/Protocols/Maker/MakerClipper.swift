import Primitives

/// A Clipper's parameters (`src/clip.sol`, makerdao/dss).
public struct MakerClipperParams: Hashable, Sendable {
    /// The price curve (`calc`).
    public var calc: MakerAbacus
    /// `buf`, ray: multiplier on the feed price for the starting price `top`.
    public var buf: U256
    /// `tail`, seconds: age after which the auction needs a reset.
    public var tail: U256
    /// `cusp`, ray: price/top ratio below which the auction needs a reset.
    public var cusp: U256
    /// `chip`, wad: keeper incentive as a share of tab.
    public var chip: U256
    /// `tip`, rad: flat keeper incentive.
    public var tip: U256
    /// `chost`, rad: cached `dust * chop`.
    public var chost: U256

    /// Parameters from their fields.
    public init(calc: MakerAbacus, buf: U256, tail: U256, cusp: U256, chip: U256, tip: U256, chost: U256) {
        self.calc = calc
        self.buf = buf
        self.tail = tail
        self.cusp = cusp
        self.chip = chip
        self.tip = tip
        self.chost = chost
    }
}

/// A running auction: `Clipper.sales(id)`.
public struct MakerSale: Hashable, Sendable {
    /// DAI to raise, rad.
    public var tab: U256
    /// Collateral for sale, wad.
    public var lot: U256
    /// Start time.
    public var tic: U256
    /// Starting price, ray.
    public var top: U256

    /// A sale from its fields.
    public init(tab: U256, lot: U256, tic: U256, top: U256) {
        self.tab = tab
        self.lot = lot
        self.tic = tic
        self.top = top
    }
}

/// The result of one `take`.
public struct MakerTake: Hashable, Sendable {
    /// The price paid, ray.
    public var price: U256
    /// Collateral delivered to `who`, wad.
    public var slice: U256
    /// DAI pulled from the caller, rad.
    public var owe: U256
    /// Tab left, rad (0 = done).
    public var tabLeft: U256
    /// Lot left in the auction, wad.
    public var lotLeft: U256
    /// Collateral returned to the vault owner when the tab is covered, wad.
    public var returnedToUsr: U256
}

/// Clipper status, take sizing and redo (`src/clip.sol`, makerdao/dss).
public enum MakerClipper {
    /// `status`: price = calc.price(top, now − tic); done = now − tic > tail || rdiv(price, top) < cusp.
    public static func status(_ sale: MakerSale, params: MakerClipperParams, now: U256) throws(MakerError)
        -> (done: Bool, price: U256)
    {
        let dur = try MakerMath.sub(now, sale.tic)
        let price = try params.calc.price(top: sale.top, dur: dur)
        if dur > params.tail { return (true, price) }
        return (try MakerMath.rdiv(price, sale.top) < params.cusp, price)
    }

    /// `take(id, amt, max, who, data)`: slice = min(lot, amt), owe = slice × price; owe capped at tab; a partial
    /// purchase that would leave `tab − owe < chost` is cut to leave exactly `chost` (and reverts
    /// `Clipper/no-partial-purchase` when `tab <= chost`), so the taker must buy all or leave ≥ chost.
    public static func take(
        _ sale: MakerSale, amt: U256, max: U256, params: MakerClipperParams, now: U256
    ) throws(MakerError) -> MakerTake {
        guard !sale.lot.isZero || !sale.tab.isZero else { throw .notRunningAuction }
        let (done, price) = try status(sale, params: params, now: now)
        guard !done else { throw .needsReset }
        guard max >= price else { throw .tooExpensive }
        var slice = min(sale.lot, amt)
        var owe = try MakerMath.mul(slice, price)
        if owe > sale.tab {
            owe = sale.tab
            slice = try MakerMath.div(owe, price, "take")
        } else if owe < sale.tab && slice < sale.lot {
            if sale.tab - owe < params.chost {
                guard sale.tab > params.chost else { throw .noPartialPurchase }
                owe = sale.tab - params.chost
                slice = try MakerMath.div(owe, price, "take")
            }
        }
        let tab = sale.tab - owe
        let lot = sale.lot - slice
        let returned = (!lot.isZero && tab.isZero) ? lot : U256.zero
        return MakerTake(
            price: price, slice: slice, owe: owe, tabLeft: tab, lotLeft: lot.isZero || tab.isZero ? .zero : lot,
            returnedToUsr: returned)
    }

    /// Whether only a full purchase is possible: with `tab <= chost` every partial take paying `owe > 0` reverts
    /// `Clipper/no-partial-purchase`; otherwise a partial take is trimmed to leave exactly `chost` when needed.
    public static func isTakeAllOrNothing(_ sale: MakerSale, params: MakerClipperParams) -> Bool {
        sale.tab <= params.chost
    }

    /// `redo` preconditions and the keeper reward: requires `done` (else `Clipper/cannot-reset`); new
    /// top = rmul(feedPrice, buf); coin = tip + wmul(tab, chip) only when tab ≥ chost and lot × feedPrice ≥ chost.
    public static func redo(
        _ sale: MakerSale, params: MakerClipperParams, now: U256, feedPrice: U256
    ) throws(MakerError) -> (top: U256, coin: U256) {
        guard try status(sale, params: params, now: now).done else { throw .cannotReset }
        let top = try MakerMath.rmul(feedPrice, params.buf)
        guard !top.isZero else { throw .zeroTopPrice }
        var coin = U256.zero
        if !params.tip.isZero || !params.chip.isZero {
            if sale.tab >= params.chost, try MakerMath.mul(sale.lot, feedPrice) >= params.chost {
                coin = try MakerMath.add(params.tip, try MakerMath.wmul(sale.tab, params.chip))
            }
        }
        return (top, coin)
    }

    /// Clipper.getFeedPrice: `rdiv(val * BLN, par)` with the OSM value `val` (wad) and Spotter `par` (ray).
    public static func feedPrice(val: U256, par: U256) throws(MakerError) -> U256 {
        try MakerMath.rdiv(try MakerMath.mul(val, MakerMath.bln), par)
    }

    /// The keeper reward of `kick`: tip + wmul(tab, chip) (no chost condition at kick).
    public static func kickIncentive(tab: U256, params: MakerClipperParams) throws(MakerError) -> U256 {
        if params.tip.isZero && params.chip.isZero { return .zero }
        return try MakerMath.add(params.tip, try MakerMath.wmul(tab, params.chip))
    }
}
