// Integer square root for constant-product and sqrt-price math.

extension U256 {
    /// floor(√self), by Newton's iteration from above (x ← (x + n/x)/2 decreases strictly until it reaches
    /// floor(√n); stop at the first step that does not decrease: Crandall & Pomerance, Algorithm 9.2.11).
    public func squareRoot() -> U256 {
        if self < U256(4) { return isZero ? .zero : .one }
        // Start at 2^ceil(bits/2) >= √n.
        var x = U256.one << ((significantBitCount + 1) / 2)
        while true {
            let y = (x + self / x) >> 1
            if y >= x { return x }
            x = y
        }
    }
}
