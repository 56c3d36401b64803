import Chain
import Primitives

/// The `X-Flashbots-Signature` header (docs.flashbots.net, "Authentication"): `<address>:<signature>` where the
/// signature is an EIP-191 `personal_sign` over the UTF-8 text `0x` + lower-case hex of keccak256(request body).
///
/// The message is the 66-character hex string, not the 32 hash bytes (ethers: `signMessage(id(body))`; Go:
/// `accounts.TextHash([]byte(Keccak256Hash(body).Hex()))`). The key is only the searcher's reputation identity and
/// must not be the trading key.
public enum FlashbotsAuth {
    /// The header name.
    public static let headerName = "X-Flashbots-Signature"

    /// The message that is personal-signed: the text `0x…` (66 bytes) of keccak256(`body`).
    public static func message(for body: [UInt8]) -> [UInt8] {
        Array(Keccak256.hash(body).description.lowercased().utf8)
    }

    /// The header value for `body`, signed by `signer`: checksummed address, `:`, 65-byte r‖s‖v hex (v 27/28).
    public static func header(for body: [UInt8], signer: any Signer) throws(SignerError) -> String {
        let signature = try signer.signPersonal(message(for: body))
        return signer.address.checksummed + ":" + Hex.encode(signature.rsvBytes(legacyV: true))
    }

    /// The address a header value was signed by for `body`, or nil when it does not verify (for tests and tools).
    public static func recover(header: String, body: [UInt8]) -> Address? {
        let parts = header.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let claimed = try? Address(parsing: String(parts[0])),
            let sig = try? Hex.decode(String(parts[1])), sig.count == 65,
            let recovered = try? PersonalMessage.recoverAddress(message(for: body), signature: sig),
            recovered == claimed
        else { return nil }
        return recovered
    }
}
