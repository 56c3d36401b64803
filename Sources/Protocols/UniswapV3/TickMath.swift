// Tick <-> sqrt price conversion, ported from v3-core contracts/libraries/TickMath.sol (constants verbatim).
import Primitives

/// v3-core TickMath.sol: sqrt(1.0001^tick) * 2^96 and its inverse.
public enum TickMath {
    /// TickMath.MIN_TICK.
    public static let minTick: Int32 = -887272
    /// TickMath.MAX_TICK.
    public static let maxTick: Int32 = 887272
    /// TickMath.MIN_SQRT_RATIO = getSqrtRatioAtTick(MIN_TICK).
    public static let minSqrtRatio = U256(4_295_128_739)
    /// TickMath.MAX_SQRT_RATIO = getSqrtRatioAtTick(MAX_TICK).
    public static let maxSqrtRatio = U256(limbs: (0x5d951d5263988d26, 0xefd1fc6a50648849, 0xfffd8963, 0))

    /// The 19 Q128 factors 1/sqrt(1.0001)^(2^i), i = 1...19 (TickMath.sol getSqrtRatioAtTick).
    @usableFromInline
    static let factors: (
        UInt128, UInt128, UInt128, UInt128, UInt128, UInt128, UInt128, UInt128, UInt128, UInt128,
        UInt128, UInt128, UInt128, UInt128, UInt128, UInt128, UInt128, UInt128, UInt128
    ) = (
        0xfff97272373d413259a46990580e213a, 0xfff2e50f5f656932ef12357cf3c7fdcc, 0xffe5caca7e10e4e61c3624eaa0941cd0,
        0xffcb9843d60f6159c9db58835c926644, 0xff973b41fa98c081472e6896dfb254c0, 0xff2ea16466c96a3843ec78b326b52861,
        0xfe5dee046a99a2a811c461f1969c3053, 0xfcbe86c7900a88aedcffc83b479aa3a4, 0xf987a7253ac413176f2b074cf7815e54,
        0xf3392b0822b70005940c7a398e4b70f3, 0xe7159475a2c29b7443b29c7fa6e889d9, 0xd097f3bdfd2022b8845ad8f792aa5825,
        0xa9f746462d870fdf8a65dc1f90e061e5, 0x70d869a156d2a1b890bb3df62baf32f7, 0x31be135f97d08fd981231505542fcfa6,
        0x9aa508b5b7a84e1c677de54f3e99bc9, 0x5d6af8dedb81196699c329225ee604, 0x2216e584f5fa1ea926041bedfe98,
        0x48a170391f7dc42444e8fa2
    )

    /// getSqrtRatioAtTick: sqrt(1.0001^tick) * 2^96 as Q64.96, rounded up (TickMath.sol; reverts "T" past MAX_TICK).
    public static func sqrtRatio(atTick tick: Int32) throws(V3Error) -> U256 {
        let absTick = tick.magnitude
        guard absTick <= UInt32(maxTick) else { throw .tickOutOfRange(tick: tick) }
        // `ratio` is a Q128.128 below 2^128 once any factor applied; `isOne` stands for the initial 2^128.
        var isOne = absTick & 1 == 0
        var ratio: UInt128 = isOne ? 0 : 0xfffcb933bd6fad37aa2d162d1a594001
        withUnsafeBytes(of: factors) { raw in
            let f = raw.bindMemory(to: UInt128.self)
            var bits = absTick >> 1
            var i = 0
            while bits != 0 {
                if bits & 1 != 0 {
                    if isOne {
                        ratio = f[i]
                        isOne = false
                    } else {
                        ratio = ratio.multipliedFullWidth(by: f[i]).high
                    }
                }
                bits >>= 1
                i += 1
            }
        }
        var wide = isOne ? U256.one << 128 : U256(ratio)
        if tick > 0 { wide = U256.max / wide }
        // Shift Q128.128 to Q128.96, rounding up so getTickAtSqrtRatio(getSqrtRatioAtTick(t)) == t.
        return (wide >> 32) &+ (wide.w.0 & 0xffff_ffff == 0 ? .zero : .one)
    }

    /// getTickAtSqrtRatio: the greatest tick whose ratio is <= sqrtPriceX96 (TickMath.sol; reverts "R").
    public static func tick(atSqrtRatio sqrtPriceX96: U256) throws(V3Error) -> Int32 {
        guard sqrtPriceX96 >= minSqrtRatio, sqrtPriceX96 < maxSqrtRatio else {
            throw .sqrtRatioOutOfRange(sqrtPriceX96: sqrtPriceX96)
        }
        let ratio = sqrtPriceX96 << 32
        let msb = 255 - ratio.leadingZeroBitCount
        var r = msb >= 128 ? ratio >> (msb - 127) : ratio << (127 - msb)
        // log_2 as a signed Q64.64 (the contract's int256 arithmetic; two's complement in U256 bits).
        var log2 = I256(Int64(msb) - 128) << 64
        var shift = 63
        while shift >= 50 {
            r = (r &* r) >> 127
            let f = Int(truncatingIfNeeded: (r >> 128).w.0)
            log2 = I256(bits: log2.bits | (U256(UInt64(f)) << shift))
            r = r >> f
            shift -= 1
        }
        // 255738958999603826347141 = 2^64 / log2(sqrt(1.0001)) as Q22.64 (TickMath.sol).
        let logSqrt10001 = log2 &* I256(bits: U256(limbs: (0xa301d71055774c85, 0x3627, 0, 0)))
        let tickLow = Int32(truncatingIfNeeded: Self.sarToInt(logSqrt10001 &- Self.lowOffset, 128))
        let tickHi = Int32(truncatingIfNeeded: Self.sarToInt(logSqrt10001 &+ Self.highOffset, 128))
        if tickLow == tickHi { return tickLow }
        return try sqrtRatio(atTick: tickHi) <= sqrtPriceX96 ? tickHi : tickLow
    }

    /// 3402992956809132418596140100660247210 (TickMath.sol tickLow offset).
    static let lowOffset = I256(bits: U256(limbs: (0x5af012a19d003aaa, 0x028f6481ab7f045a, 0, 0)))
    /// 291339464771989622907027621153398088495 (TickMath.sol tickHi offset).
    static let highOffset = I256(bits: U256(limbs: (0x455e260799a0632f, 0xdb2df09e81959a81, 0, 0)))

    /// The low 64 bits of an arithmetic right shift (the value fits int24 after the shift).
    @inline(__always)
    static func sarToInt(_ v: I256, _ s: Int) -> Int64 {
        Int64(bitPattern: (v >> s).bits.w.0)
    }
}
