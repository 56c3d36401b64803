import DeFiCore
import Primitives

/// `defi wallet sign-message` / `sign-typed-data`: the 65-byte 0x r‖s‖v signature (and, for typed data, the
/// digest on a second line); JSON adds the digest, signer, r, s and v.
struct SignatureReport: Report {
    var signed: SignedDigest
    var showDigest: Bool

    var fields: Fields {
        let s = signed.signature
        return Fields([
            ("signature", .string(Hex.encode(s))), ("digest", .string(signed.digest.description)),
            ("signer", .string(signed.signer.checksummed)), ("r", .string(Hex.encode(s.prefix(32)))),
            ("s", .string(Hex.encode(s.dropFirst(32).prefix(32)))), ("v", .number(UInt64(s.last ?? 0))),
        ])
    }

    func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }
    var columns: [String] { fields.columns }
    var rows: [[String]] { [fields.row] }

    func humanText(style: TextStyle) -> String {
        Hex.encode(signed.signature) + "\n" + (showDigest ? signed.digest.description + "\n" : "")
    }
}
