import Primitives

/// Balancer V2 Vault flash loans (FlashLoans.sol): the fee owed and the Vault's input checks.
public enum BalancerFlashLoan {
    /// ProtocolFeesCollector.getFlashLoanFeePercentage(), selector 0xd877845c (1e18 = 100 %; 0 today, read it).
    public static let getFlashLoanFeePercentage = ABIFunction(
        name: "getFlashLoanFeePercentage", inputs: [], outputs: [.init(type: .uint256)], stateMutability: "view")
    /// Vault.getProtocolFeesCollector(), selector 0xd2946c2b.
    public static let getProtocolFeesCollector = ABIFunction(
        name: "getProtocolFeesCollector", inputs: [], outputs: [.init(type: .address)], stateMutability: "view")

    /// Fees._calculateFlashLoanFeeAmount: `amount.mulUp(flashLoanFeePercentage)`.
    public static func fee(amount: U256, feePercentage: U256) throws(BalancerError) -> U256 {
        try BalancerFixedPoint.mulUp(amount, feePercentage)
    }

    /// FlashLoans.flashLoan's per-token fees after its checks: lengths match (BAL#103), tokens strictly ascending
    /// (BAL#102) and non-zero (BAL#104).
    public static func fees(
        tokens: [Address], amounts: [U256], feePercentage: U256
    ) throws(BalancerError) -> [U256] {
        if tokens.count != amounts.count { throw .inputLengthMismatch }
        var previous = Address.zero
        var fees = [U256]()
        fees.reserveCapacity(amounts.count)
        for k in 0..<tokens.count {
            let token = tokens[k]
            if !(token > previous) { throw token == .zero ? .zeroToken : .unsortedTokens }
            previous = token
            fees.append(try fee(amount: amounts[k], feePercentage: feePercentage))
        }
        return fees
    }
}
