import Primitives

/// What the caller wants sent; `key` makes it idempotent (the same key is never sent as a second transaction).
public struct TxIntent: Sendable, Equatable {
    /// Idempotency key, unique per intent (e.g. a plan id).
    public var key: String
    /// Recipient (nil: contract creation).
    public var to: Address?
    /// Value in wei.
    public var value: U256
    /// Calldata.
    public var data: [UInt8]
    /// Gas limit; nil estimates it (+20%).
    public var gasLimit: UInt64?
    /// Envelope type.
    public var type: TransactionType

    /// An intent value.
    public init(key: String, to: Address?, value: U256 = .zero, data: [UInt8] = [], gasLimit: UInt64? = nil,
                type: TransactionType = .dynamicFee) {
        self.key = key
        self.to = to
        self.value = value
        self.data = data
        self.gasLimit = gasLimit
        self.type = type
    }
}

/// The result of driving a transaction.
public struct TxOutcome: Sendable, Equatable {
    /// Transaction hash.
    public var hash: Hash32
    /// Nonce.
    public var nonce: UInt64
    /// Final or current state.
    public var state: TxState
    /// The receipt when mined.
    public var receipt: Receipt?
}

/// Why a send did not complete.
public enum SendError: Error, Equatable, Sendable, CustomStringConvertible {
    /// RPC failure.
    case rpc(RPCError)
    /// No acceptable fee.
    case fee(FeeError)
    /// Signer failure.
    case signer(SignerError)
    /// Journal failure (nothing is broadcast without a journal entry).
    case journal(JournalError)
    /// Execution would revert (from eth_estimateGas).
    case wouldRevert(RevertReason)
    /// A lifecycle rule was broken.
    case transition(TxTransitionError)
    /// The journal has no such transaction.
    case unknownTransaction(String)

    /// A stable short code.
    public var code: String {
        switch self {
        case .rpc(let e): return e.code
        case .fee(let e): return e.code
        case .signer(let e): return e.code
        case .journal(let e): return e.code
        case .wouldRevert: return "tx.would_revert"
        case .transition(let e): return e.code
        case .unknownTransaction: return "tx.unknown"
        }
    }

    /// A lower-case one-line description.
    public var description: String {
        switch self {
        case .rpc(let e): return e.description
        case .fee(let e): return e.description
        case .signer(let e): return e.description
        case .journal(let e): return e.description
        case .wouldRevert(let r): return "transaction would revert: \(r)"
        case .transition(let e): return e.description
        case .unknownTransaction(let h): return "no journaled transaction \(h)"
        }
    }
}

/// A point in `TransactionSender.send` where a crash matters.
public enum SendCheckpoint: Sendable, Equatable {
    /// The nonce is reserved and the signed transaction journaled (committed); nothing broadcast yet.
    case journaled
    /// A node answered the broadcast; the answer is not yet recorded in the journal.
    case broadcastReturned
}

/// Drives transactions: journal before broadcast, broadcast, wait for a receipt with confirmations and a
/// deadline, replace with a >= 12.5% fee bump, and reconcile unknown outcomes before anything new is sent.
public final class TransactionSender: Sendable {
    /// The RPC client.
    public let client: RPCClient
    /// The signer.
    public let signer: any Signer
    /// The journal.
    public let journal: any TransactionJournal
    /// Chain id.
    public let chainID: UInt64
    /// Fee oracle.
    public let fees: FeeOracle
    /// Nonce manager for the signer's address.
    public let nonces: NonceManager
    /// Confirmations before a receipt is final.
    public let confirmations: UInt64
    /// How long to wait for inclusion before returning pending (or replacing, with `autoReplace`).
    public let receiptTimeout: Duration
    /// Interval between receipt lookups.
    public let pollInterval: Duration
    /// Called at crash-relevant points (tests and fault probes kill the process here); nil in production.
    public let checkpoint: (@Sendable (SendCheckpoint, JournalEntry) -> Void)?
    /// Where signed transactions go instead of `eth_sendRawTransaction` on `client` (a private bundle relay);
    /// nil for the public mempool. Receipts are still looked up through `client`.
    public let rawBroadcaster: (any RawTransactionBroadcaster)?
    private let startup = Locked<Task<Result<[TxOutcome], SendError>, Never>?>(nil)

