// Errors of the Uniswap V2 pure math; each case names the revert the contract (UniswapV2Library.sol in
// v2-periphery, UniswapV2Pair.sol in v2-core) would produce.
import Primitives

/// A V2 computation the contract would revert, or an input that does not describe a pair.
public enum V2Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// amountIn is zero (UniswapV2Library.getAmountOut).
    case insufficientInputAmount
    /// amountOut is zero (UniswapV2Library.getAmountIn).
    case insufficientOutputAmount
    /// A reserve is zero (UniswapV2Library).
    case insufficientLiquidity(reserveIn: U256, reserveOut: U256)
    /// getAmountIn for an output at or above the reserve: `reserveOut - amountOut` underflows or divides by zero.
    case outputNotBelowReserve(amountOut: U256, reserveOut: U256)
    /// A SafeMath multiplication or addition overflowed 256 bits ("ds-math-mul-overflow" / "ds-math-add-overflow").
    case overflow(operation: String)
    /// A reserve or post-swap balance above uint112 (UniswapV2Pair._update, "UniswapV2: OVERFLOW").
    case reserveOverflow(value: U256)
    /// Pair.swap with both outputs zero ("UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT").
    case pairInsufficientOutputAmount
    /// Pair.swap with an output not below its reserve ("UniswapV2: INSUFFICIENT_LIQUIDITY").
    case pairInsufficientLiquidity(amountOut: U256, reserve: U256)
    /// Pair.swap that received no input ("UniswapV2: INSUFFICIENT_INPUT_AMOUNT").
    case pairInsufficientInputAmount
    /// Pair.swap whose fee-adjusted balances lower the product ("UniswapV2: K").
    case kInvariant(balanceProduct: U256, reserveProduct: U256)
    /// A path shorter than two tokens or not matching its pairs ("UniswapV2Library: INVALID_PATH").
    case invalidPath
    /// The two tokens are the same ("UniswapV2Library: IDENTICAL_ADDRESSES").
    case identicalAddresses
    /// A token is the zero address ("UniswapV2Library: ZERO_ADDRESS").
    case zeroAddress
    /// The token is neither token0 nor token1 of the pair.
    case tokenNotInPair(token: Address)
    /// token0 must sort below token1 (UniswapV2Factory.createPair).
    case unsortedTokens(token0: Address, token1: Address)
    /// A fee of 10000 bps or more.
    case invalidFee(feeBps: UInt32)

    /// The contract's revert string for this failure, when it has one.
    public var revertReason: String? {
        switch self {
        case .insufficientInputAmount: return "UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT"
        case .insufficientOutputAmount: return "UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT"
        case .insufficientLiquidity: return "UniswapV2Library: INSUFFICIENT_LIQUIDITY"
        case .outputNotBelowReserve(let out, let r): return out > r ? "ds-math-sub-underflow" : nil
        case .overflow: return "ds-math-mul-overflow"
        case .reserveOverflow: return "UniswapV2: OVERFLOW"
        case .pairInsufficientOutputAmount: return "UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT"
        case .pairInsufficientLiquidity: return "UniswapV2: INSUFFICIENT_LIQUIDITY"
        case .pairInsufficientInputAmount: return "UniswapV2: INSUFFICIENT_INPUT_AMOUNT"
        case .kInvariant: return "UniswapV2: K"
        case .invalidPath: return "UniswapV2Library: INVALID_PATH"
        case .identicalAddresses: return "UniswapV2Library: IDENTICAL_ADDRESSES"
        case .zeroAddress: return "UniswapV2Library: ZERO_ADDRESS"
        case .tokenNotInPair, .unsortedTokens, .invalidFee: return nil
        }
    }

    /// A lower-case one-line description carrying the offending values.
    public var description: String {
        switch self {
        case .insufficientInputAmount: return "amountIn is zero (UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT)"
        case .insufficientOutputAmount: return "amountOut is zero (UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT)"
        case .insufficientLiquidity(let i, let o):
            return "zero reserve: reserveIn=\(i) reserveOut=\(o) (UniswapV2Library: INSUFFICIENT_LIQUIDITY)"
        case .outputNotBelowReserve(let a, let r):
            return "amountOut \(a) is not below reserveOut \(r) (getAmountIn reverts)"
        case .overflow(let op): return "256-bit overflow in \(op) (ds-math-mul-overflow)"
        case .reserveOverflow(let v): return "balance \(v) exceeds uint112 (UniswapV2: OVERFLOW)"
        case .pairInsufficientOutputAmount: return "both outputs are zero (UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT)"
        case .pairInsufficientLiquidity(let a, let r):
            return "output \(a) is not below reserve \(r) (UniswapV2: INSUFFICIENT_LIQUIDITY)"
        case .pairInsufficientInputAmount: return "no input received (UniswapV2: INSUFFICIENT_INPUT_AMOUNT)"
        case .kInvariant(let b, let r):
            return "fee-adjusted balance product \(b) is below reserve product \(r) (UniswapV2: K)"
        case .invalidPath: return "path and pairs do not form a route (UniswapV2Library: INVALID_PATH)"
        case .identicalAddresses: return "tokens are identical (UniswapV2Library: IDENTICAL_ADDRESSES)"
        case .zeroAddress: return "token is the zero address (UniswapV2Library: ZERO_ADDRESS)"
        case .tokenNotInPair(let t): return "token \(t) is not in the pair"
        case .unsortedTokens(let a, let b): return "token0 \(a) must sort below token1 \(b)"
        case .invalidFee(let f): return "fee \(f) bps must be below 10000"
        }
    }
}
