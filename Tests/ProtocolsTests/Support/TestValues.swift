import Primitives

/// Small constructors shared by the protocol tests.
enum T {
    /// A deterministic address ending in `n`.
    static func addr(_ n: UInt8) throws -> Address { try Address(bytes: [UInt8](repeating: 0, count: 19) + [n]) }
    /// Parses a decimal or 0x string.
    static func u(_ s: String) throws -> U256 { try U256(parsing: s) }
    /// `v * 10^d`.
    static func e(_ v: UInt64, _ d: Int) -> U256 { U256(v) * U256(10).power(U256(UInt64(d))) }
}
