import Primitives

/// One account's balance change in one token over a transaction (native ether uses ``ExecutionDeltas/native``).
public struct AccountTokenDelta: Sendable, Equatable, Hashable {
    /// The account (executor or sender).
    public var account: Address
    /// The token contract, or ``ExecutionDeltas/native`` for ether.
    public var token: Address
    /// The signed change in the token's smallest unit.
    public var amount: I256

    /// A delta value.
    public init(account: Address, token: Address, amount: I256) {
        self.account = account
        self.token = token
        self.amount = amount
    }
}

/// A flash-loan fee the executor paid, read from the lender's event.
public struct FlashFee: Sendable, Equatable {
    /// Which lender event it came from.
    public enum Source: String, Sendable, Equatable {
        /// Aave V3 `FlashLoan(…, premium, …)`.
        case aaveV3 = "aave_v3"
        /// Balancer V2 Vault `FlashLoan(recipient, token, amount, feeAmount)`.
        case balancerV2 = "balancer_v2"
        /// Uniswap V3 pool `Flash(…, paid0, paid1)`.
        case uniswapV3 = "uniswap_v3"
    }

    /// The lender contract (pool, vault).
    public var lender: Address
    /// The token the fee was paid in.
    public var token: Address
    /// The fee in the token's smallest unit.
    public var amount: U256
    /// The event it was read from.
    public var source: Source

    /// A fee value.
    public init(lender: Address, token: Address, amount: U256, source: Source) {
        self.lender = lender
        self.token = token
        self.amount = amount
        self.source = source
    }
}

/// What one mined transaction did to the executor's and the sender's balances, from its receipt and body only.
///
/// Token deltas come from ERC-20 `Transfer` logs touching either account, wrapped-native `Deposit`/`Withdrawal`
/// logs, the transaction's `value`, and the sender's gas (`gasUsed × effectiveGasPrice`) plus the L1 data fee on
/// OP-stack chains. Ether moved by internal calls (a contract `send`) emits no log and is not seen here.
public struct ExecutionDeltas: Sendable, Equatable {
    /// The pseudo-address standing for native ether (`0xEeee…EEeE`, the common convention).
    public static let native: Address = {
        (try? Address(bytes: [UInt8](repeating: 0xee, count: 20))) ?? .zero
    }()

    /// The transaction hash.
    public var transactionHash: Hash32
    /// The block that included it.
    public var blockNumber: UInt64
    /// Whether it succeeded (a reverted transaction still pays gas).
    public var succeeded: Bool
    /// The sender (pays gas).
    public var sender: Address
    /// The executor contract, if any.
    public var executor: Address?
    /// Gas used.
    public var gasUsed: UInt64
    /// Price paid per gas.
    public var effectiveGasPrice: U256
    /// `gasUsed × effectiveGasPrice` in wei.
    public var gasFee: U256
    /// The L1 data fee in wei (0 off OP-stack chains).
    public var l1Fee: U256
    /// Flash-loan fees paid by the executor (already included in the token deltas).
    public var flashFees: [FlashFee]
    /// Every non-zero balance change, sorted by account then token.
    public var deltas: [AccountTokenDelta]

    /// A value with every field given (tests, imports); ``compute(receipt:transaction:executor:wrappedNative:l1Fee:v3PoolTokens:)``
    /// is the way to get one from the chain.
    public init(
        transactionHash: Hash32, blockNumber: UInt64, succeeded: Bool, sender: Address, executor: Address?,
        gasUsed: UInt64, effectiveGasPrice: U256, gasFee: U256, l1Fee: U256, flashFees: [FlashFee],
        deltas: [AccountTokenDelta]
    ) {
        self.transactionHash = transactionHash
        self.blockNumber = blockNumber
        self.succeeded = succeeded
        self.sender = sender
        self.executor = executor
        self.gasUsed = gasUsed
        self.effectiveGasPrice = effectiveGasPrice
        self.gasFee = gasFee
        self.l1Fee = l1Fee
        self.flashFees = flashFees
        self.deltas = deltas
    }

    /// The change of `account`'s balance of `token` (0 when untouched).
    public func delta(account: Address, token: Address) -> I256 {
        deltas.first { $0.account == account && $0.token == token }?.amount ?? .zero
    }

    /// The combined change of executor and sender in `token`.
    public func combined(token: Address) -> I256 {
        deltas.reduce(I256.zero) { $1.token == token ? $0 + $1.amount : $0 }
    }

    /// The tokens touched, sorted.
    public var tokens: [Address] { Array(Set(deltas.map(\.token))).sorted() }

    /// Gas and L1 fee together, in wei.
    public var totalGasCost: U256 { gasFee + l1Fee }
}

