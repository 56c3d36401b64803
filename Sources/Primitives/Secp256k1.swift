// The only Swift file that imports CSecp256k1 (the C shim rule, STYLE.md 15). Everything else in Primitives goes
// through these few internal functions, which take and return Swift values.
import CSecp256k1

/// The secp256k1 curve constants and the one shared libsecp256k1 context.
enum Secp256k1 {
    /// The group order n (SEC 2, 2.4.1).
    static let n = U256(limbs: (0xBFD2_5E8C_D036_4141, 0xBAAE_DCE6_AF48_A03B, 0xFFFF_FFFF_FFFF_FFFE, .max))
    /// floor(n / 2): EIP-2's upper bound for `s`.
    static let halfN = U256(limbs: (0xDFE9_2F46_681B_20A0, 0x5D57_6E73_57A4_501D, .max, 0x7FFF_FFFF_FFFF_FFFF))

    /// One context for the process: created once, randomised against side channels, then only read, which
    /// libsecp256k1 documents as safe from any number of threads.
    nonisolated(unsafe) static let context: OpaquePointer = {
        guard let ctx = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE)) else {
            preconditionFailure("secp256k1_context_create failed (out of memory)")
        }
        var seed = randomBytes32()
        // A failed randomisation leaves the context valid (just without blinding), so the result is ignored.
        _ = withUnsafeBytes(of: &seed) { secp256k1_context_randomize(ctx, $0.bindMemory(to: UInt8.self).baseAddress) }
        seed = (0, 0, 0, 0)
        return ctx
    }()

    /// 32 bytes from the system's secure generator.
    static func randomBytes32() -> (UInt64, UInt64, UInt64, UInt64) {
        var g = SystemRandomNumberGenerator()
        return (g.next(), g.next(), g.next(), g.next())
    }

    /// Whether 32 bytes are a valid secret key: 0 < k < n.
    static func isValidSecretKey(_ key: UnsafeRawPointer) -> Bool {
        secp256k1_ec_seckey_verify(context, key.assumingMemoryBound(to: UInt8.self)) == 1
    }

    /// The 64-byte x‖y public key of a valid secret key.
    static func publicKey(secret: UnsafeRawPointer) -> [UInt8]? {
        var pub = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_create(context, &pub, secret.assumingMemoryBound(to: UInt8.self)) == 1 else {
            return nil
        }
        return serialize(&pub)
    }

    /// The x‖y form of a parsed point (uncompressed serialisation without its 0x04 tag).
    private static func serialize(_ pub: inout secp256k1_pubkey) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 65) { buf, count in
            var len = 65
            count = 0
            guard let base = buf.baseAddress else { return }
            _ = secp256k1_ec_pubkey_serialize(context, base, &len, &pub, UInt32(SECP256K1_EC_UNCOMPRESSED))
            // Drop the 0x04 tag by shifting down one byte.
            for i in 0..<64 { buf[i] = buf[i + 1] }
            count = 64
        }
    }

    /// Parses a 33-byte compressed, 65-byte uncompressed or 64-byte x‖y point; nil when not on the curve.
    static func parsePublicKey(_ bytes: [UInt8]) -> [UInt8]? {
        var input = bytes
        if input.count == 64 { input.insert(0x04, at: 0) }
        guard input.count == 33 || input.count == 65 else { return nil }
        var pub = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_parse(context, &pub, input, input.count) == 1 else { return nil }
        return serialize(&pub)
    }

    /// The 33-byte compressed form of a 64-byte x‖y point.
    static func compress(_ xy: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 33)
        out[0] = xy[63] & 1 == 0 ? 0x02 : 0x03
        out.replaceSubrange(1..<33, with: xy[0..<32])
        return out
    }

    /// Recoverable ECDSA with RFC 6979 nonces (libsecp256k1's default nonce function, selected by passing nil).
    ///
    /// libsecp256k1 always returns lower-S signatures (secp256k1.h, secp256k1_ecdsa_sign). A recovery id of 2 or 3
    /// (R.x >= n, probability about 2^-127) cannot be expressed in Ethereum's v, so that case is re-signed with a
    /// counter as extra nonce data, still deterministic.
    static func sign(hash: Hash32, secret: UnsafeRawPointer) -> Signature? {
        hash.withUnsafeBytes { h -> Signature? in
            guard let msg = h.bindMemory(to: UInt8.self).baseAddress else { return nil }
            let key = secret.assumingMemoryBound(to: UInt8.self)
            var counter: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            while true {
                var sig = secp256k1_ecdsa_recoverable_signature()
                let ok: Int32
                if counter.0 == 0 {
                    ok = secp256k1_ecdsa_sign_recoverable(context, &sig, msg, key, nil, nil)
                } else {
                    ok = withUnsafeBytes(of: &counter) {
                        secp256k1_ecdsa_sign_recoverable(context, &sig, msg, key, nil, $0.baseAddress)
                    }
                }
                guard ok == 1 else { return nil }
                var compact: (U256Bytes, U256Bytes) = (.zero, .zero)
                var recid: Int32 = 0
                let result = withUnsafeMutableBytes(of: &compact) { out -> Signature? in
                    guard let base = out.bindMemory(to: UInt8.self).baseAddress else { return nil }
                    _ = secp256k1_ecdsa_recoverable_signature_serialize_compact(context, base, &recid, &sig)
                    guard recid == 0 || recid == 1 else { return nil }
                    let raw = UnsafeRawBufferPointer(out)
                    return Signature(
                        unchecked: U256(bigEndianWordAt: 0, of: raw), s: U256(bigEndianWordAt: 32, of: raw),
                        recoveryID: UInt8(recid))
                }
                if let result {
                    assert(result.s <= halfN, "libsecp256k1 returned a high-s signature")
                    return result
                }
                counter.0 &+= 1
            }
        }
    }

    /// The public key (x‖y) that produced `signature` over `hash`; nil when no point recovers.
    /// libsecp256k1 accepts either s half here (like the ecrecover precompile); callers enforce EIP-2.
    static func recover(hash: Hash32, signature: Signature) -> [UInt8]? {
        var compact = signature.compactTuple
        var sig = secp256k1_ecdsa_recoverable_signature()
        let parsed = withUnsafeBytes(of: &compact) {
            guard let base = $0.bindMemory(to: UInt8.self).baseAddress else { return Int32(0) }
            return secp256k1_ecdsa_recoverable_signature_parse_compact(
                context, &sig, base, Int32(signature.recoveryID))
        }
        guard parsed == 1 else { return nil }
        var pub = secp256k1_pubkey()
        let ok = hash.withUnsafeBytes {
            guard let msg = $0.bindMemory(to: UInt8.self).baseAddress else { return Int32(0) }
            return secp256k1_ecdsa_recover(context, &pub, &sig, msg)
        }
        guard ok == 1 else { return nil }
        return serialize(&pub)
    }

    /// Standard ECDSA verification; libsecp256k1 rejects high-s signatures here (secp256k1.h, secp256k1_ecdsa_verify).
    static func verify(hash: Hash32, signature: Signature, publicKey xy: [UInt8]) -> Bool {
        var compact = signature.compactTuple
        var sig = secp256k1_ecdsa_signature()
        let parsed = withUnsafeBytes(of: &compact) {
            guard let base = $0.bindMemory(to: UInt8.self).baseAddress else { return Int32(0) }
            return secp256k1_ecdsa_signature_parse_compact(context, &sig, base)
        }
        guard parsed == 1 else { return false }
        var pub = secp256k1_pubkey()
        let input = [0x04] + xy
        guard secp256k1_ec_pubkey_parse(context, &pub, input, 65) == 1 else { return false }
        return hash.withUnsafeBytes {
            guard let msg = $0.bindMemory(to: UInt8.self).baseAddress else { return false }
            return secp256k1_ecdsa_verify(context, &sig, msg, &pub) == 1
        }
    }
}

/// 32 bytes inline, for stack buffers handed to C.
struct U256Bytes {
    var a: UInt64, b: UInt64, c: UInt64, d: UInt64
    static let zero = U256Bytes(a: 0, b: 0, c: 0, d: 0)

    /// The big-endian bytes of `v` in memory order.
    init(bigEndian v: U256) {
        a = v.w.3.bigEndian; b = v.w.2.bigEndian; c = v.w.1.bigEndian; d = v.w.0.bigEndian
    }

    init(a: UInt64, b: UInt64, c: UInt64, d: UInt64) { self.a = a; self.b = b; self.c = c; self.d = d }
}
