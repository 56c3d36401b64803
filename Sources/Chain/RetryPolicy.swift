/// Exponential backoff with jitter for transient RPC failures; pure so the schedule is testable.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all (the first try included).
    public var maxAttempts: Int
    /// Delay before the first retry.
    public var baseDelay: Duration
    /// Upper bound of any one delay.
    public var maxDelay: Duration
    /// Fraction of each delay that is randomised (0 = none, 1 = "full jitter").
    public var jitter: Double

    /// A policy; the defaults retry 4 times over about 1.5 s.
    public init(maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(2),
                jitter: Double = 0.5) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = min(max(jitter, 0), 1)
    }

    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The delay before retry number `retry` (1-based): `min(max, base * 2^(retry-1))`, of which a `jitter` share is
    /// scaled by `unit` (a random number in 0..<1), so concurrent clients do not retry in lockstep.
    public func delay(beforeRetry retry: Int, unit: Double) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let raw = Double(baseDelay.milliseconds) * Double(1 << exponent)
        let capped = min(raw, Double(maxDelay.milliseconds))
        let ms = capped * (1 - jitter) + capped * jitter * min(max(unit, 0), 1)
        return .milliseconds(Int64(ms.rounded()))
    }
}
