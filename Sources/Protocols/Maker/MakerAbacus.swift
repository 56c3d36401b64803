import Primitives

/// A Clipper price curve (`src/abaci.sol`, makerdao/dss); every price is a ray.
public enum MakerAbacus: Hashable, Sendable {
    /// `LinearDecrease`: `rmul(top, (tau - dur) * RAY / tau)`, zero once `dur >= tau`.
    case linearDecrease(tau: U256)
    /// `StairstepExponentialDecrease`: `rmul(top, rpow(cut, dur / step, RAY))`.
    case stairstepExponentialDecrease(step: U256, cut: U256)
    /// `ExponentialDecrease`: `rmul(top, rpow(cut, dur, RAY))`.
    case exponentialDecrease(cut: U256)

    /// The auction price `dur` seconds after `tic`, from the starting price `top` (Abacus.price).
    public func price(top: U256, dur: U256) throws(MakerError) -> U256 {
        switch self {
        case .linearDecrease(let tau):
            if dur >= tau { return .zero }
            return try MakerMath.rmul(top, try MakerMath.mul(tau - dur, MakerMath.ray) / tau)
        case .stairstepExponentialDecrease(let step, let cut):
            guard !step.isZero else { throw .overflow(operation: "dur / step (division by zero)") }
            return try MakerMath.rmul(top, try MakerMath.rpow(cut, dur / step, MakerMath.ray))
        case .exponentialDecrease(let cut):
            return try MakerMath.rmul(top, try MakerMath.rpow(cut, dur, MakerMath.ray))
        }
    }
}
