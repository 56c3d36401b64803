import Primitives

/// The fields of an unsigned transaction's signing payload that a simulation needs (EIP-2718 envelopes:
/// `0x02 ‖ rlp([chainId, nonce, tip, maxFee, gas, to, value, data, accessList])`,
/// `0x01 ‖ rlp([chainId, nonce, gasPrice, gas, to, value, data, accessList])`, legacy
/// `rlp([nonce, gasPrice, gas, to, value, data])` or its EIP-155 form with `chainId, 0, 0`).
public struct UnsignedCall: Sendable, Equatable {
    /// Recipient (nil: creation).
    public var to: Address?
    /// Value.
    public var value: U256
    /// Calldata.
    public var data: [UInt8]
    /// Gas limit.
    public var gasLimit: UInt64

    /// A value with every field given.
    public init(to: Address?, value: U256, data: [UInt8], gasLimit: UInt64) {
        self.to = to
        self.value = value
        self.data = data
        self.gasLimit = gasLimit
    }

    /// Decodes a signing payload; nil when the bytes are not one.
    public init?(payload bytes: [UInt8]) {
        guard let first = bytes.first else { return nil }
        let body: [UInt8]
        let offset: Int
        switch first {
        case 0x02: (body, offset) = (Array(bytes.dropFirst()), 4)
        case 0x01: (body, offset) = (Array(bytes.dropFirst()), 3)
        case 0xc0...: (body, offset) = (bytes, 2)
        default: return nil
        }
        guard let items = try? RLP.decode(body).list() else { return nil }
        switch first {
        case 0x02: guard items.count == 9 else { return nil }
        case 0x01: guard items.count == 8 else { return nil }
        default: guard items.count == 6 || items.count == 9 else { return nil }
        }
        guard let gas = try? items[offset].uint64(), let to = try? items[offset + 1].address(),
            let value = try? items[offset + 2].u256(), let data = try? items[offset + 3].bytes()
        else { return nil }
        self.to = to
        self.value = value
        self.data = data
        self.gasLimit = gas
    }
}
