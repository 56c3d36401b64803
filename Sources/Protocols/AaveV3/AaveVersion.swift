/// The deployed Pool logic a computation must reproduce (tags of aave-dao/aave-v3-origin; 3.0 = aave/aave-v3-core).
public enum AaveVersion: String, Sendable, CaseIterable, Comparable {
    /// aave-v3-core: stable + variable debt, per-reserve close factor, no grace period.
    case v3_0 = "3.0"
    /// v3.1.0: adds liquidation grace periods and virtual accounting.
    case v3_1 = "3.1"
    /// v3.2.0: removes stable debt; eMode membership by collateral bitmap.
    case v3_2 = "3.2"
    /// v3.3.0: position-wide close factor with base-currency thresholds, `MUST_NOT_LEAVE_DUST`, bad-debt deficit.
    case v3_3 = "3.3"

    var ordinal: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Release order.
    public static func < (a: AaveVersion, b: AaveVersion) -> Bool { a.ordinal < b.ordinal }

    /// Whether stable debt still counts (3.0–3.1).
    public var hasStableDebt: Bool { self <= .v3_1 }
    /// Whether `liquidationGracePeriodUntil` is checked (3.1+).
    public var hasGracePeriod: Bool { self >= .v3_1 }
    /// Whether the 3.3 close-factor and dust rules apply.
    public var hasPositionWideCloseFactor: Bool { self >= .v3_3 }
}
