import Chain
import Primitives

/// The lending protocols a liquidation sweep watches.
public enum LendingProtocol: String, Sendable, CaseIterable, Codable {
    /// Aave V3 (`protocols.aave_v3`).
    case aaveV3 = "aave_v3"
    /// Compound III / Comet (`protocols.compound_v3`).
    case compoundV3 = "compound_v3"
    /// Maker LIQ 2.0 (`protocols.maker`).
    case maker
}

/// One event that names an account worth watching.
public struct LendingEvent: Sendable, Equatable {
    /// The event's signature, e.g. `Borrow(address,address,address,uint256,uint8,uint256,uint16)`.
    public var signature: String
    /// The topic index (1…3) holding the account, or nil when the account is in the data.
    public var accountTopic: Int?
    /// The data word holding the account when it is not indexed.
    public var accountWord: Int?
    /// Whether the event opens or grows a debt (a new borrower); others only touch known accounts.
    public var discovers: Bool

    /// `keccak256(signature)`.
    public var topic0: Hash32 { Keccak256.hash(utf8: signature) }
}

/// The events each protocol's borrower index follows, with where the account sits in each (from the contracts'
/// event declarations: aave-v3-origin `IPool.sol`, compound-finance/comet `CometMainInterface.sol`, makerdao/dss
/// `clip.sol`).
public enum LendingEvents {
    /// Aave V3 Pool: Borrow (onBehalfOf, topic 2) discovers; Supply (onBehalfOf), Repay (user), Withdraw (user),
    /// LiquidationCall (user, topic 3), ReserveUsedAsCollateralEnabled (user) touch.
    public static let aave: [LendingEvent] = [
        LendingEvent(
            signature: "Borrow(address,address,address,uint256,uint8,uint256,uint16)", accountTopic: 2,
            accountWord: nil, discovers: true),
        LendingEvent(
            signature: "Supply(address,address,address,uint256,uint16)", accountTopic: 2, accountWord: nil,
            discovers: false),
        LendingEvent(signature: "Repay(address,address,address,uint256,bool)", accountTopic: 2, accountWord: nil,
            discovers: false),
        LendingEvent(signature: "Withdraw(address,address,address,uint256)", accountTopic: 2, accountWord: nil,
            discovers: false),
        LendingEvent(
            signature: "LiquidationCall(address,address,address,uint256,uint256,address,bool)", accountTopic: 3,
            accountWord: nil, discovers: false),
        LendingEvent(
            signature: "ReserveUsedAsCollateralEnabled(address,address)", accountTopic: 2, accountWord: nil,
            discovers: false),
    ]

    /// Comet: Withdraw (src, topic 1) opens a borrow; Supply (dst), SupplyCollateral (dst), WithdrawCollateral
    /// (src), AbsorbDebt (borrower, topic 2) touch.
    public static let comet: [LendingEvent] = [
        LendingEvent(signature: "Withdraw(address,address,uint256)", accountTopic: 1, accountWord: nil, discovers: true),
        LendingEvent(signature: "Supply(address,address,uint256)", accountTopic: 2, accountWord: nil, discovers: false),
        LendingEvent(
            signature: "SupplyCollateral(address,address,address,uint256)", accountTopic: 2, accountWord: nil,
            discovers: false),
        LendingEvent(
            signature: "WithdrawCollateral(address,address,address,uint256)", accountTopic: 1, accountWord: nil,
            discovers: false),
        LendingEvent(
            signature: "AbsorbDebt(address,address,uint256,uint256)", accountTopic: 2, accountWord: nil,
            discovers: false),
    ]

    /// Maker Clipper: Kick (usr, topic 2) discovers an auction; Take (usr, topic 2) and Redo (usr, topic 2) touch.
    public static let maker: [LendingEvent] = [
        LendingEvent(
            signature: "Kick(uint256,uint256,uint256,uint256,address,address,uint256)", accountTopic: 2,
            accountWord: nil, discovers: true),
        LendingEvent(
            signature: "Take(uint256,uint256,uint256,uint256,uint256,uint256,address)", accountTopic: 2,
            accountWord: nil, discovers: false),
        LendingEvent(
            signature: "Redo(uint256,uint256,uint256,uint256,address,address,uint256)", accountTopic: 2,
            accountWord: nil, discovers: false),
    ]

    /// The events of `p`.
    public static func events(_ p: LendingProtocol) -> [LendingEvent] {
        switch p {
        case .aaveV3: aave
        case .compoundV3: comet
        case .maker: maker
        }
    }

    /// The `eth_getLogs` filter: the emitting contracts and topic0 ∈ the protocol's events.
    public static func filter(_ p: LendingProtocol, contracts: [Address]) -> LogFilter {
        LogFilter(addresses: contracts, topics: [events(p).map(\.topic0)])
    }

    /// The account a log names and whether it is a discovery, or nil for a log of no known event (or malformed).
    public static func account(in log: Log, protocol p: LendingProtocol) -> (account: Address, discovers: Bool)? {
        guard let t0 = log.topics.first, let e = events(p).first(where: { $0.topic0 == t0 }) else { return nil }
        let word: [UInt8]
        if let i = e.accountTopic {
            guard i < log.topics.count else { return nil }
            word = log.topics[i].bytes
        } else if let w = e.accountWord {
            guard log.data.count >= 32 * (w + 1) else { return nil }
            word = Array(log.data[(32 * w)..<(32 * w + 32)])
        } else {
            return nil
        }
        // An address topic is left-padded with 12 zero bytes; anything else is not an address.
        guard word.prefix(12).allSatisfy({ $0 == 0 }), let a = try? Address(bytes: Array(word.suffix(20))) else {
            return nil
        }
        return (a, e.discovers)
    }
}
