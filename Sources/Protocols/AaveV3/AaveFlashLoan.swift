import Primitives

/// What a flash loan costs and where the premium goes; FlashLoanLogic, aave-v3-origin 3.3.
public struct AaveFlashLoanPremium: Hashable, Sendable {
    /// `amount.percentMul(FLASHLOAN_PREMIUM_TOTAL)`.
    public var premium: U256
    /// `premium.percentMul(FLASHLOAN_PREMIUM_TO_PROTOCOL)`, accrued to the treasury.
    public var toProtocol: U256
    /// `premium - toProtocol`, added to the reserve's liquidity index.
    public var toLiquidityProviders: U256
    /// What the receiver must approve for the pool to pull: `amount + premium`.
    public var amountToRepay: U256

    /// The premium of `flashLoanSimple` (never waived) or of a `flashLoan` leg repaid in the same call.
    /// `premiumTotal` and `premiumToProtocol` are the pool's governance values in basis points (read them on chain).
    public init(amount: U256, premiumTotal: U256, premiumToProtocol: U256) throws(AaveError) {
        premium = try PercentageMath.percentMul(amount, premiumTotal)
        toProtocol = try PercentageMath.percentMul(premium, premiumToProtocol)
        toLiquidityProviders = premium - toProtocol
        amountToRepay = try AaveChecked.add(amount, premium, "amount + premium")
    }

    /// A `flashLoan` leg: zero premium for ACL flash borrowers, and no premium when `interestRateMode != 0` opens
    /// the amount as debt instead, nothing is repaid (FlashLoanLogic.executeFlashLoan).
    public init(
        flashLoanAmount amount: U256, premiumTotal: U256, premiumToProtocol: U256, isAuthorizedFlashBorrower: Bool,
        interestRateMode: UInt8
    ) throws(AaveError) {
        let waived = interestRateMode != 0 || isAuthorizedFlashBorrower
        try self.init(
            amount: interestRateMode != 0 ? .zero : amount, premiumTotal: waived ? .zero : premiumTotal,
            premiumToProtocol: waived ? .zero : premiumToProtocol)
    }
}
