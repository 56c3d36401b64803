// Token behaviour probe: detects fee-on-transfer and rebasing tokens by simulation only (eth_call), never by
// sending anything. Design (docs in contracts/probes/README.md):
//
// 1. Rebasing (elastic balances): `balanceOf(holder)` at the probed block, and again in an eth_call whose geth
//    block overrides (4th parameter, `{"time": …}`) move the block timestamp `rebaseHorizon` seconds ahead. With no
//    transaction in between, a standard token's balance cannot change; an interest-bearing / time-indexed token's
//    does. (A token that rebases only when someone calls `rebase()` is not visible to this check.)
// 2. Fee on transfer: the holder's code is replaced (state override) by contracts/probes/TokenProbe.vy, whose
//    `probe(token, to, amount)` makes the holder itself call `transfer(to, amount)` to a fresh address and returns
//    both balances before and after. What left the holder and what reached the recipient are compared exactly.
//
// The holder is an account that already owns the token (the pool or pair being priced), so no storage slot
// layout of the token has to be guessed.
import Chain
import Primitives
import Protocols

/// How a token behaves under transfer and over time, as the probe observed it.
public enum TokenBehaviour: Sendable, Equatable, Hashable {
    /// A transfer moves exactly the amount, and balances do not change with time alone.
    case standard
    /// The recipient gets less than the sender loses: `sent` left the holder, `received` arrived.
    /// `feeBps` = floor((sent − received) · 10000 / sent).
    case feeOnTransfer(feeBps: UInt32, sent: U256, received: U256)
    /// The holder's balance changed from `before` to `after` when only the timestamp moved `seconds` ahead.
    case rebasing(before: U256, after: U256, seconds: UInt64)
    /// The probe could not decide (the reason says why); treat the token as unsafe.
    case unknown(reason: String)

    /// Whether exact pricing may assume a plain ERC-20 for this token.
    public var isStandard: Bool { self == .standard }
}

/// Failures of the probe's own transport (RPC); token behaviour itself is always a `TokenBehaviour`.
public enum TokenProbeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The node failed or gave a garbled answer.
    case rpc(RPCError)

    /// One line for stderr.
    public var description: String {
        switch self {
        case .rpc(let e): "token probe: \(e)"
        }
    }
}

/// Classifies tokens by simulating them with eth_call and state/block overrides.
public struct TokenProbe: Sendable {
    /// The node (must accept geth state overrides and block overrides on eth_call).
    public let client: RPCClient
    /// How far ahead the rebasing check moves the timestamp (default 30 days).
    public var rebaseHorizon: UInt64
    /// The recipient of the simulated transfer: an address nobody controls (keccak("defi.token-probe")).
    public static let recipient = Address(hashSuffix: Keccak256.hash(utf8: "defi.token-probe.recipient"))
    /// The probe's runtime code (contracts/probes/build/TokenProbe.json `deployedBytecode`).
    public static let probeCode: [UInt8] = (try? Hex.decode(TokenProbeBytecode.runtimeHex)) ?? []

    /// A probe over `client`.
    public init(client: RPCClient, rebaseHorizon: UInt64 = 30 * 86_400) {
        self.client = client
        self.rebaseHorizon = rebaseHorizon
    }

    /// Classifies `token` by simulating with `holder`'s balance at `block`; the transfer is a tenth of the holder's
    /// balance (large, so a fee rounded down by the token is still visible).
    public func classify(token: Address, holder: Address, at block: BlockRef = .latest) async throws(TokenProbeError)
        -> TokenBehaviour
    {
        do {
            let header = try await client.block(block)
            let pinned = BlockRef.hash(header.hash)
            guard let now = try await balance(token, of: holder, at: pinned, time: nil) else {
                return .unknown(reason: "balanceOf(holder) reverted or returned no word")
            }
            guard !now.isZero else { return .unknown(reason: "holder \(holder) has no balance to probe with") }
            let later: U256?
            do {
                later = try await balance(token, of: holder, at: pinned, time: header.timestamp + rebaseHorizon)
            } catch let e {
                if case .rpc = e { return .unknown(reason: "node refused eth_call block overrides: \(e)") }
                throw e
            }
            guard let later else { return .unknown(reason: "balanceOf(holder) reverted with the timestamp moved ahead") }
            if later != now { return .rebasing(before: now, after: later, seconds: rebaseHorizon) }

            let amount = now / U256(10) == .zero ? now : now / U256(10)
            let data = try ABIFunction(signature: "probe(address,address,uint256)")
                .encodeCall([.address(token), .address(Self.recipient), .uint(amount)])
            let overrides: JSONValue = .object([holder.lowercaseHex: .object(["code": .data(Self.probeCode)])])
            let params: [JSONValue] = [
                CallRequest(to: holder, data: data).json, pinned.parameter, overrides,
            ]
            let out: [UInt8]
            do {
                out = try await client.call("eth_call", params).bytes("probe result")
            } catch let e {
                if e.revertData != nil { return .unknown(reason: "the probe reverted: \(e)") }
                throw e
            }
            return Self.judge(probeOutput: out, amount: amount)
        } catch let e as RPCError {
            throw .rpc(e)
        } catch let e as TokenProbeError {
            throw e
        } catch {
            return .unknown(reason: "\(error)")
        }
    }

