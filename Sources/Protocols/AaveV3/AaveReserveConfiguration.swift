import Primitives

/// The packed reserve configuration word; `ReserveConfiguration.sol` bit layout, aave-v3-origin 3.3.
public struct AaveReserveConfiguration: Hashable, Sendable {
    /// The raw 256-bit word (`getConfiguration(asset).data`, first field of `getReserveData`).
    public var rawValue: U256

    /// Wraps a configuration word.
    public init(rawValue: U256) { self.rawValue = rawValue }

    /// Builds a word from the fields the math reads (tests and hand-made snapshots).
    public init(
        ltv: UInt16, liquidationThreshold: UInt16, liquidationBonus: UInt16, decimals: UInt8,
        active: Bool = true, frozen: Bool = false, borrowingEnabled: Bool = true, paused: Bool = false,
        reserveFactor: UInt16 = 0, liquidationProtocolFee: UInt16 = 0
    ) {
        var w = U256(UInt64(ltv)) | U256(UInt64(liquidationThreshold)) << 16 | U256(UInt64(liquidationBonus)) << 32
        w = w | U256(UInt64(decimals)) << 48 | U256(UInt64(reserveFactor)) << 64
        w = w | U256(UInt64(liquidationProtocolFee)) << 152
        if active { w = w | U256.one << 56 }
        if frozen { w = w | U256.one << 57 }
        if borrowingEnabled { w = w | U256.one << 58 }
        if paused { w = w | U256.one << 60 }
        self.rawValue = w
    }

    func field(_ start: Int, _ width: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: (rawValue >> start) & ((U256.one << width) - .one))
    }

    /// Loan to value, bits 0–15, basis points.
    public var ltv: UInt16 { UInt16(field(0, 16)) }
    /// Liquidation threshold, bits 16–31, basis points.
    public var liquidationThreshold: UInt16 { UInt16(field(16, 16)) }
    /// Liquidation bonus, bits 32–47, basis points including the principal (10500 = 5 % bonus).
    public var liquidationBonus: UInt16 { UInt16(field(32, 16)) }
    /// Token decimals, bits 48–55.
    public var decimals: UInt8 { UInt8(field(48, 8)) }
    /// Active flag, bit 56.
    public var isActive: Bool { rawValue.bit(56) }
    /// Frozen flag, bit 57.
    public var isFrozen: Bool { rawValue.bit(57) }
    /// Borrowing enabled, bit 58.
    public var borrowingEnabled: Bool { rawValue.bit(58) }
    /// Stable borrowing enabled, bit 59 (3.0–3.1; unused from 3.2).
    public var stableBorrowingEnabled: Bool { rawValue.bit(59) }
    /// Paused flag, bit 60.
    public var isPaused: Bool { rawValue.bit(60) }
    /// Borrowable in isolation, bit 61.
    public var borrowableInIsolation: Bool { rawValue.bit(61) }
    /// Siloed borrowing, bit 62.
    public var siloedBorrowing: Bool { rawValue.bit(62) }
    /// Flash loans enabled, bit 63.
    public var flashLoanEnabled: Bool { rawValue.bit(63) }
    /// Reserve factor, bits 64–79, basis points.
    public var reserveFactor: UInt16 { UInt16(field(64, 16)) }
    /// Borrow cap, bits 80–115, whole tokens (0 = none).
    public var borrowCap: UInt64 { field(80, 36) }
    /// Supply cap, bits 116–151, whole tokens (0 = none).
    public var supplyCap: UInt64 { field(116, 36) }
    /// Liquidation protocol fee, bits 152–167, basis points of the bonus.
    public var liquidationProtocolFee: UInt16 { UInt16(field(152, 16)) }
    /// eMode category id, bits 168–175 (3.0–3.1; 3.2 moved eMode membership to category bitmaps).
    public var eModeCategory: UInt8 { UInt8(field(168, 8)) }
    /// Unbacked mint cap, bits 176–211.
    public var unbackedMintCap: UInt64 { field(176, 36) }
    /// Debt ceiling for isolation mode, bits 212–251, base-currency cents.
    public var debtCeiling: UInt64 { field(212, 40) }
    /// Virtual accounting active, bit 252 (3.1+; off for GHO).
    public var virtualAccountingActive: Bool { rawValue.bit(252) }
}
