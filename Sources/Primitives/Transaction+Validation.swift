/// The consensus rules a transaction is checked against before it is sent.
public struct TransactionRules: Sendable, Hashable {
    /// Whether EIP-7623 (Prague) applies: calldata pays at least the floor `21000 + 10 × tokens`.
    public var calldataFloor: Bool

    /// Cancun rules (EIP-2028 calldata, EIP-2930 access lists, EIP-3860 init code).
    public static let cancun = TransactionRules(calldataFloor: false)
    /// Prague rules: Cancun plus the EIP-7623 calldata floor.
    public static let prague = TransactionRules(calldataFloor: true)

    /// The maximum init code size (EIP-3860): twice the EIP-170 code size limit.
    public static let maxInitCodeSize = 49_152
}

extension Transaction {
    /// Calldata tokens as EIP-7623 counts them: one per zero byte, four per non-zero byte.
    public var calldataTokens: UInt64 {
        var zeros: UInt64 = 0
        for b in data where b == 0 { zeros += 1 }
        return zeros + 4 * (UInt64(data.count) - zeros)
    }

    /// The intrinsic gas: 21000, +32000 and 2 per init-code word for a creation (EIP-3860), 4 per zero and 16 per
    /// non-zero calldata byte (EIP-2028), 2400 per access-list address and 1900 per storage key (EIP-2930); under
    /// Prague, at least the EIP-7623 floor `21000 + 10 × tokens`.
    public func intrinsicGas(rules: TransactionRules = .prague) -> UInt64 {
        let tokens = calldataTokens
        var gas: UInt64 = 21_000 + 4 * tokens
        if to == nil { gas += 32_000 + 2 * ((UInt64(data.count) + 31) / 32) }
        for entry in accessList { gas += 2_400 + 1_900 * UInt64(entry.storageKeys.count) }
        if rules.calldataFloor { gas = max(gas, 21_000 + 10 * tokens) }
        return gas
    }
}

extension SignedTransaction {
    /// Checks what a node checks before accepting the transaction for `chainID` (a pre-EIP-155 legacy
    /// transaction is valid on any chain): chain id, nonce (EIP-2681), fee caps, `gas × fee` within 256 bits, init-code size,
    /// intrinsic gas, and a recoverable low-s signature. Returns the sender.
    @discardableResult
    public func validate(chainID: UInt64, rules: TransactionRules = .prague) throws(TransactionError) -> Address {
        let tx = transaction
        if let id = tx.chainID, id != chainID { throw .chainIDMismatch(expected: chainID, got: id) }
        if tx.nonce == UInt64.max { throw .nonceAtMaximum }
        if tx.type == .dynamicFee, tx.maxPriorityFeePerGas > tx.maxFeePerGas { throw .priorityFeeAboveMaxFee }
        let cap = tx.type == .dynamicFee ? tx.maxFeePerGas : tx.gasPrice
        if cap.multipliedReportingOverflow(by: U256(tx.gasLimit)).overflow { throw .gasLimitPriceProductOverflow }
        if tx.to == nil, tx.data.count > TransactionRules.maxInitCodeSize { throw .initCodeTooLarge(tx.data.count) }
        let required = tx.intrinsicGas(rules: rules)
        if tx.gasLimit < required { throw .intrinsicGasTooLow(required: required, gasLimit: tx.gasLimit) }
        return try sender()
    }
}
