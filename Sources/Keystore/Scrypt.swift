import Crypto
import CryptoExtras

/// scrypt (RFC 7914): BoringSSL's (CryptoExtras' `KDF.Scrypt`) whenever it accepts the parameters, else this
/// project's own ROMix with BlockMix over Salsa20/8 around BoringSSL's PBKDF2-HMAC-SHA256.
///
/// BoringSSL enforces RFC 7914's N < 2^(128·r/8) (so r = 1 allows N <= 2^15) and bounds its scratch memory by
/// 128·N·r·p plus one page, so it refuses e.g. the official keystore 'test2' vector (N = 2^18, r = 1, p = 8), which
/// geth and Go's x/crypto/scrypt accept; those parameter sets use `portable`. Callers apply the denial-of-service
/// caps first (`ScryptParameters.validate`).
enum Scrypt {
    /// DK = scrypt(P, S, N, r, p, dkLen): BoringSSL when it accepts (N, r, p), otherwise `portable`.
    static func derive(
        password: [UInt8], salt: [UInt8], n: Int, r: Int, p: Int, count: Int
    ) throws(KeystoreError) -> [UInt8] {
        if let dk = boringSSL(password: password, salt: salt, n: n, r: r, p: p, count: count) { return dk }
        return try portable(password: password, salt: salt, n: n, r: r, p: p, count: count)
    }

    /// BoringSSL's scrypt, or nil when it refuses the parameters (RFC 7914's N bound, its memory bound).
    static func boringSSL(password: [UInt8], salt: [UInt8], n: Int, r: Int, p: Int, count: Int) -> [UInt8]? {
        guard
            let key = try? KDF.Scrypt.deriveKey(
                from: password, salt: salt, outputByteCount: count, rounds: n, blockSize: r, parallelism: p)
        else { return nil }
        return key.withUnsafeBytes { [UInt8]($0) }
    }

    /// The project's scrypt, for parameters BoringSSL refuses: DK = PBKDF2(P, B, 1, dkLen) where
    /// B = ROMix_r(PBKDF2(P, S, 1, p·128·r), N) per 128·r-byte block (RFC 7914, 6).
    static func portable(
        password: [UInt8], salt: [UInt8], n: Int, r: Int, p: Int, count: Int
    ) throws(KeystoreError) -> [UInt8] {
        precondition(n >= 2 && n & (n - 1) == 0 && r >= 1 && p >= 1)
        let blockWords = 32 * r
        var b = try PBKDF2SHA256.derive(password: password, salt: salt, iterations: 1, count: p * 128 * r)
        defer { for i in b.indices { b[i] = 0 } }
        let v = UnsafeMutablePointer<UInt32>.allocate(capacity: blockWords * n)
        let x = UnsafeMutablePointer<UInt32>.allocate(capacity: blockWords)
        let y = UnsafeMutablePointer<UInt32>.allocate(capacity: blockWords)
        defer {
            v.update(repeating: 0, count: blockWords * n); v.deallocate()
            x.update(repeating: 0, count: blockWords); x.deallocate()
            y.update(repeating: 0, count: blockWords); y.deallocate()
        }
        for chunk in 0..<p {
            let base = chunk * 128 * r
            for i in 0..<blockWords {
                let o = base + 4 * i
                x[i] = UInt32(b[o]) | UInt32(b[o + 1]) << 8 | UInt32(b[o + 2]) << 16 | UInt32(b[o + 3]) << 24
            }
            roMix(x: x, y: y, v: v, r: r, n: n)
            for i in 0..<blockWords {
                let o = base + 4 * i, w = x[i]
                b[o] = UInt8(truncatingIfNeeded: w); b[o + 1] = UInt8(truncatingIfNeeded: w >> 8)
                b[o + 2] = UInt8(truncatingIfNeeded: w >> 16); b[o + 3] = UInt8(truncatingIfNeeded: w >> 24)
            }
        }
        return try PBKDF2SHA256.derive(password: password, salt: b, iterations: 1, count: count)
    }

    /// ROMix (RFC 7914, 5) on the block in `x`, using `v` (N blocks) and `y` as scratch; the result is left in `x`.
    static func roMix(
        x: UnsafeMutablePointer<UInt32>, y: UnsafeMutablePointer<UInt32>, v: UnsafeMutablePointer<UInt32>, r: Int,
        n: Int
    ) {
        let words = 32 * r
        for i in 0..<n {
            (v + i * words).update(from: x, count: words)
            blockMix(input: x, output: y, r: r)
            x.update(from: y, count: words)
        }
        let mask = n - 1
        let last = (2 * r - 1) * 16
        for _ in 0..<n {
            // Integerify: the first little-endian word of the last 64-byte block, mod N (N is a power of two).
            let j = Int(x[last]) & mask
            let vj = v + j * words
            for k in 0..<words { x[k] ^= vj[k] }
            blockMix(input: x, output: y, r: r)
            x.update(from: y, count: words)
        }
    }