    /// A sender for `signer` on `chainID`.
    public init(client: RPCClient, signer: any Signer, journal: any TransactionJournal, chainID: UInt64,
                fees: FeeOracle = FeeOracle(), confirmations: UInt64 = 1, receiptTimeout: Duration = .seconds(60),
                pollInterval: Duration = .milliseconds(500),
                checkpoint: (@Sendable (SendCheckpoint, JournalEntry) -> Void)? = nil,
                rawBroadcaster: (any RawTransactionBroadcaster)? = nil) {
        self.client = client
        self.rawBroadcaster = rawBroadcaster
        self.signer = signer
        self.journal = journal
        self.chainID = chainID
        self.fees = fees
        self.confirmations = confirmations
        self.receiptTimeout = receiptTimeout
        self.pollInterval = pollInterval
        self.checkpoint = checkpoint
        nonces = NonceManager(chainID: chainID, address: signer.address, client: client, journal: journal)
    }

    /// A sender journaling to the default history store (`HistoryJournal()`: the SQLite file the CLI uses).
    public convenience init(client: RPCClient, signer: any Signer, chainID: UInt64, fees: FeeOracle = FeeOracle(),
                            confirmations: UInt64 = 1, receiptTimeout: Duration = .seconds(60),
                            pollInterval: Duration = .milliseconds(500)) throws(JournalError) {
        self.init(client: client, signer: signer, journal: try HistoryJournal(), chainID: chainID, fees: fees,
                  confirmations: confirmations, receiptTimeout: receiptTimeout, pollInterval: pollInterval)
    }

    /// The minimum replacement fee: `ceil(fee × 1.125)`, at least one wei more (geth's 10% and the 12.5% common
    /// node minimum both pass).
    public static func bumped(_ fee: U256) -> U256 {
        let (q, r) = (fee * U256(1125)).quotientAndRemainder(dividingBy: U256(1000))
        return max(r.isZero ? q : q + .one, fee + .one)
    }

    /// Sends an intent once: if its key is already journaled (by this or another process), that transaction is
    /// reconciled and returned. The nonce is reserved and the signed transaction journaled in one durable step
    /// before the first broadcast, so a process killed at any point is resolved by the next run.
    public func send(_ intent: TxIntent) async throws(SendError) -> TxOutcome {
        _ = try await reconcileOnce()
        if let existing = try entries().last(where: { $0.intentKey == intent.key }) {
            return try await follow(existing)
        }
        let unsigned = try await build(intent, nonce: 0)
        let signer = self.signer
        let reservation = try await nonces.journalNew(intentKey: intent.key) { nonce -> Result<JournalEntry, SendError> in
            var tx = unsigned
            tx.nonce = nonce
            do throws(SignerError) {
                return .success(JournalEntry(intentKey: intent.key, signed: try signer.sign(tx), from: signer.address))
            } catch { return .failure(.signer(error)) }
        }
        switch reservation {
        case .existing(let entry):
            return try await follow(entry)
        case .created(let entry):
            checkpoint?(.journaled, entry)
            return try await drive(entry, actions: [.broadcast])
        }
    }