/// Errors reading balance changes from a receipt.
public enum ExecutionDeltasError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The receipt and the transaction are not the same transaction.
    case mismatch(receipt: Hash32, transaction: Hash32)
    /// A tracked log has a malformed body.
    case malformedLog(index: Int, reason: String)
    /// A sum left the 256-bit range.
    case overflow

    /// A one-line description.
    public var description: String {
        switch self {
        case .mismatch(let r, let t): "receipt \(r) does not belong to transaction \(t)"
        case .malformedLog(let i, let reason): "log \(i): \(reason)"
        case .overflow: "balance change outside the 256-bit range"
        }
    }
}

extension ExecutionDeltas {
    /// keccak256("Transfer(address,address,uint256)").
    public static let transferTopic = Keccak256.hash(utf8: "Transfer(address,address,uint256)")
    /// keccak256("Deposit(address,uint256)") (WETH9).
    public static let depositTopic = Keccak256.hash(utf8: "Deposit(address,uint256)")
    /// keccak256("Withdrawal(address,uint256)") (WETH9).
    public static let withdrawalTopic = Keccak256.hash(utf8: "Withdrawal(address,uint256)")
    /// Aave V3 Pool `FlashLoan` event topic.
    public static let aaveFlashLoanTopic = Keccak256.hash(
        utf8: "FlashLoan(address,address,address,uint256,uint8,uint256,uint16)")
    /// Balancer V2 Vault `FlashLoan` event topic.
    public static let balancerFlashLoanTopic = Keccak256.hash(utf8: "FlashLoan(address,address,uint256,uint256)")
    /// Uniswap V3 pool `Flash` event topic.
    public static let uniswapV3FlashTopic = Keccak256.hash(
        utf8: "Flash(address,address,uint256,uint256,uint256,uint256)")

    /// Computes the balance changes of `executor` and the sender from a receipt and its transaction.
    ///
    /// - Parameters:
    ///   - wrappedNative: the WETH contract whose `Deposit`/`Withdrawal` move ether (other contracts emitting
    ///     events with those signatures are ignored).
    ///   - l1Fee: the L1 data fee; defaults to the receipt's `l1Fee` field (OP-stack), else 0.
    ///   - v3PoolTokens: token0/token1 of Uniswap V3 pools, to attribute `Flash` fees (unknown pools are skipped).
    /// A reverted receipt has no logs and moves no `value`: only gas and the L1 fee are charged.
    public static func compute(
        receipt: Receipt, transaction: TransactionInfo, executor: Address?, wrappedNative: Address? = nil,
        l1Fee: U256? = nil, v3PoolTokens: [Address: (Address, Address)] = [:]
    ) throws(ExecutionDeltasError) -> ExecutionDeltas {
        guard receipt.transactionHash == transaction.hash else {
            throw .mismatch(receipt: receipt.transactionHash, transaction: transaction.hash)
        }
        let payment = transaction.to.map { (to: $0, value: transaction.value) }
        return try compute(
            receipt: receipt, payment: payment, executor: executor, wrappedNative: wrappedNative, l1Fee: l1Fee,
            v3PoolTokens: v3PoolTokens)
    }

    /// Computes the balance changes from a receipt alone, when the transaction body is not at hand (reconciling a
    /// journaled hash, a just-mined plan whose body carried no ether).
    ///
    /// The transaction's `value` is not in a receipt, so it is not charged: use
    /// ``compute(receipt:transaction:executor:wrappedNative:l1Fee:v3PoolTokens:)`` for transactions that send ether.
    /// Gas, the L1 fee and every tracked log are handled exactly as there.
    public static func compute(
        receipt: Receipt, executor: Address?, wrappedNative: Address? = nil, l1Fee: U256? = nil,
        v3PoolTokens: [Address: (Address, Address)] = [:]
    ) throws(ExecutionDeltasError) -> ExecutionDeltas {
        try compute(
            receipt: receipt, payment: nil, executor: executor, wrappedNative: wrappedNative, l1Fee: l1Fee,
            v3PoolTokens: v3PoolTokens)
    }