    /// BlockMix_{Salsa20/8, r} (RFC 7914, 4): outputs the even-indexed results first, then the odd ones.
    @inline(__always)
    static func blockMix(input b: UnsafeMutablePointer<UInt32>, output out: UnsafeMutablePointer<UInt32>, r: Int) {
        var t = UnsafeRawPointer(b + (2 * r - 1) * 16).load(as: Salsa.self)
        for i in 0..<(2 * r) {
            let bi = UnsafeRawPointer(b + 16 * i).load(as: Salsa.self)
            t.xor(bi)
            t.salsa208()
            let dst = i & 1 == 0 ? (i / 2) : (r + i / 2)
            UnsafeMutableRawPointer(out + 16 * dst).storeBytes(of: t, as: Salsa.self)
        }
    }
}

/// One 64-byte Salsa20 block as 16 little-endian words held in registers.
struct Salsa {
    var w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11, w12, w13, w14, w15: UInt32

    @inline(__always) mutating func xor(_ o: Salsa) {
        w0 ^= o.w0; w1 ^= o.w1; w2 ^= o.w2; w3 ^= o.w3; w4 ^= o.w4; w5 ^= o.w5; w6 ^= o.w6; w7 ^= o.w7
        w8 ^= o.w8; w9 ^= o.w9; w10 ^= o.w10; w11 ^= o.w11; w12 ^= o.w12; w13 ^= o.w13; w14 ^= o.w14; w15 ^= o.w15
    }

    @inline(__always) static func rotl(_ v: UInt32, _ n: UInt32) -> UInt32 { (v << n) | (v >> (32 &- n)) }

    /// Salsa20/8 core (RFC 7914, 3): 4 double rounds, then adds the input.
    @inline(__always) mutating func salsa208() {
        var x0 = w0, x1 = w1, x2 = w2, x3 = w3, x4 = w4, x5 = w5, x6 = w6, x7 = w7
        var x8 = w8, x9 = w9, x10 = w10, x11 = w11, x12 = w12, x13 = w13, x14 = w14, x15 = w15
        for _ in 0..<4 {
            // Column round.
            x4 ^= Self.rotl(x0 &+ x12, 7); x8 ^= Self.rotl(x4 &+ x0, 9)
            x12 ^= Self.rotl(x8 &+ x4, 13); x0 ^= Self.rotl(x12 &+ x8, 18)
            x9 ^= Self.rotl(x5 &+ x1, 7); x13 ^= Self.rotl(x9 &+ x5, 9)
            x1 ^= Self.rotl(x13 &+ x9, 13); x5 ^= Self.rotl(x1 &+ x13, 18)
            x14 ^= Self.rotl(x10 &+ x6, 7); x2 ^= Self.rotl(x14 &+ x10, 9)
            x6 ^= Self.rotl(x2 &+ x14, 13); x10 ^= Self.rotl(x6 &+ x2, 18)
            x3 ^= Self.rotl(x15 &+ x11, 7); x7 ^= Self.rotl(x3 &+ x15, 9)
            x11 ^= Self.rotl(x7 &+ x3, 13); x15 ^= Self.rotl(x11 &+ x7, 18)
            // Row round.
            x1 ^= Self.rotl(x0 &+ x3, 7); x2 ^= Self.rotl(x1 &+ x0, 9)
            x3 ^= Self.rotl(x2 &+ x1, 13); x0 ^= Self.rotl(x3 &+ x2, 18)
            x6 ^= Self.rotl(x5 &+ x4, 7); x7 ^= Self.rotl(x6 &+ x5, 9)
            x4 ^= Self.rotl(x7 &+ x6, 13); x5 ^= Self.rotl(x4 &+ x7, 18)
            x11 ^= Self.rotl(x10 &+ x9, 7); x8 ^= Self.rotl(x11 &+ x10, 9)
            x9 ^= Self.rotl(x8 &+ x11, 13); x10 ^= Self.rotl(x9 &+ x8, 18)
            x12 ^= Self.rotl(x15 &+ x14, 7); x13 ^= Self.rotl(x12 &+ x15, 9)
            x14 ^= Self.rotl(x13 &+ x12, 13); x15 ^= Self.rotl(x14 &+ x13, 18)
        }
        w0 &+= x0; w1 &+= x1; w2 &+= x2; w3 &+= x3; w4 &+= x4; w5 &+= x5; w6 &+= x6; w7 &+= x7
        w8 &+= x8; w9 &+= x9; w10 &+= x10; w11 &+= x11; w12 &+= x12; w13 &+= x13; w14 &+= x14; w15 &+= x15
    }
}
