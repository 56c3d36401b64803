// The state a V3 swap reads: slot0, liquidity, fee growth, the tick bitmap and each initialized tick's
// liquidityNet (v3-core contracts/UniswapV3Pool.sol storage). Built from on-chain reads at one block; the pure
// math never performs I/O.
import Primitives

/// An initialized tick and its liquidityNet (UniswapV3Pool.ticks(int24).liquidityNet; TickLens returns these).
public struct V3Tick: Equatable, Hashable, Sendable {
    /// The tick index (a multiple of the pool's tick spacing).
    public var index: Int32
    /// Liquidity added when the price crosses this tick left to right (Tick.Info.liquidityNet).
    public var liquidityNet: Int128

    /// A tick and its liquidityNet.
    public init(index: Int32, liquidityNet: Int128) {
        self.index = index
        self.liquidityNet = liquidityNet
    }
}

/// A Uniswap V3 pool's swap-relevant state at one block; swaps return a new value.
public struct V3PoolState: Equatable, Sendable {
    /// slot0.sqrtPriceX96.
    public var sqrtPriceX96: U256
    /// slot0.tick.
    public var tick: Int32
    /// The in-range liquidity (UniswapV3Pool.liquidity()).
    public var liquidity: UInt128
    /// The fee in hundredths of a bip (UniswapV3Pool.fee(), e.g. 3000 = 0.3 %).
    public let fee: UInt32
    /// UniswapV3Pool.tickSpacing().
    public let tickSpacing: Int32
    /// slot0.feeProtocol (low nibble: token0 fees, high nibble: token1 fees).
    public var feeProtocol: UInt8
    /// slot0.unlocked (false while the pool is mid-call; swaps then revert "LOK").
    public var unlocked: Bool
    /// feeGrowthGlobal0X128.
    public var feeGrowthGlobal0X128: U256
    /// feeGrowthGlobal1X128.
    public var feeGrowthGlobal1X128: U256
    /// Bitmap word positions the state knows in full; a swap needing another word throws `ranOutOfKnownTicks`.
    public let knownWords: ClosedRange<Int16>
    /// Non-zero bitmap words, sorted by position (UniswapV3Pool.tickBitmap(int16)).
    public let bitmapWordPositions: [Int16]
    /// The words at `bitmapWordPositions`.
    public let bitmapWords: [U256]
    /// Initialized ticks sorted by index.
    public let ticks: [V3Tick]

    /// Every word position a pool with this spacing can use (compress(MIN_TICK) >> 8 ... compress(MAX_TICK) >> 8).
    public static func allWords(tickSpacing: Int32) -> ClosedRange<Int16> {
        let lo = TickBitmap.position(TickBitmap.compress(TickMath.minTick, tickSpacing: tickSpacing)).wordPosition
        let hi = TickBitmap.position(TickBitmap.compress(TickMath.maxTick, tickSpacing: tickSpacing)).wordPosition
        return lo...hi
    }

    /// A state from slot0, liquidity and the initialized ticks; the bitmap is derived from the ticks, and
    /// `knownWords` (default: all words, i.e. the tick list is complete) bounds what the swap may rely on.
    public init(
        sqrtPriceX96: U256, tick: Int32, liquidity: UInt128, fee: UInt32, tickSpacing: Int32,
        ticks: [V3Tick], knownWords: ClosedRange<Int16>? = nil, feeProtocol: UInt8 = 0, unlocked: Bool = true,
        feeGrowthGlobal0X128: U256 = .zero, feeGrowthGlobal1X128: U256 = .zero
    ) throws(V3Error) {
        guard tickSpacing > 0 else { throw .invalidTick(tick: 0, tickSpacing: tickSpacing) }
        var sorted = ticks.sorted { $0.index < $1.index }
        var unique: [V3Tick] = []
        unique.reserveCapacity(sorted.count)
        for t in sorted {
            guard t.index % tickSpacing == 0, t.index >= TickMath.minTick, t.index <= TickMath.maxTick else {
                throw .invalidTick(tick: t.index, tickSpacing: tickSpacing)
            }
            // Repeated indices are summed, as two positions sharing a tick would be.
            if let last = unique.last, last.index == t.index {
                unique[unique.count - 1].liquidityNet &+= t.liquidityNet
            } else {
                unique.append(t)
            }
        }
        sorted = unique
        var positions: [Int16] = []
        var words: [U256] = []
        for t in sorted {
            let (w, b) = TickBitmap.position(t.index / tickSpacing)
            let bit = U256.one << Int(b)
            if positions.last == w {
                words[words.count - 1] |= bit
            } else {
                positions.append(w)
                words.append(bit)
            }
        }
        self.init(
            sqrtPriceX96: sqrtPriceX96, tick: tick, liquidity: liquidity, fee: fee, tickSpacing: tickSpacing,
            sortedTicks: sorted, wordPositions: positions, words: words,
            knownWords: knownWords ?? Self.allWords(tickSpacing: tickSpacing), feeProtocol: feeProtocol,
            unlocked: unlocked, feeGrowthGlobal0X128: feeGrowthGlobal0X128, feeGrowthGlobal1X128: feeGrowthGlobal1X128)
    }

