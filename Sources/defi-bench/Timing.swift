import Foundation

/// Best-of-`repeats` nanoseconds per operation of `body`, which runs `ops` operations per call.
/// Inputs should vary per call (index with a counter) so the optimiser cannot hoist the work.
func nsPerOp(repeats: Int = 5, ops: Int, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<repeats {
        let t0 = DispatchTime.now().uptimeNanoseconds
        body()
        let t1 = DispatchTime.now().uptimeNanoseconds
        best = min(best, Double(t1 - t0) / Double(ops))
    }
    return best
}

/// Keeps a value alive so the optimiser cannot delete the work that made it.
@inline(never)
func blackHole<T>(_ x: T) { withExtendedLifetime(x) {} }