    /// Judges the probe's return words `(ok, senderBefore, senderAfter, recipientBefore, recipientAfter)` for a
    /// transfer of `amount` (pure; exposed for tests).
    public static func judge(probeOutput out: [UInt8], amount: U256) -> TokenBehaviour {
        guard let w = try? ABIWords(out, function: "probe", count: 5) else {
            return .unknown(reason: "probe returned \(out.count) bytes, expected 160")
        }
        guard w.uint(0) == .one else { return .unknown(reason: "transfer of \(amount) from the holder failed") }
        let (sb, sa, rb, ra) = (w.uint(1), w.uint(2), w.uint(3), w.uint(4))
        guard sa <= sb, ra >= rb else {
            return .unknown(reason: "balances moved the wrong way (sender \(sb)→\(sa), recipient \(rb)→\(ra))")
        }
        let sent = sb - sa
        let received = ra - rb
        if sent == amount && received == amount { return .standard }
        guard received < sent, !sent.isZero else {
            return .unknown(reason: "transfer of \(amount): sender lost \(sent), recipient got \(received)")
        }
        let fee = sent - received
        let bps = (try? U256.mulDiv(fee, U256(10_000), sent)) ?? .zero
        return .feeOnTransfer(feeBps: UInt32(bps.w.0), sent: sent, received: received)
    }

    /// balanceOf through eth_call, optionally with the timestamp overridden; nil when it reverts or returns < 32 bytes.
    func balance(_ token: Address, of owner: Address, at block: BlockRef, time: UInt64?) async throws(RPCError)
        -> U256?
    {
        var params: [JSONValue] = [CallRequest(to: token, data: ERC20.balanceOfCall(owner)).json, block.parameter]
        if let time { params += [.object([:]), .object(["time": .quantity(time)])] }
        do {
            let d = try await client.call("eth_call", params).bytes("balanceOf")
            return d.count >= 32 ? (try? ABIWords(d, function: "balanceOf", count: 1))?.uint(0) : nil
        } catch {
            if error.revertData != nil { return nil }
            throw error
        }
    }
}

/// Probe results cached per (chain, token) for the life of the process.
///
/// In memory on purpose: a token's behaviour can change (upgradeable proxies, a fee switched on later), so a result
/// persisted across runs would go stale silently; re-probing costs three eth_calls per token per run.
public actor TokenBehaviourCache {
    private var entries: [Key: TokenBehaviour] = [:]
    private struct Key: Hashable {
        let chainID: UInt64
        let token: Address
    }

    /// An empty cache.
    public init() {}

    /// The cached behaviour of `token`, or the probe's answer (cached unless it is `.unknown`, which may be
    /// transient, e.g. a holder with no balance).
    public func behaviour(
        of token: Address, chainID: UInt64, holder: Address, probe: TokenProbe, at block: BlockRef = .latest
    ) async throws(TokenProbeError) -> TokenBehaviour {
        let key = Key(chainID: chainID, token: token)
        if let hit = entries[key] { return hit }
        let result = try await probe.classify(token: token, holder: holder, at: block)
        if case .unknown = result {} else { entries[key] = result }
        return result
    }

    /// The cached entry, if any.
    public func cached(_ token: Address, chainID: UInt64) -> TokenBehaviour? {
        entries[Key(chainID: chainID, token: token)]
    }
}
