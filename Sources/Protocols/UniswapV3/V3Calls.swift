// Typed calls of Uniswap V3 pools, the factory and QuoterV2 (v3-core UniswapV3Pool.sol / UniswapV3Factory.sol,
// v3-periphery contracts/lens/QuoterV2.sol).
import Primitives

/// UniswapV3Pool.slot0() → (uint160 sqrtPriceX96, int24 tick, uint16, uint16, uint16, uint8 feeProtocol, bool unlocked).
public struct V3Slot0: ContractCall {
    /// slot0's fields a swap reads.
    public struct Output: Sendable, Equatable {
        /// sqrtPriceX96.
        public var sqrtPriceX96: U256
        /// The current tick.
        public var tick: Int32
        /// The protocol fee nibbles.
        public var feeProtocol: UInt8
        /// The reentrancy lock (false mid-call).
        public var unlocked: Bool
    }
    /// The signature.
    public static let signature = "slot0()"
    /// 0x3850c7bd.
    public static let selector = Selector(rawValue: 0x3850_c7bd)
    /// No arguments.
    public var arguments: [UInt8] { [] }
    /// A call value.
    public init() {}
    /// The swap-relevant fields.
    public static func decode(_ data: [UInt8]) throws(CallDecodingError) -> Output {
        let w = try ABIWords(data, function: signature, count: 7)
        return Output(
            sqrtPriceX96: try w.uint(0, bits: 160), tick: Int32(try w.int128(1, bits: 24)),
            feeProtocol: UInt8(try w.small(5, bits: 8)), unlocked: try w.bool(6))
    }
}

/// UniswapV3Pool.liquidity() → uint128.
public struct V3Liquidity: ContractCall {
    /// The signature.
    public static let signature = "liquidity()"
    /// 0x1a686502.
    public static let selector = Selector(rawValue: 0x1a68_6502)
    /// No arguments.
    public var arguments: [UInt8] { [] }
    /// A call value.
    public init() {}
    /// The in-range liquidity.
    public static func decode(_ data: [UInt8]) throws(CallDecodingError) -> UInt128 {
        let v = try ABIWords(data, function: signature, count: 1).uint(0, bits: 128)
        return UInt128(v.w.1) << 64 | UInt128(v.w.0)
    }
}

/// UniswapV3Pool.fee() → uint24.
public struct V3Fee: ContractCall {
    /// The signature.
    public static let signature = "fee()"
    /// 0xddca3f43.
    public static let selector = Selector(rawValue: 0xddca_3f43)
    /// No arguments.
    public var arguments: [UInt8] { [] }
    /// A call value.
    public init() {}
    /// The fee in hundredths of a bip.
    public static func decode(_ data: [UInt8]) throws(CallDecodingError) -> UInt32 {
        UInt32(try ABIWords(data, function: signature, count: 1).small(0, bits: 24))
    }
}

/// UniswapV3Pool.tickSpacing() → int24.
public struct V3TickSpacing: ContractCall {
    /// The signature.
    public static let signature = "tickSpacing()"
    /// 0xd0c93a7c.
    public static let selector = Selector(rawValue: 0xd0c9_3a7c)
    /// No arguments.
    public var arguments: [UInt8] { [] }
    /// A call value.
    public init() {}
    /// The tick spacing.
    public static func decode(_ data: [UInt8]) throws(CallDecodingError) -> Int32 {
        Int32(try ABIWords(data, function: signature, count: 1).int128(0, bits: 24))
    }
}

/// UniswapV3Pool.tickBitmap(int16) → uint256.
public struct V3TickBitmap: ContractCall {
    /// The signature.
    public static let signature = "tickBitmap(int16)"
    /// 0x5339c296.
    public static let selector = Selector(rawValue: 0x5339_c296)
    /// The word position.
    public var wordPosition: Int16
    /// A call value.
    public init(wordPosition: Int16) { self.wordPosition = wordPosition }
    /// The sign-extended int16.
    public var arguments: [UInt8] { ABIArg.int(Int64(wordPosition)) }
    /// The bitmap word.
    public static func decode(_ data: [UInt8]) throws(CallDecodingError) -> U256 {
        try ABIWords(data, function: signature, count: 1).uint(0)
    }
}

/// UniswapV3Pool.ticks(int24) → (uint128 liquidityGross, int128 liquidityNet, …, bool initialized).
public struct V3Ticks: ContractCall {
    /// The fields a swap reads.
    public struct Output: Sendable, Equatable {
        /// liquidityGross.
        public var liquidityGross: UInt128
        /// liquidityNet.
        public var liquidityNet: Int128
        /// initialized.
        public var initialized: Bool
    }
    /// The signature.
    public static let signature = "ticks(int24)"
    /// 0xf30dba93.
    public static let selector = Selector(rawValue: 0xf30d_ba93)
    /// The tick.
    public var tick: Int32
    /// A call value.
    public init(tick: Int32) { self.tick = tick }
    /// The sign-extended int24.
    public var arguments: [UInt8] { ABIArg.int(Int64(tick)) }
    /// liquidityGross, liquidityNet, initialized.
    public static func decode(_ data: [UInt8]) throws(CallDecodingError) -> Output {
        let w = try ABIWords(data, function: signature, count: 8)
        let g = try w.uint(0, bits: 128)
        return Output(
            liquidityGross: UInt128(g.w.1) << 64 | UInt128(g.w.0), liquidityNet: try w.int128(1, bits: 128),
            initialized: try w.bool(7))
    }
}

