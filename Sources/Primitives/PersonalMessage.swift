/// EIP-191 version 0x45 messages, as `personal_sign` and `eth_sign` sign them (ethereum/ERCs ERCS/erc-191.md).
public enum PersonalMessage {
    /// keccak256("\x19Ethereum Signed Message:\n" ‖ decimal(len(message)) ‖ message) (EIP-191, version 0x45).
    public static func hash(_ message: some Collection<UInt8>) -> Hash32 {
        var hasher = Keccak256()
        hasher.update(prefix(length: message.count))
        hasher.update(message)
        return hasher.finalize()
    }

    /// The EIP-191 hash of a string's UTF-8 bytes.
    public static func hash(utf8 message: String) -> Hash32 { hash(Array(message.utf8)) }

    /// The bytes hashed before the message: 0x19 "Ethereum Signed Message:\n" and the length in decimal ASCII.
    static func prefix(length: Int) -> [UInt8] {
        Array("\u{19}Ethereum Signed Message:\n".utf8) + Array(String(length).utf8)
    }

    /// Signs a message: the signature over its EIP-191 hash (low s, RFC 6979).
    public static func sign(_ message: some Collection<UInt8>, with key: PrivateKey) -> Signature {
        key.sign(hash: hash(message))
    }

    /// The 65-byte r‖s‖v signature with v = 27/28, exactly as `personal_sign` returns it.
    public static func signatureBytes(_ message: some Collection<UInt8>, with key: PrivateKey) -> [UInt8] {
        sign(message, with: key).rsvBytes(legacyV: true)
    }

    /// The signer's public key from a message and its 65-byte r‖s‖v signature (v in 0, 1, 27, 28).
    ///
    /// High s is accepted by default, like ecrecover and eth-account; pass `allowHighS: false` to apply EIP-2.
    public static func recoverPublicKey(
        _ message: some Collection<UInt8>, signature: some Collection<UInt8>, allowHighS: Bool = true
    ) throws(Secp256k1Error) -> PublicKey {
        try Signature(rsv: signature).recoverPublicKey(hash: hash(message), allowHighS: allowHighS)
    }

    /// The signer's address from a message and its 65-byte r‖s‖v signature (high s accepted unless disallowed).
    public static func recoverAddress(
        _ message: some Collection<UInt8>, signature: some Collection<UInt8>, allowHighS: Bool = true
    ) throws(Secp256k1Error) -> Address {
        try recoverPublicKey(message, signature: signature, allowHighS: allowHighS).address
    }

    /// The signer's 20 address bytes from a message and its 65-byte r‖s‖v signature.
    public static func recoverAddressBytes(
        _ message: some Collection<UInt8>, signature: some Collection<UInt8>, allowHighS: Bool = true
    ) throws(Secp256k1Error) -> [UInt8] {
        try recoverPublicKey(message, signature: signature, allowHighS: allowHighS).addressBytes
    }
}