    /// Sends a replacement for a journaled transaction with both fee fields bumped (speed-up), or a zero-value
    /// self-transfer with the same nonce (cancel).
    public func replace(_ hash: Hash32, cancel: Bool = false) async throws(SendError) -> TxOutcome {
        guard let old = try entries().last(where: { $0.hash == hash.description }) else {
            throw .unknownTransaction(hash.description)
        }
        let original: SignedTransaction
        do { original = try SignedTransaction.decode(hex: old.raw) } catch {
            throw .journal(JournalError(reason: "entry \(old.hash) has undecodable bytes"))
        }
        var tx = original.transaction
        let market = try await quote()
        switch tx.type {
        case .dynamicFee:
            tx.maxPriorityFeePerGas = Self.bumped(tx.maxPriorityFeePerGas)
            tx.maxFeePerGas = max(Self.bumped(tx.maxFeePerGas), market.maxPerGas)
        default:
            tx.gasPrice = max(Self.bumped(tx.gasPrice), market.maxPerGas)
        }
        if let cap = fees.maxGasPrice, max(tx.maxFeePerGas, tx.gasPrice) > cap {
            throw .fee(.capExceeded(needed: max(tx.maxFeePerGas, tx.gasPrice), cap: cap))
        }
        if cancel {
            tx.to = signer.address
            tx.value = .zero
            tx.data = []
            tx.gasLimit = 21_000
            tx.accessList = []
        }
        let signed: SignedTransaction
        do { signed = try signer.sign(tx) } catch { throw .signer(error) }
        let entry = JournalEntry(intentKey: old.intentKey, signed: signed, from: signer.address, replaces: hash)
        try record(entry)
        return try await drive(entry, actions: [.broadcast])
    }

    /// Resolves every journaled transaction whose outcome is unknown (by hash, then by nonce); `send` calls this
    /// once before its first transaction.
    public func reconcile() async throws(SendError) -> [TxOutcome] {
        var out: [TxOutcome] = []
        for e in try entries() where !e.state.isFinal {
            out.append(try await follow(e))
        }
        return out
    }

    /// Reconciles once per sender; concurrent first sends all wait for the same pass.
    func reconcileOnce() async throws(SendError) -> [TxOutcome] {
        let task = startup.withLock { t -> Task<Result<[TxOutcome], SendError>, Never> in
            if let t { return t }
            let new = Task { () -> Result<[TxOutcome], SendError> in
                do throws(SendError) { return .success(try await self.reconcile()) } catch { return .failure(error) }
            }
            t = new
            return new
        }
        return try await task.value.get()
    }

    func follow(_ e: JournalEntry) async throws(SendError) -> TxOutcome {
        if e.state.isFinal {
            let r = try? await client.receipt(try hashOf(e))
            return TxOutcome(hash: try hashOf(e), nonce: e.nonce, state: e.state, receipt: r ?? nil)
        }
        return try await drive(e, actions: [.lookup])
    }

    func entries() throws(SendError) -> [JournalEntry] {
        do { return try journal.entries(chainID: chainID, from: signer.address) } catch { throw .journal(error) }
    }

    func record(_ e: JournalEntry) throws(SendError) {
        do { try journal.write(e) } catch { throw .journal(error) }
    }

    func hashOf(_ e: JournalEntry) throws(SendError) -> Hash32 {
        do { return try Hash32(hex: e.hash) } catch { throw .journal(JournalError(reason: "bad hash \(e.hash)")) }
    }

    func quote() async throws(SendError) -> FeeQuote {
        do { return try await fees.estimate(client: client) } catch { throw .fee(error) }
    }

    func build(_ intent: TxIntent, nonce: UInt64) async throws(SendError) -> Transaction {
        var gas = intent.gasLimit ?? 0
        if intent.gasLimit == nil {
            let request = CallRequest(from: signer.address, to: intent.to, data: intent.data, value: intent.value)
            let estimate: GasEstimate
            do { estimate = try await client.estimateGas(request) } catch { throw .rpc(error) }
            switch estimate {
            case .gas(let g): gas = g + g / 5
            case .revert(let reason, _): throw .wouldRevert(reason)
            }
        }
        let quote = try await quote()
        switch (intent.type, quote) {
        case (.dynamicFee, .eip1559(let maxFee, let tip, _)):
            return .dynamicFee(chainID: chainID, nonce: nonce, maxPriorityFeePerGas: tip, maxFeePerGas: maxFee,
                               gasLimit: gas, to: intent.to, value: intent.value, data: intent.data)
        case (.accessList, _):
            return .accessList(chainID: chainID, nonce: nonce, gasPrice: quote.maxPerGas, gasLimit: gas,
                               to: intent.to, value: intent.value, data: intent.data, accessList: [])
        default:
            return .legacy(chainID: chainID, nonce: nonce, gasPrice: quote.maxPerGas, gasLimit: gas, to: intent.to,
                           value: intent.value, data: intent.data)
        }
    }

