/// A secp256k1 public key: a point on the curve, kept as its 64-byte x‖y coordinates.
public struct PublicKey: Sendable, Hashable, CustomStringConvertible {
    /// x‖y, 32 big-endian bytes each.
    let xy: [UInt8]

    /// Trusted constructor for 64 bytes straight from libsecp256k1.
    init(validatedXY xy: [UInt8]) { self.xy = xy }

    /// Parses 33 (compressed), 64 (x‖y) or 65 (0x04‖x‖y) bytes; throws unless the point is on the curve.
    public init(bytes: [UInt8]) throws(Secp256k1Error) {
        guard let xy = Secp256k1.parsePublicKey(bytes) else { throw .invalidPublicKey(length: bytes.count) }
        self.xy = xy
    }

    /// The 64 bytes x‖y (the form Ethereum hashes for addresses and devp2p uses as node ids).
    public var rawBytes: [UInt8] { xy }

    /// The 65-byte SEC 1 uncompressed form 0x04‖x‖y.
    public var uncompressedBytes: [UInt8] { [0x04] + xy }

    /// The 33-byte SEC 1 compressed form (0x02 or 0x03 by y's parity)‖x.
    public var compressedBytes: [UInt8] { Secp256k1.compress(xy) }

    /// The 20 address bytes: keccak256(x‖y)[12...] (Yellow Paper eq. 284, A(p_r)).
    public var addressBytes: [UInt8] { Array(Keccak256.hash(xy).bytes[12...]) }

    /// The Ethereum address: keccak256(x‖y)[12...].
    public var address: Address { Address(hashSuffix: Keccak256.hash(xy)) }

    /// `PublicKey(0x04…)` with the uncompressed hex.
    public var description: String { "PublicKey(\(Hex.encode(uncompressedBytes)))" }
}
