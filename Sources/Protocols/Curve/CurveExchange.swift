import Primitives

/// The outcome of a Curve `exchange`: coins paid out, the fee taken and the pool balances afterwards.
public struct CurveExchange: Sendable, Hashable {
    /// `dy`: coins j sent to the trader, in coin j's units.
    public let dy: U256
    /// `dy_fee`: the whole fee, in xp (18-decimal) units, as the pool computes it.
    public let dyFee: U256
    /// `dy_admin_fee`: the admin's part of the fee in coin j's units, removed from the pool's balances.
    public let dyAdminFee: U256
    /// `balances` after the trade: i grows by dx, j shrinks by dy + dy_admin_fee.
    public let balances: [U256]

    /// Wraps one exchange's results.
    public init(dy: U256, dyFee: U256, dyAdminFee: U256, balances: [U256]) {
        self.dy = dy
        self.dyFee = dyFee
        self.dyAdminFee = dyAdminFee
        self.balances = balances
    }
}
