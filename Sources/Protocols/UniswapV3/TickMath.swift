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
    public static let maxSqrtRatio = U256(limbs: (0x5d95_1d52_6398_8d26, 0xefd1_fc6a_5064_8849, 0xfffd_8963, 0))

    /// The 19 Q128 factors 1/sqrt(1.0001)^(2^i), i = 1...19 (TickMath.sol getSqrtRatioAtTick).
    @usableFromInline
    static let factors:
        (
            UInt128, UInt128, UInt128, UInt128, UInt128, UInt128, UInt128, UInt128, UInt128, UInt128,
            UInt128, UInt128, UInt128, UInt128, UInt128, UInt128, UInt128, UInt128, UInt128
        ) = (
            0xfff9_7272_373d_4132_59a4_6990_580e_213a, 0xfff2_e50f_5f65_6932_ef12_357c_f3c7_fdcc,
            0xffe5_caca_7e10_e4e6_1c36_24ea_a094_1cd0,
            0xffcb_9843_d60f_6159_c9db_5883_5c92_6644, 0xff97_3b41_fa98_c081_472e_6896_dfb2_54c0,
            0xff2e_a164_66c9_6a38_43ec_78b3_26b5_2861,
            0xfe5d_ee04_6a99_a2a8_11c4_61f1_969c_3053, 0xfcbe_86c7_900a_88ae_dcff_c83b_479a_a3a4,
            0xf987_a725_3ac4_1317_6f2b_074c_f781_5e54,
            0xf339_2b08_22b7_0005_940c_7a39_8e4b_70f3, 0xe715_9475_a2c2_9b74_43b2_9c7f_a6e8_89d9,
            0xd097_f3bd_fd20_22b8_845a_d8f7_92aa_5825,
            0xa9f7_4646_2d87_0fdf_8a65_dc1f_90e0_61e5, 0x70d8_69a1_56d2_a1b8_90bb_3df6_2baf_32f7,
            0x31be_135f_97d0_8fd9_8123_1505_542f_cfa6,
            0x9aa_508b_5b7a_84e1_c677_de54_f3e9_9bc9, 0x5d_6af8_dedb_8119_6699_c329_225e_e604,
            0x2216_e584_f5fa_1ea9_2604_1bed_fe98,
            0x48a_1703_91f7_dc42_444e_8fa2
        )

    /// getSqrtRatioAtTick: sqrt(1.0001^tick) * 2^96 as Q64.96, rounded up (TickMath.sol; reverts "T" past MAX_TICK).
    public static func sqrtRatio(atTick tick: Int32) throws(V3Error) -> U256 {
        let absTick = tick.magnitude
        guard absTick <= UInt32(maxTick) else { throw .tickOutOfRange(tick: tick) }
        // `ratio` is a Q128.128 below 2^128 once any factor applied; `isOne` stands for the initial 2^128.
        var isOne = absTick & 1 == 0
        var ratio: UInt128 = isOne ? 0 : 0xfffc_b933_bd6f_ad37_aa2d_162d_1a59_4001
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
        let logSqrt10001 = log2 &* I256(bits: U256(limbs: (0xa301_d710_5577_4c85, 0x3627, 0, 0)))
        let tickLow = Int32(truncatingIfNeeded: Self.sarToInt(logSqrt10001 &- Self.lowOffset, 128))
        let tickHi = Int32(truncatingIfNeeded: Self.sarToInt(logSqrt10001 &+ Self.highOffset, 128))
        if tickLow == tickHi { return tickLow }
        return try sqrtRatio(atTick: tickHi) <= sqrtPriceX96 ? tickHi : tickLow
    }

    /// 3402992956809132418596140100660247210 (TickMath.sol tickLow offset).
    static let lowOffset = I256(bits: U256(limbs: (0x5af0_12a1_9d00_3aaa, 0x028f_6481_ab7f_045a, 0, 0)))
    /// 291339464771989622907027621153398088495 (TickMath.sol tickHi offset).
    static let highOffset = I256(bits: U256(limbs: (0x455e_2607_99a0_632f, 0xdb2d_f09e_8195_9a81, 0, 0)))

    /// The low 64 bits of an arithmetic right shift (the value fits int24 after the shift).
    @inline(__always)
    static func sarToInt(_ v: I256, _ s: Int) -> Int64 {
        Int64(bitPattern: (v >> s).bits.w.0)
    }
}
