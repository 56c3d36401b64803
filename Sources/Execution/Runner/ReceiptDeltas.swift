import Chain
import Primitives

/// A signed per-token change of one holder.
public struct TokenDelta: Sendable, Equatable {
    /// The holder.
    public var holder: Address
    /// The token (zero address: native ETH).
    public var token: Address
    /// The change.
    public var delta: I256

    /// A delta value.
    public init(holder: Address, token: Address, delta: I256) {
        self.holder = holder
        self.token = token
        self.delta = delta
    }
}

/// Realised balance changes read from a receipt: ERC-20 `Transfer` logs for tokens, gas and value for ETH.
public enum ReceiptDeltas {
    /// `keccak256("Transfer(address,address,uint256)")`.
    public static let transferTopic = Keccak256.hash(utf8: "Transfer(address,address,uint256)")

    /// The net token movements into and out of `holders` in `logs` (ERC-20 Transfer with two indexed addresses
    /// and a 32-byte amount; other logs are ignored), plus the sender's ETH spend (`fee + value + l1Fee`).
    /// Tokens that move without a Transfer log (rebasing, WETH deposit/withdraw events) are not seen; the plans
    /// the executor runs move only ERC-20 transfers.
    public static func compute(logs: [Log], holders: [Address], sender: Address, ethSpent: U256) -> [TokenDelta] {
        var order: [(Address, Address)] = []
        var sums: [String: I256] = [:]
        func add(_ holder: Address, _ token: Address, _ d: I256) {
            let k = holder.lowercaseHex + token.lowercaseHex
            if sums[k] == nil { order.append((holder, token)) }
            sums[k] = (sums[k] ?? I256(0)) &+ d
        }
        for log in logs where log.topics.count == 3 && log.topics[0] == transferTopic && log.data.count == 32 {
            let from = Address(hashSuffix: log.topics[1])
            let to = Address(hashSuffix: log.topics[2])
            guard let amount = try? U256(bigEndian: log.data) else { continue }
            let plus = I256(negative: false, magnitude: amount) ?? I256(0)
            let minus = I256(negative: true, magnitude: amount) ?? I256(0)
            if holders.contains(from) { add(from, log.address, minus) }
            if holders.contains(to) { add(to, log.address, plus) }
        }
        if !ethSpent.isZero, let spent = I256(negative: true, magnitude: ethSpent) { add(sender, .zero, spent) }
        return order.map { TokenDelta(holder: $0.0, token: $0.1, delta: sums[$0.0.lowercaseHex + $0.1.lowercaseHex]!) }
            .filter { !$0.delta.isZero }
    }
}
