import Primitives

// Benchmarks land with the primitives; see scripts/bench.
print("{}")
