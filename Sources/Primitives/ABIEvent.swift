/// A contract event with indexed (topic) and non-indexed (data) parameters.
public struct ABIEvent: Hashable, Sendable, CustomStringConvertible {
    /// The event name.
    public var name: String
    /// All parameters in declaration order.
    public var inputs: [ABIParameter]
    /// Whether the event is `anonymous` (no topic0).
    public var anonymous: Bool

    /// An event from its parts.
    public init(name: String, inputs: [ABIParameter], anonymous: Bool = false) {
        self.name = name
        self.inputs = inputs
        self.anonymous = anonymous
    }

    /// Parses `event Transfer(address indexed from, address indexed to, uint256 value)` (`anonymous` may follow).
    public init(signature: some StringProtocol) throws(ABIParseError) {
        let s = try ParsedSignature(String(signature))
        guard s.kind == "event" || (s.kind.isEmpty && s.outputs.isEmpty && s.stateMutability == nil) else {
            throw .wrongKind(expected: "event", got: s.kind.isEmpty ? "a function" : s.kind)
        }
        self.init(name: s.name, inputs: s.inputs, anonymous: s.anonymous)
    }

    /// The canonical signature: `Transfer(address,address,uint256)`.
    public var signature: String { name + "(" + inputs.map(\.type.description).joined(separator: ",") + ")" }

    /// topic0: keccak256 of the canonical signature (spec, "Events").
    public var topic0: Hash32 { Keccak256.hash(utf8: signature) }

    /// The number of topics a log of this event carries.
    public var topicCount: Int { inputs.filter(\.indexed).count + (anonymous ? 0 : 1) }

    /// Human-readable form.
    public var description: String {
        "event \(name)(" + inputs.map(\.description).joined(separator: ", ") + ")" + (anonymous ? " anonymous" : "")
    }

    /// Decodes a log into one value per parameter, in declaration order. An indexed parameter of a dynamic type
    /// (bytes, string, arrays, tuples) is stored as keccak256 of its encoding, so it decodes to `.fixedBytes` of
    /// that 32-byte hash, not the value (spec, "Events").
    public func decodeLog(topics: [Hash32], data: some Collection<UInt8>) throws(ABIDecodingError) -> [ABIValue] {
        guard topics.count == topicCount else { throw .topicCount(expected: topicCount, got: topics.count) }
        var next = 0
        if !anonymous {
            guard topics[0] == topic0 else {
                throw .topicMismatch(expected: topic0.description, got: topics[0].description)
            }
            next = 1
        }
        let plain = inputs.filter { !$0.indexed }.map(\.type)
        let decoded = try ABI.decode(types: plain, data: data)
        var out: [ABIValue] = []
        out.reserveCapacity(inputs.count)
        var d = 0
        for p in inputs {
            if p.indexed {
                let topic = topics[next].bytes
                next += 1
                if p.type.isDynamic || ABIEvent.isHashedWhenIndexed(p.type) {
                    out.append(.fixedBytes(topic))
                } else {
                    out.append(try ABI.decode(p.type, data: topic))
                }
            } else {
                out.append(decoded[d])
                d += 1
            }
        }
        return out
    }

    /// Static arrays and tuples are hashed too when indexed; only value types fit a topic directly.
    static func isHashedWhenIndexed(_ t: ABIType) -> Bool {
        switch t {
        case .fixedArray, .tuple, .array, .bytes, .string: return true
        default: return false
        }
    }
}
