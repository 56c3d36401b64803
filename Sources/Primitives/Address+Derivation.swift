/// Addresses derived from keys and deployments, and the 32-byte ABI word form.
extension Address {
    /// The address of an uncompressed secp256k1 public key: the last 20 bytes of `keccak256(x ‖ y)`
    /// (Yellow Paper eq. 284). Accepts the 64-byte `x ‖ y` or the 65-byte SEC1 form `0x04 ‖ x ‖ y`.
    public static func fromPublicKey(_ key: some Collection<UInt8>) throws(AddressError) -> Address {
        let n = key.count
        if n == 64 { return Address(hashSuffix: Keccak256.hash(key)) }
        if n == 65, key.first == 0x04 { return Address(hashSuffix: Keccak256.hash(key.dropFirst())) }
        throw .badPublicKey(length: n, firstByte: key.first)
    }

    /// The CREATE address: `keccak256(rlp([sender, nonce]))[12:]` (Yellow Paper section 7, eq. 88).
    public static func create(sender: Address, nonce: UInt64) -> Address {
        Address(hashSuffix: Keccak256.hash(RLP.encode(.list([.address(sender), .uint(nonce)]))))
    }

    /// The CREATE2 address: `keccak256(0xff ‖ deployer ‖ salt ‖ initCodeHash)[12:]` (EIP-1014).
    public static func create2(deployer: Address, salt: Hash32, initCodeHash: Hash32) -> Address {
        // 1 + 20 + 32 + 32 = 85 bytes, assembled inline.
        var buf: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        return Swift.withUnsafeMutableBytes(of: &buf) { out in
            out[0] = 0xff
            deployer.withUnsafeBytes { for i in 0..<20 { out[1 + i] = $0[i] } }
            salt.withUnsafeBytes { for i in 0..<32 { out[21 + i] = $0[i] } }
            initCodeHash.withUnsafeBytes { for i in 0..<32 { out[53 + i] = $0[i] } }
            return Address(hashSuffix: Keccak256.hash(UnsafeRawBufferPointer(rebasing: out[0..<85])))
        }
    }

    /// The CREATE2 address of `initCode` (hashed here) deployed by `deployer` with `salt` (EIP-1014).
    public static func create2(deployer: Address, salt: Hash32, initCode: some Collection<UInt8>) -> Address {
        create2(deployer: deployer, salt: salt, initCodeHash: Keccak256.hash(initCode))
    }

    /// The address as a 32-byte ABI word: 12 zero bytes, then the 20 address bytes (Solidity ABI spec, `address`).
    public var abiWord: [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        withUnsafeBytes { for i in 0..<20 { out[12 + i] = $0[i] } }
        return out
    }

    /// An address from a 32-byte ABI word; non-zero upper 12 bytes throw (strict decoding, as Solidity >= 0.8
    /// reverts on dirty address words).
    public init(abiWord word: some Collection<UInt8>) throws(AddressError) {
        guard word.count == 32 else { throw .wrongLength(expected: 32, got: word.count) }
        for (i, b) in word.prefix(12).enumerated() where b != 0 { throw .dirtyABIWord(offset: i) }
        try self.init(bytes: word.dropFirst(12))
    }
}
