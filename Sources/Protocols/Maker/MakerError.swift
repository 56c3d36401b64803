/// A Dog/Clipper revert reason (`makerdao/dss src/dog.sol`, `src/clip.sol`) or the math's overflow `require`.
public enum MakerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `Dog/not-unsafe`: `spot == 0` or `ink * spot >= art * rate`.
    case notUnsafe
    /// `Dog/liquidation-limit-hit`: `Hole <= Dirt` or `ilk.hole <= ilk.dirt`.
    case liquidationLimitHit
    /// `Dog/dusty-auction-from-partial-liquidation`.
    case dustyAuctionFromPartialLiquidation
    /// `Dog/null-auction`: `dink == 0`.
    case nullAuction
    /// `Clipper/not-running-auction`.
    case notRunningAuction
    /// `Clipper/needs-reset`: the auction is done (tail or cusp) and must be `redo`ne.
    case needsReset
    /// `Clipper/too-expensive`: `max < price`.
    case tooExpensive
    /// `Clipper/no-partial-purchase`: a partial take would leave `tab < chost` and `tab <= chost`.
    case noPartialPurchase
    /// `Clipper/cannot-reset`: `redo` on an auction that is not done.
    case cannotReset
    /// `Clipper/zero-top-price`.
    case zeroTopPrice
    /// A `require` in `mul`/`add`/`rpow` (overflow) or a division by zero.
    case overflow(operation: String)
    /// A value read from chain does not have the expected shape.
    case malformed(String)

    /// The revert string the contract uses (nil for arithmetic).
    public var reason: String? {
        switch self {
        case .notUnsafe: return "Dog/not-unsafe"
        case .liquidationLimitHit: return "Dog/liquidation-limit-hit"
        case .dustyAuctionFromPartialLiquidation: return "Dog/dusty-auction-from-partial-liquidation"
        case .nullAuction: return "Dog/null-auction"
        case .notRunningAuction: return "Clipper/not-running-auction"
        case .needsReset: return "Clipper/needs-reset"
        case .tooExpensive: return "Clipper/too-expensive"
        case .noPartialPurchase: return "Clipper/no-partial-purchase"
        case .cannotReset: return "Clipper/cannot-reset"
        case .zeroTopPrice: return "Clipper/zero-top-price"
        case .overflow, .malformed: return nil
        }
    }

    /// A stable short code for the JSON envelope and the history store.
    public var code: String {
        if case .malformed = self { return "maker_malformed" }
        guard let r = reason else { return "maker_overflow" }
        return "maker_" + String(r.lowercased().map { $0 == "/" || $0 == "-" ? "_" : $0 })
    }

    /// Lower-case, safe to print.
    public var description: String {
        if let r = reason { return "maker reverts \"\(r)\"" }
        if case .overflow(let op) = self { return "arithmetic overflow in \(op)" }
        if case .malformed(let w) = self { return "malformed on-chain value: \(w)" }
        return "maker error"
    }
}
