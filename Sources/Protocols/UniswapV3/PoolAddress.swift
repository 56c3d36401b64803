// v3-periphery contracts/libraries/PoolAddress.sol: the CREATE2 address of a pool.
import Primitives

/// v3-periphery PoolAddress.sol.
public enum V3PoolAddress {
    /// PoolAddress.POOL_INIT_CODE_HASH (Uniswap V3 mainnet deployment).
    public static let poolInitCodeHash: Hash32 =
        (try? Hash32(hex: "0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54")) ?? .zero

    /// PoolAddress.computeAddress: keccak256(0xff ‖ factory ‖ keccak256(abi.encode(token0, token1, fee)) ‖ hash),
    /// tokens sorted first (PoolAddress.getPoolKey); the salt is 96 bytes, not packed.
    public static func compute(
        factory: Address, tokenA: Address, tokenB: Address, fee: UInt32, initCodeHash: Hash32 = poolInitCodeHash
    ) throws(V3Error) -> Address {
        guard tokenA != tokenB else { throw .identicalTokens }
        let (token0, token1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA)
        var encoded = token0.abiWord + token1.abiWord
        encoded += U256(UInt64(fee & 0xff_ffff)).bigEndianBytes
        return Address.create2(deployer: factory, salt: Keccak256.hash(encoded), initCodeHash: initCodeHash)
    }
}