/// UniswapV3Factory.getPool(address,address,uint24) → pool (zero when none).
public struct V3GetPool: ContractCall {
    /// The signature.
    public static let signature = "getPool(address,address,uint24)"
    /// 0x1698ee82.
    public static let selector = Selector(rawValue: 0x1698_ee82)
    /// One token.
    public var tokenA: Address
    /// The other token.
    public var tokenB: Address
    /// The fee tier.
    public var fee: UInt32
    /// A call value.
    public init(tokenA: Address, tokenB: Address, fee: UInt32) {
        self.tokenA = tokenA
        self.tokenB = tokenB
        self.fee = fee
    }
    /// (tokenA, tokenB, fee).
    public var arguments: [UInt8] { tokenA.abiWord + tokenB.abiWord + ABIArg.uint(UInt64(fee)) }
    /// The pool (zero when none).
    public static func decode(_ data: [UInt8]) throws(CallDecodingError) -> Address {
        try ABIWords(data, function: signature, count: 1).address(0)
    }
}

/// QuoterV2's answer: amount, price after, initialized ticks crossed, gas estimate.
public struct QuoterV2Output: Sendable, Equatable {
    /// amountOut (exact input) or amountIn (exact output).
    public var amount: U256
    /// The pool price after the swap.
    public var sqrtPriceX96After: U256
    /// PoolTicksCounter's count of initialized ticks crossed.
    public var initializedTicksCrossed: UInt32
    /// Gas the inner swap used.
    public var gasEstimate: U256

    static func decode(_ data: [UInt8], function: String) throws(CallDecodingError) -> QuoterV2Output {
        let w = try ABIWords(data, function: function, count: 4)
        return QuoterV2Output(
            amount: w.uint(0), sqrtPriceX96After: try w.uint(1, bits: 160),
            initializedTicksCrossed: UInt32(try w.small(2, bits: 32)), gasEstimate: w.uint(3))
    }
}

/// QuoterV2.quoteExactInputSingle((address,address,uint256,uint24,uint160)); non-view, call with eth_call only.
public struct QuoterV2ExactInputSingle: ContractCall {
    /// The signature (struct fields: tokenIn, tokenOut, amountIn, fee, sqrtPriceLimitX96).
    public static let signature = "quoteExactInputSingle((address,address,uint256,uint24,uint160))"
    /// 0xc6a5026a.
    public static let selector = Selector(rawValue: 0xc6a5_026a)
    /// The token sold.
    public var tokenIn: Address
    /// The token bought.
    public var tokenOut: Address
    /// The input.
    public var amountIn: U256
    /// The pool's fee tier.
    public var fee: UInt32
    /// The price limit (zero: none).
    public var sqrtPriceLimitX96: U256
    /// A call value.
    public init(tokenIn: Address, tokenOut: Address, amountIn: U256, fee: UInt32, sqrtPriceLimitX96: U256 = .zero) {
        self.tokenIn = tokenIn
        self.tokenOut = tokenOut
        self.amountIn = amountIn
        self.fee = fee
        self.sqrtPriceLimitX96 = sqrtPriceLimitX96
    }
    /// The static tuple, inline.
    public var arguments: [UInt8] {
        tokenIn.abiWord + tokenOut.abiWord + amountIn.bigEndianBytes + ABIArg.uint(UInt64(fee))
            + sqrtPriceLimitX96.bigEndianBytes
    }
    /// amountOut, sqrtPriceX96After, initializedTicksCrossed, gasEstimate.
    public static func decode(_ data: [UInt8]) throws(CallDecodingError) -> QuoterV2Output {
        try QuoterV2Output.decode(data, function: signature)
    }
}

/// QuoterV2.quoteExactOutputSingle((address,address,uint256,uint24,uint160)); non-view, call with eth_call only.
public struct QuoterV2ExactOutputSingle: ContractCall {
    /// The signature (struct fields: tokenIn, tokenOut, amount, fee, sqrtPriceLimitX96).
    public static let signature = "quoteExactOutputSingle((address,address,uint256,uint24,uint160))"
    /// 0xbd21704a.
    public static let selector = Selector(rawValue: 0xbd21_704a)
    /// The token sold.
    public var tokenIn: Address
    /// The token bought.
    public var tokenOut: Address
    /// The output wanted.
    public var amountOut: U256
    /// The pool's fee tier.
    public var fee: UInt32
    /// The price limit (zero: none, and the full output is required).
    public var sqrtPriceLimitX96: U256
    /// A call value.
    public init(tokenIn: Address, tokenOut: Address, amountOut: U256, fee: UInt32, sqrtPriceLimitX96: U256 = .zero) {
        self.tokenIn = tokenIn
        self.tokenOut = tokenOut
        self.amountOut = amountOut
        self.fee = fee
        self.sqrtPriceLimitX96 = sqrtPriceLimitX96
    }
    /// The static tuple, inline.
    public var arguments: [UInt8] {
        tokenIn.abiWord + tokenOut.abiWord + amountOut.bigEndianBytes + ABIArg.uint(UInt64(fee))
            + sqrtPriceLimitX96.bigEndianBytes
    }
    /// amountIn, sqrtPriceX96After, initializedTicksCrossed, gasEstimate.
    public static func decode(_ data: [UInt8]) throws(CallDecodingError) -> QuoterV2Output {
        try QuoterV2Output.decode(data, function: signature)
    }
}
