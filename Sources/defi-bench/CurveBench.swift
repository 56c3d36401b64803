import Primitives
import Protocols

/// Curve benchmark: classic 3-coin get_dy (StableSwap3Pool.vy math) quotes per second.
enum CurveBench {
    /// The 3pool-like state shared with scripts/bench_curve_peer.py: DAI 170M, USDC 180M, USDT 80M, A = 2000.
    static func pool() -> CurveStableSwapClassic? {
        let e18 = U256(1_000_000_000_000_000_000), e6 = U256(1_000_000)
        return try? CurveStableSwapClassic(
            generation: .pool3,
            balances: [U256(170_000_000) * e18, U256(180_000_000) * e6, U256(80_000_000) * e6],
            rates: [e18, e18 * e18 / e6, e18 * e18 / e6], amp: U256(2000), fee: U256(1_000_000),
            adminFee: U256(5_000_000_000))
    }

    static func run() -> [(String, Double)] {
        guard let pool = pool() else { return [] }
        let e18 = U256(1_000_000_000_000_000_000)
        let n = 20_000
        let ns = nsPerOp(repeats: 5, ops: n) {
            for k in 0..<n {
                // DAI -> USDC, 1,000 to 1,999 DAI: the input varies so nothing is hoisted.
                let dx = U256(UInt64(1_000 + k % 1_000)) * e18
                blackHole(try? pool.getDy(i: 0, j: 1, dx: dx))
            }
        }
        return [("curve_get_dy_per_s", 1e9 / ns)]
    }
}
