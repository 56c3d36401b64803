// Typed calls of Uniswap V2 pairs, factories and routers (v2-core UniswapV2Pair.sol / UniswapV2Factory.sol,
// v2-periphery UniswapV2Router02.sol).
import Primitives

/// UniswapV2Pair.getReserves() → (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast).
public struct V2GetReserves: ContractCall {
    /// The signature.
    public static let signature = "getReserves()"
    /// 0x0902f1ac.
    public static let selector = Selector(rawValue: 0x0902_f1ac)
    /// No arguments.
    public var arguments: [UInt8] { [] }
    /// A call value.
    public init() {}
    /// (reserve0, reserve1, blockTimestampLast).
    public static func decode(_ data: [UInt8]) throws(CallDecodingError) -> (
        reserve0: U256, reserve1: U256, timestamp: UInt32
    ) {
        let w = try ABIWords(data, function: signature, count: 3)
        return (try w.uint(0, bits: 112), try w.uint(1, bits: 112), UInt32(try w.small(2, bits: 32)))
    }
}

/// UniswapV2Pair.token0() → address.
public struct V2Token0: ContractCall {
    /// The signature.
    public static let signature = "token0()"
    /// 0x0dfe1681.
    public static let selector = Selector(rawValue: 0x0dfe_1681)
    /// No arguments.
    public var arguments: [UInt8] { [] }
    /// A call value.
    public init() {}
    /// token0.
    public static func decode(_ data: [UInt8]) throws(CallDecodingError) -> Address {
        try ABIWords(data, function: signature, count: 1).address(0)
    }
}

/// UniswapV2Pair.token1() → address.
public struct V2Token1: ContractCall {
    /// The signature.
    public static let signature = "token1()"
    /// 0xd21220a7.
    public static let selector = Selector(rawValue: 0xd212_20a7)
    /// No arguments.
    public var arguments: [UInt8] { [] }
    /// A call value.
    public init() {}
    /// token1.
    public static func decode(_ data: [UInt8]) throws(CallDecodingError) -> Address {
        try ABIWords(data, function: signature, count: 1).address(0)
    }
}

/// UniswapV2Factory.getPair(address,address) → pair (zero when none).
public struct V2GetPair: ContractCall {
    /// The signature.
    public static let signature = "getPair(address,address)"
    /// 0xe6a43905.
    public static let selector = Selector(rawValue: 0xe6a4_3905)
    /// One token.
    public var tokenA: Address
    /// The other token.
    public var tokenB: Address
    /// A call value.
    public init(tokenA: Address, tokenB: Address) {
        self.tokenA = tokenA
        self.tokenB = tokenB
    }
    /// The two address words.
    public var arguments: [UInt8] { tokenA.abiWord + tokenB.abiWord }
    /// The pair address (zero when the factory has none).
    public static func decode(_ data: [UInt8]) throws(CallDecodingError) -> Address {
        try ABIWords(data, function: signature, count: 1).address(0)
    }
}

/// Decodes a dynamic `uint256[]` return value (offset, length, items).
func decodeUIntArray(_ data: [UInt8], function: String) throws(CallDecodingError) -> [U256] {
    let head = try ABIWords(data, function: function, count: 2)
    guard let offset = head.uint(0).uint64, offset % 32 == 0, offset <= UInt64(data.count) else {
        throw CallDecodingError(function: function, reason: "bad array offset")
    }
    let at = Int(offset) / 32
    let lenWords = try ABIWords(data, function: function, count: at + 1)
    guard let n = lenWords.uint(at).uint64, n <= 1024 else {
        throw CallDecodingError(function: function, reason: "bad array length")
    }
    let all = try ABIWords(data, function: function, count: at + 1 + Int(n))
    return (0..<Int(n)).map { all.uint(at + 1 + $0) }
}

/// Encodes `(uint256, address[])` as routers take it.
func encodeAmountAndPath(_ amount: U256, _ path: [Address]) -> [UInt8] {
    var out = amount.bigEndianBytes + U256(64).bigEndianBytes + U256(UInt64(path.count)).bigEndianBytes
    for a in path { out += a.abiWord }
    return out
}

/// UniswapV2Router02.getAmountsOut(uint256,address[]) → uint256[] (executed on chain with the pairs' reserves).
public struct V2GetAmountsOut: ContractCall {
    /// The signature.
    public static let signature = "getAmountsOut(uint256,address[])"
    /// 0xd06ca61f.
    public static let selector = Selector(rawValue: 0xd06c_a61f)
    /// The input amount.
    public var amountIn: U256
    /// The token path.
    public var path: [Address]
    /// A call value.
    public init(amountIn: U256, path: [Address]) {
        self.amountIn = amountIn
        self.path = path
    }
    /// (amountIn, path).
    public var arguments: [UInt8] { encodeAmountAndPath(amountIn, path) }
    /// Amounts along the path.
    public static func decode(_ data: [UInt8]) throws(CallDecodingError) -> [U256] {
        try decodeUIntArray(data, function: signature)
    }
}

/// UniswapV2Router02.getAmountsIn(uint256,address[]) → uint256[].
public struct V2GetAmountsIn: ContractCall {
    /// The signature.
    public static let signature = "getAmountsIn(uint256,address[])"
    /// 0x1f00ca74.
    public static let selector = Selector(rawValue: 0x1f00_ca74)
    /// The output amount wanted.
    public var amountOut: U256
    /// The token path.
    public var path: [Address]
    /// A call value.
    public init(amountOut: U256, path: [Address]) {
        self.amountOut = amountOut
        self.path = path
    }
    /// (amountOut, path).
    public var arguments: [UInt8] { encodeAmountAndPath(amountOut, path) }
    /// Amounts along the path.
    public static func decode(_ data: [UInt8]) throws(CallDecodingError) -> [U256] {
        try decodeUIntArray(data, function: signature)
    }
}