    private static func compute(
        receipt: Receipt, payment: (to: Address, value: U256)?, executor: Address?, wrappedNative: Address?,
        l1Fee: U256?, v3PoolTokens: [Address: (Address, Address)]
    ) throws(ExecutionDeltasError) -> ExecutionDeltas {
        let sender = receipt.from
        let tracked: Set<Address> = executor.map { [sender, $0] } ?? [sender]
        var sums: [AccountKey: I256] = [:]
        func add(_ account: Address, _ token: Address, _ amount: U256, negative: Bool) throws(ExecutionDeltasError) {
            guard tracked.contains(account), !amount.isZero else { return }
            guard let signed = I256(negative: negative, magnitude: amount) else { throw .overflow }
            let key = AccountKey(account: account, token: token)
            let (sum, overflow) = (sums[key] ?? .zero).addingReportingOverflow(signed)
            if overflow { throw .overflow }
            sums[key] = sum
        }

        let gasFee = U256(receipt.gasUsed) * receipt.effectiveGasPrice
        let l1 = l1Fee ?? receipt.l1Fee ?? .zero
        let (cost, costOverflow) = gasFee.addingReportingOverflow(l1)
        if costOverflow { throw .overflow }
        try add(sender, native, cost, negative: true)

        var flashFees: [FlashFee] = []
        if receipt.succeeded {
            if let payment, payment.to != sender {
                try add(sender, native, payment.value, negative: true)
                try add(payment.to, native, payment.value, negative: false)
            }
            for (index, log) in receipt.logs.enumerated() where !log.removed {
                guard let topic = log.topics.first else { continue }
                if topic == transferTopic, log.topics.count == 3 {
                    guard log.data.count == 32 else {
                        throw .malformedLog(index: index, reason: "Transfer data is \(log.data.count) bytes, not 32")
                    }
                    let amount = try word(log.data, 0, index)
                    try add(Address(hashSuffix: log.topics[1]), log.address, amount, negative: true)
                    try add(Address(hashSuffix: log.topics[2]), log.address, amount, negative: false)
                } else if let weth = wrappedNative, log.address == weth, log.topics.count == 2,
                    topic == depositTopic || topic == withdrawalTopic
                {
                    guard log.data.count == 32 else {
                        throw .malformedLog(index: index, reason: "WETH event data is \(log.data.count) bytes, not 32")
                    }
                    let who = Address(hashSuffix: log.topics[1])
                    let amount = try word(log.data, 0, index)
                    let isDeposit = topic == depositTopic
                    try add(who, weth, amount, negative: !isDeposit)
                    try add(who, native, amount, negative: isDeposit)
                } else if let fee = try flashFee(log, index: index, executor: executor, v3PoolTokens: v3PoolTokens) {
                    flashFees.append(contentsOf: fee)
                }
            }
        }
        let deltas = sums.compactMap { key, amount in
            amount.isZero ? nil : AccountTokenDelta(account: key.account, token: key.token, amount: amount)
        }.sorted { ($0.account, $0.token) < ($1.account, $1.token) }
        return ExecutionDeltas(
            transactionHash: receipt.transactionHash, blockNumber: receipt.blockNumber, succeeded: receipt.succeeded,
            sender: sender, executor: executor, gasUsed: receipt.gasUsed, effectiveGasPrice: receipt.effectiveGasPrice,
            gasFee: gasFee, l1Fee: l1, flashFees: flashFees, deltas: deltas)
    }

    private struct AccountKey: Hashable {
        var account: Address
        var token: Address
    }

    private static func word(_ data: [UInt8], _ i: Int, _ index: Int) throws(ExecutionDeltasError) -> U256 {
        guard data.count >= (i + 1) * 32, let v = try? U256(bigEndian: data[(i * 32)..<((i + 1) * 32)]) else {
            throw .malformedLog(index: index, reason: "data shorter than word \(i)")
        }
        return v
    }

    private static func flashFee(
        _ log: Log, index: Int, executor: Address?, v3PoolTokens: [Address: (Address, Address)]
    ) throws(ExecutionDeltasError) -> [FlashFee]? {
        guard let executor, let topic = log.topics.first else { return nil }
        if topic == aaveFlashLoanTopic, log.topics.count == 4, Address(hashSuffix: log.topics[1]) == executor {
            // data: initiator, amount, interestRateMode, premium
            let premium = try word(log.data, 3, index)
            return [FlashFee(lender: log.address, token: Address(hashSuffix: log.topics[2]), amount: premium,
                             source: .aaveV3)]
        }
        if topic == balancerFlashLoanTopic, log.topics.count == 3, Address(hashSuffix: log.topics[1]) == executor {
            let fee = try word(log.data, 1, index)
            return [FlashFee(lender: log.address, token: Address(hashSuffix: log.topics[2]), amount: fee,
                             source: .balancerV2)]
        }
        if topic == uniswapV3FlashTopic, log.topics.count == 3, Address(hashSuffix: log.topics[1]) == executor,
            let (token0, token1) = v3PoolTokens[log.address]
        {
            // data: amount0, amount1, paid0, paid1
            let paid0 = try word(log.data, 2, index)
            let paid1 = try word(log.data, 3, index)
            var fees: [FlashFee] = []
            if !paid0.isZero { fees.append(FlashFee(lender: log.address, token: token0, amount: paid0, source: .uniswapV3)) }
            if !paid1.isZero { fees.append(FlashFee(lender: log.address, token: token1, amount: paid1, source: .uniswapV3)) }
            return fees
        }
        return nil
    }
}
