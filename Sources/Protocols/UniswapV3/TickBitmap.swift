// Finding the next initialized tick, ported from v3-core contracts/libraries/TickBitmap.sol (and BitMath.sol's
// mostSignificantBit / leastSignificantBit).
import Primitives

/// v3-core TickBitmap.sol: 256 compressed ticks per word, word index = compressed >> 8.
public enum TickBitmap {
    /// tick / tickSpacing rounded toward −∞ (TickBitmap.sol: `if (tick < 0 && tick % tickSpacing != 0) compressed--`).
    @inline(__always)
    public static func compress(_ tick: Int32, tickSpacing: Int32) -> Int32 {
        var c = tick / tickSpacing
        if tick < 0 && tick % tickSpacing != 0 { c -= 1 }
        return c
    }

    /// TickBitmap.position: (int16(compressed >> 8), uint8(compressed % 256)), both floor-based for negatives.
    @inline(__always)
    public static func position(_ compressed: Int32) -> (wordPosition: Int16, bitPosition: UInt8) {
        (Int16(truncatingIfNeeded: compressed >> 8), UInt8(truncatingIfNeeded: compressed))
    }

    /// The bitmap word nextInitializedTickWithinOneWord reads for this search (compressed, or compressed + 1 when
    /// searching right).
    @inline(__always)
    public static func wordPosition(tick: Int32, tickSpacing: Int32, lte: Bool) -> Int16 {
        let c = compress(tick, tickSpacing: tickSpacing)
        return position(lte ? c : c + 1).wordPosition
    }

    /// TickBitmap.nextInitializedTickWithinOneWord given the word at `wordPosition(tick:tickSpacing:lte:)`: the
    /// nearest initialized tick at or left of `tick` (lte) or right of it, else that word's boundary tick.
    public static func nextInitializedTickWithinOneWord(
        tick: Int32, tickSpacing: Int32, lte: Bool, word: U256
    ) -> (next: Int32, initialized: Bool) {
        let compressed = compress(tick, tickSpacing: tickSpacing)
        if lte {
            let bitPos = Int32(position(compressed).bitPosition)
            // All bits at or right of bitPos: (1 << bitPos) - 1 + (1 << bitPos).
            let mask = bitPos == 255 ? U256.max : (U256.one << Int(bitPos + 1)) &- .one
            let masked = word & mask
            if masked.isZero { return ((compressed - bitPos) * tickSpacing, false) }
            let msb = Int32(255 - masked.leadingZeroBitCount)
            return ((compressed - (bitPos - msb)) * tickSpacing, true)
        }
        let bitPos = Int32(position(compressed + 1).bitPosition)
        // All bits at or left of bitPos: ~((1 << bitPos) - 1).
        let mask = ~((U256.one << Int(bitPos)) &- .one)
        let masked = word & mask
        if masked.isZero { return ((compressed + 1 + (255 - bitPos)) * tickSpacing, false) }
        let lsb = Int32(masked.trailingZeroBitCount)
        return ((compressed + 1 + (lsb - bitPos)) * tickSpacing, true)
    }
}
