/// AES-128 block encryption (FIPS-197) and CTR mode (NIST SP 800-38A, 6.5) for keystore ciphertexts.
///
/// The S-box is computed arithmetically (inverse in GF(2^8) as x^254, then the affine map) instead of looked up,
/// so no memory access depends on key or data: constant time, and fast enough for a 32-byte keystore payload.
/// (swift-crypto's AES-CTR lives in CryptoExtras, which the Keystore target does not depend on.)
struct AES128 {
    /// The 11 round keys, 16 bytes each.
    private var roundKeys = [UInt8](repeating: 0, count: 176)

    /// Expands a 16-byte key (FIPS-197, 5.2).
    init(key: [UInt8]) {
        precondition(key.count == 16, "AES-128 key must be 16 bytes")
        for i in 0..<16 { roundKeys[i] = key[i] }
        var rcon: UInt8 = 1
        for i in stride(from: 16, to: 176, by: 4) {
            var t = (roundKeys[i - 4], roundKeys[i - 3], roundKeys[i - 2], roundKeys[i - 1])
            if i % 16 == 0 {
                t = (Self.sbox(t.1) ^ rcon, Self.sbox(t.2), Self.sbox(t.3), Self.sbox(t.0))
                rcon = Self.xtime(rcon)
            }
            roundKeys[i] = roundKeys[i - 16] ^ t.0
            roundKeys[i + 1] = roundKeys[i - 15] ^ t.1
            roundKeys[i + 2] = roundKeys[i - 14] ^ t.2
            roundKeys[i + 3] = roundKeys[i - 13] ^ t.3
        }
    }

    /// Overwrites the round keys.
    mutating func wipe() { for i in roundKeys.indices { roundKeys[i] = 0 } }

    /// Multiplication by x in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1, without branches.
    @inline(__always) static func xtime(_ a: UInt8) -> UInt8 { (a << 1) ^ (0x1b & (0 &- (a >> 7))) }

    /// Constant-time GF(2^8) multiplication.
    static func mul(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var a = a, b = b, p: UInt8 = 0
        for _ in 0..<8 {
            p ^= a & (0 &- (b & 1))
            a = xtime(a)
            b >>= 1
        }
        return p
    }

    /// The AES S-box: multiplicative inverse (x^254, 0 maps to 0) followed by the affine map (FIPS-197, 5.1.1).
    static func sbox(_ x: UInt8) -> UInt8 {
        let x2 = mul(x, x), x3 = mul(x2, x), x6 = mul(x3, x3), x12 = mul(x6, x6), x15 = mul(x12, x3)
        let x30 = mul(x15, x15), x60 = mul(x30, x30), x120 = mul(x60, x60), x126 = mul(x120, x6)
        let x127 = mul(x126, x), inv = mul(x127, x127)
        func rotl(_ v: UInt8, _ n: UInt8) -> UInt8 { (v << n) | (v >> (8 - n)) }
        return inv ^ rotl(inv, 1) ^ rotl(inv, 2) ^ rotl(inv, 3) ^ rotl(inv, 4) ^ 0x63
    }

    /// Encrypts one 16-byte block in place (FIPS-197, 5.1). State byte i is row i % 4, column i / 4.
    func encrypt(block s: inout [UInt8]) {
        for i in 0..<16 { s[i] ^= roundKeys[i] }
        for round in 1...10 {
            for i in 0..<16 { s[i] = Self.sbox(s[i]) }
            // ShiftRows: row r rotates left by r columns.
            var t = s
            for c in 0..<4 { for r in 1..<4 { t[4 * c + r] = s[4 * ((c + r) % 4) + r] } }
            s = t
            if round != 10 {
                for c in 0..<4 {
                    let a0 = s[4 * c], a1 = s[4 * c + 1], a2 = s[4 * c + 2], a3 = s[4 * c + 3]
                    let all = a0 ^ a1 ^ a2 ^ a3
                    s[4 * c] = a0 ^ all ^ Self.xtime(a0 ^ a1)
                    s[4 * c + 1] = a1 ^ all ^ Self.xtime(a1 ^ a2)
                    s[4 * c + 2] = a2 ^ all ^ Self.xtime(a2 ^ a3)
                    s[4 * c + 3] = a3 ^ all ^ Self.xtime(a3 ^ a0)
                }
            }
            for i in 0..<16 { s[i] ^= roundKeys[16 * round + i] }
        }
    }

    /// AES-128-CTR: XORs `data` with E(K, IV), E(K, IV+1), … where the IV is a 128-bit big-endian counter that
    /// wraps modulo 2^128 (the 'evilnonce' keystore vector starts at ff…ff). Encryption and decryption are the same.
    static func ctr(key: [UInt8], iv: [UInt8], data: [UInt8]) -> [UInt8] {
        precondition(iv.count == 16, "CTR initial counter must be 16 bytes")
        var aes = AES128(key: key)
        defer { aes.wipe() }
        var counter = iv
        var out = data
        var offset = 0
        while offset < data.count {
            var block = counter
            aes.encrypt(block: &block)
            for i in 0..<min(16, data.count - offset) { out[offset + i] ^= block[i] }
            for i in block.indices { block[i] = 0 }
            var j = 15
            while j >= 0 {
                counter[j] &+= 1
                if counter[j] != 0 { break }
                j -= 1
            }
            offset += 16
        }
        return out
    }
}
