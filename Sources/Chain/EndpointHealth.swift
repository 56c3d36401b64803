/// Health of a chain's endpoints: a failing endpoint is skipped for a cool-down; pure, the clock is passed in.
public struct EndpointHealth: Sendable, Equatable {
    /// Per-endpoint state, in configured (preference) order.
    public struct State: Sendable, Equatable {
        /// Consecutive transient failures.
        public var failures: Int = 0
        /// Skip this endpoint until this instant (nanoseconds on the caller's monotonic clock).
        public var downUntil: Int64 = .min
        /// Whether its chain id was checked.
        public var chainVerified = false
    }

    /// States, one per endpoint.
    public private(set) var states: [State]
    /// How long a failed endpoint is skipped.
    public var coolDownNanos: Int64

    /// Health for `count` endpoints.
    public init(count: Int, coolDown: Duration) {
        states = Array(repeating: State(), count: count)
        coolDownNanos = coolDown.milliseconds * 1_000_000
    }

    /// The preferred usable endpoint: the first one not cooling down, else the one whose cool-down ends first.
    public func pick(now: Int64) -> Int {
        if let i = states.firstIndex(where: { $0.downUntil <= now }) { return i }
        return states.indices.min(by: { states[$0].downUntil < states[$1].downUntil }) ?? 0
    }

    /// Whether any endpoint other than `index` is usable now.
    public func hasAlternative(to index: Int, now: Int64) -> Bool {
        states.indices.contains { $0 != index && states[$0].downUntil <= now }
    }

    /// Records a success: the endpoint is healthy again.
    public mutating func succeeded(_ i: Int) {
        states[i].failures = 0
        states[i].downUntil = .min
    }

    /// Records a transient failure: the endpoint cools down.
    public mutating func failed(_ i: Int, now: Int64) {
        states[i].failures += 1
        states[i].downUntil = now + coolDownNanos
    }

    /// Marks the chain id of endpoint `i` as checked.
    public mutating func verified(_ i: Int) { states[i].chainVerified = true }
}
