import Crypto

/// PBKDF2 with HMAC-SHA256 (RFC 8018, 5.2), built on swift-crypto's `HMAC<SHA256>`.
///
/// The keyed HMAC state is prepared once and copied for each iteration, so an iteration costs two SHA-256
/// compressions plus finalisation, not a fresh key schedule.
enum PBKDF2SHA256 {
    /// DK = T_1 ‖ T_2 ‖ … truncated to `count` bytes, T_i = U_1 ^ … ^ U_c, U_1 = PRF(P, S ‖ INT(i)).
    static func derive(password: [UInt8], salt: [UInt8], iterations: Int, count: Int) -> [UInt8] {
        precondition(iterations >= 1 && count >= 1)
        let keyed = HMAC<SHA256>(key: SymmetricKey(data: password))
        var out = [UInt8]()
        out.reserveCapacity(count + 32)
        var block: UInt32 = 1
        while out.count < count {
            var mac = keyed
            mac.update(data: salt)
            mac.update(data: [UInt8(block >> 24), UInt8(truncatingIfNeeded: block >> 16),
                              UInt8(truncatingIfNeeded: block >> 8), UInt8(truncatingIfNeeded: block)])
            var u = mac.finalize().withUnsafeBytes { Array($0) }
            var t = u
            if iterations > 1 {
                for _ in 1..<iterations {
                    var m = keyed
                    m.update(data: u)
                    u = m.finalize().withUnsafeBytes { Array($0) }
                    for k in 0..<32 { t[k] ^= u[k] }
                }
            }
            out += t
            for k in t.indices { t[k] = 0; u[k] = 0 }
            block += 1
        }
        if out.count > count { out.removeLast(out.count - count) }
        return out
    }
}