    /// Runs the state machine for one journaled entry until it is final or the deadline passes (then pending).
    func drive(_ start: JournalEntry, actions initial: [TxAction]) async throws(SendError) -> TxOutcome {
        var entry = start
        var machine = TxLifecycle(state: entry.state, confirmations: confirmations, everAccepted: entry.everAccepted)
        let hash = try hashOf(entry)
        let clock = ContinuousClock()
        let deadline = clock.now + receiptTimeout
        var actions = initial
        var receipt: Receipt? = nil
        var tooHigh = 0
        var sent = 0
        func apply(_ event: TxEvent) throws(SendError) {
            do { actions += try machine.handle(event) } catch { throw .transition(error) }
            if machine.state != entry.state || machine.everAccepted != entry.everAccepted {
                entry.state = machine.state
                entry.everAccepted = machine.everAccepted
                try record(entry)
            }
        }
        while !actions.isEmpty {
            let action = actions.removeFirst()
            switch action {
            case .journal:
                try record(entry)
            case .broadcast:
                if sent > 0 {
                    if clock.now >= deadline {
                        if machine.state == .pending || machine.state == .broadcast {
                            try apply(.deadlinePassed)
                            continue
                        }
                        return TxOutcome(hash: hash, nonce: entry.nonce, state: machine.state, receipt: nil)
                    }
                    try? await Task.sleep(for: pollInterval)
                }
                sent += 1
                let raw: SignedTransaction
                do { raw = try SignedTransaction.decode(hex: entry.raw) } catch {
                    throw .journal(JournalError(reason: "entry \(entry.hash) has undecodable bytes"))
                }
                var reply = BroadcastReply.accepted
                if let rawBroadcaster {
                    reply = await rawBroadcaster.broadcast(raw)
                } else {
                    do { _ = try await client.sendRawTransaction(raw) } catch { reply = BroadcastReply.classify(error) }
                }
                checkpoint?(.broadcastReturned, entry)
                if reply == .nonceTooHigh && tooHigh < 50 {
                    // A node without a queue (or a lagging one) refuses a nonce ahead of its view: retry shortly.
                    tooHigh += 1
                    sent -= 1
                    try? await Task.sleep(for: .milliseconds(20 * tooHigh))
                    actions.insert(.broadcast, at: 0)
                    continue
                }
                try apply(reply.event)
            case .lookup:
                do {
                    if let r = try await client.receipt(hash) {
                        receipt = r
                        entry.includedBlock = r.blockNumber
                        entry.receiptStatus = r.succeeded ? 1 : 0
                        let head = try await client.blockNumber()
                        try apply(.receipt(succeeded: r.succeeded, confirmations: head >= r.blockNumber ? head - r.blockNumber + 1 : 0))
                    } else {
                        let mined = try await client.transactionCount(of: signer.address, at: .latest)
                        let known = try await client.transaction(hash) != nil
                        try apply(.noReceipt(nonceConsumed: mined > entry.nonce, knownToNode: known))
                    }
                } catch let e as SendError {
                    throw e
                } catch let e as RPCError {
                    throw .rpc(e)
                } catch {
                    throw .rpc(.malformedReply(what: "\(error)", bodyPrefix: ""))
                }
            case .waitForConfirmations:
                if clock.now >= deadline {
                    try apply(.deadlinePassed)
                } else {
                    try? await Task.sleep(for: pollInterval)
                    actions.append(.lookup)
                }
            case .replace:
                // The caller decides whether to speed up or cancel (`replace(_:cancel:)`); report pending.
                return TxOutcome(hash: hash, nonce: entry.nonce, state: machine.state, receipt: nil)
            case .finish(let s):
                if s == .failed && entry.replaces == nil {
                    // No node ever accepted it: its nonce was never used; give it back when it is still the last.
                    // (A refused replacement keeps the nonce: the transaction it replaces still holds it.)
                    try nonces.release(entry.nonce)
                }
                return TxOutcome(hash: hash, nonce: entry.nonce, state: s, receipt: receipt)
            }
        }
        return TxOutcome(hash: hash, nonce: entry.nonce, state: machine.state, receipt: receipt)
    }
}