    /// A state from raw reads: tickBitmap words (positions in `knownWords` absent here are zero) and the
    /// liquidityNet of each tick set in them (ticks(int24)).
    public init(
        sqrtPriceX96: U256, tick: Int32, liquidity: UInt128, fee: UInt32, tickSpacing: Int32,
        bitmap: [Int16: U256], knownWords: ClosedRange<Int16>, ticks: [V3Tick], feeProtocol: UInt8 = 0,
        unlocked: Bool = true, feeGrowthGlobal0X128: U256 = .zero, feeGrowthGlobal1X128: U256 = .zero
    ) throws(V3Error) {
        guard tickSpacing > 0 else { throw .invalidTick(tick: 0, tickSpacing: tickSpacing) }
        let entries = bitmap.filter { !$0.value.isZero }.sorted { $0.key < $1.key }
        self.init(
            sqrtPriceX96: sqrtPriceX96, tick: tick, liquidity: liquidity, fee: fee, tickSpacing: tickSpacing,
            sortedTicks: ticks.sorted { $0.index < $1.index }, wordPositions: entries.map(\.key),
            words: entries.map(\.value), knownWords: knownWords, feeProtocol: feeProtocol, unlocked: unlocked,
            feeGrowthGlobal0X128: feeGrowthGlobal0X128, feeGrowthGlobal1X128: feeGrowthGlobal1X128)
    }

    init(
        sqrtPriceX96: U256, tick: Int32, liquidity: UInt128, fee: UInt32, tickSpacing: Int32, sortedTicks: [V3Tick],
        wordPositions: [Int16], words: [U256], knownWords: ClosedRange<Int16>, feeProtocol: UInt8, unlocked: Bool,
        feeGrowthGlobal0X128: U256, feeGrowthGlobal1X128: U256
    ) {
        self.sqrtPriceX96 = sqrtPriceX96
        self.tick = tick
        self.liquidity = liquidity
        self.fee = fee
        self.tickSpacing = tickSpacing
        self.ticks = sortedTicks
        self.bitmapWordPositions = wordPositions
        self.bitmapWords = words
        self.knownWords = knownWords
        self.feeProtocol = feeProtocol
        self.unlocked = unlocked
        self.feeGrowthGlobal0X128 = feeGrowthGlobal0X128
        self.feeGrowthGlobal1X128 = feeGrowthGlobal1X128
    }

    /// The bitmap word at `position` (zero when not stored), or `ranOutOfKnownTicks` outside `knownWords`.
    public func bitmapWord(at position: Int16) throws(V3Error) -> U256 {
        guard knownWords.contains(position) else {
            throw .ranOutOfKnownTicks(wordPosition: position, known: knownWords)
        }
        var lo = 0
        var hi = bitmapWordPositions.count
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            let p = bitmapWordPositions[mid]
            if p == position { return bitmapWords[mid] }
            if p < position { lo = mid &+ 1 } else { hi = mid }
        }
        return .zero
    }

    /// The liquidityNet of an initialized tick, or `missingTick` when the state does not hold it.
    public func liquidityNet(at index: Int32) throws(V3Error) -> Int128 {
        var lo = 0
        var hi = ticks.count
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            let t = ticks[mid]
            if t.index == index { return t.liquidityNet }
            if t.index < index { lo = mid &+ 1 } else { hi = mid }
        }
        throw .missingTick(tick: index)
    }

    /// UniswapV3Pool.flash fees: mulDivRoundingUp(amount, fee, 1e6) per token; reverts "L" without liquidity.
    public func flashFees(amount0: U256, amount1: U256) throws(V3Error) -> (fee0: U256, fee1: U256) {
        guard liquidity > 0 else { throw .zeroLiquidity }
        let f = U256(UInt64(fee))
        return (
            try SqrtPriceMath.mulDivUp(amount0, f, SwapMath.million),
            try SqrtPriceMath.mulDivUp(amount1, f, SwapMath.million)
        )
    }
}
