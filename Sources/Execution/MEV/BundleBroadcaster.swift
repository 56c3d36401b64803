import Chain
import Primitives

/// The private-submission seam for `defi execute --private`: hand it the signed transactions and the first block
/// they may land in; it simulates, refuses a failing bundle, and fans out to every builder.
public protocol BundleBroadcaster: Sendable {
    /// Simulates `transactions` as a bundle for `targetBlock`, then submits it for `targetBlock` and the
    /// following blocks; throws only when nothing was sent (simulation failed or could not run).
    func broadcast(_ transactions: [SignedTransaction], targetBlock: UInt64) async throws(BundleError)
        -> BundleBroadcast
}

/// Why a bundle was not sent at all.
public enum BundleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No builder is configured.
    case noBuilders
    /// The bundle is empty.
    case empty
    /// The simulation ran and a transaction failed: nothing was sent.
    case simulationFailed(index: Int, reason: String, simulation: BundleSimulation)
    /// The simulation could not run (the relay refused or was unreachable): nothing was sent.
    case simulationUnavailable(RelayError)

    /// A stable short code.
    public var code: String {
        switch self {
        case .noBuilders: return "bundle.no_builders"
        case .empty: return "bundle.empty"
        case .simulationFailed: return "bundle.simulation_failed"
        case .simulationUnavailable: return "bundle.simulation_unavailable"
        }
    }

    /// A lower-case one-line description.
    public var description: String {
        switch self {
        case .noBuilders: return "no builders configured (defi.execution.mev.builders)"
        case .empty: return "an empty bundle"
        case .simulationFailed(let i, let reason, _):
            return "bundle simulation failed at transaction \(i): \(reason); nothing was sent"
        case .simulationUnavailable(let e): return "bundle simulation did not run (\(e)); nothing was sent"
        }
    }
}

/// One `eth_sendBundle` to one builder for one block.
public struct BuilderSubmission: Sendable, Equatable {
    /// The builder URL, redacted.
    public var builder: String
    /// The target block.
    public var block: UInt64
    /// The builder's bundle hash, or why it refused (not fatal: other builders may take it).
    public var result: Result<Hash32, RelayError>
}

/// What a broadcast did: the simulation it passed and one submission per builder and block.
public struct BundleBroadcast: Sendable, Equatable {
    /// The passing `eth_callBundle` simulation.
    public var simulation: BundleSimulation
    /// The submitted bundle.
    public var bundle: FlashbotsBundle
    /// One entry per builder per target block, builders in configuration order.
    public var submissions: [BuilderSubmission]

    /// Whether at least one builder accepted the bundle.
    public var acceptedByAny: Bool { submissions.contains { if case .success = $0.result { true } else { false } } }
    /// Whether every builder accepted it for every block.
    public var acceptedByAll: Bool { submissions.allSatisfy { if case .success = $0.result { true } else { false } } }
}

/// Flashbots-style bundles: `eth_callBundle` on the first builder, then `eth_sendBundle` to every builder for the
/// target block and the next ones. A bundle whose simulation fails (or any of whose transactions reverts) is never
/// sent; a builder's refusal is reported in its submission and does not stop the others.
public struct FlashbotsBroadcaster: BundleBroadcaster {
    /// The builders, first one also simulating.
    public let builders: [RelayClient]
    /// How many consecutive blocks to target (2: the target block and the next).
    public let blocks: Int
    /// A replacement id sent with every submission, so a later broadcast can replace this one.
    public let replacementUUID: String?

    /// A broadcaster over `builders`.
    public init(builders: [RelayClient], blocks: Int = 2, replacementUUID: String? = nil) {
        self.builders = builders
        self.blocks = max(1, blocks)
        self.replacementUUID = replacementUUID
    }

    /// A broadcaster for builder URLs, every request signed with `authSigner`.
    public init(
        urls: [String], authSigner: any Signer, transport: any HTTPPoster = CurlTransport(), blocks: Int = 2,
        replacementUUID: String? = nil
    ) {
        self.init(
            builders: urls.map { RelayClient(url: $0, authSigner: authSigner, transport: transport) }, blocks: blocks,
            replacementUUID: replacementUUID)
    }

    /// Simulates on the first builder, then submits to all (see the type's documentation).
    public func broadcast(_ transactions: [SignedTransaction], targetBlock: UInt64) async throws(BundleError)
        -> BundleBroadcast
    {
        try send(FlashbotsBundle(signed: transactions, replacementUUID: replacementUUID), targetBlock: targetBlock)
    }

    /// The same for a prepared bundle (raw envelopes, timestamps, reverting hashes).
    public func send(_ bundle: FlashbotsBundle, targetBlock: UInt64) throws(BundleError) -> BundleBroadcast {
        guard let simulator = builders.first else { throw .noBuilders }
        guard !bundle.transactions.isEmpty else { throw .empty }
        let simulation: BundleSimulation
        do { simulation = try simulator.callBundle(bundle, block: targetBlock) } catch {
            throw .simulationUnavailable(error)
        }
        let allowed = Set(bundle.revertingTxHashes)
        if let i = simulation.results.firstIndex(where: { $0.failed && !allowed.contains($0.txHash) }) {
            let r = simulation.results[i]
            throw .simulationFailed(
                index: i, reason: [r.error, r.revert].compactMap { $0 }.joined(separator: ": "), simulation: simulation)
        }
        guard simulation.results.count == bundle.transactions.count else {
            throw .simulationUnavailable(
                .malformedReply(
                    "eth_callBundle gave \(simulation.results.count) results for \(bundle.transactions.count) transactions",
                    builder: simulator.label))
        }
        var submissions: [BuilderSubmission] = []
        for offset in 0..<blocks {
            let block = targetBlock + UInt64(offset)
            for b in builders {
                let result: Result<Hash32, RelayError>
                do { result = .success(try b.sendBundle(bundle, block: block)) } catch { result = .failure(error) }
                submissions.append(BuilderSubmission(builder: b.label, block: block, result: result))
            }
        }
        return BundleBroadcast(simulation: simulation, bundle: bundle, submissions: submissions)
    }
}
