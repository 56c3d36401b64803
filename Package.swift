// swift-tools-version:6.1
// defi: a toolkit for DeFi operators on EVM chains.
// Layers import downward only (see ../shared/ARCHITECTURE.md):
//   defi (executable) > Analytics > Execution > Strategies > Validation > Protocols > DeFiCore > Chain > History
//   > Keystore > Primitives > C shims (CSecp256k1, CCurl, CSQLite).
import PackageDescription

let package = Package(
    name: "defi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "defi", targets: ["defi"]),
        .library(name: "Primitives", targets: ["Primitives"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/attaswift/BigInt.git", from: "6.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // C shims: only one Swift file per library imports each of these.
        .systemLibrary(name: "CSecp256k1", pkgConfig: "libsecp256k1", providers: [.apt(["libsecp256k1-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        // Ethereum primitives: U256/I256, Keccak-256, hex, Address, RLP, ABI, units, secp256k1, transactions.
        .target(name: "Primitives", dependencies: ["CSecp256k1"]),
        // Web3 Secret Storage v3 keystores (scrypt / PBKDF2, AES-128-CTR, keccak MAC).
        .target(
            name: "Keystore",
            dependencies: [
                "Primitives",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]),
        .target(name: "Chain", dependencies: ["Primitives", "Keystore", "CCurl", "History"]),
        .target(
            name: "History",
            dependencies: ["Primitives", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "DeFiCore",
            dependencies: ["Primitives", "Keystore", "Chain", "History", .product(name: "Yams", package: "Yams")]),
        .target(name: "Protocols", dependencies: ["Primitives", "Chain", "DeFiCore"]),
        .target(name: "Validation", dependencies: ["Primitives", "Chain", "DeFiCore", "Protocols"]),
        .target(
            name: "Strategies",
            dependencies: [
                "Primitives", "History", "Chain", "DeFiCore", "Protocols", "Validation",
            ]),
        .target(
            name: "Execution",
            dependencies: [
                "Primitives", "History", "Chain", "DeFiCore", "Protocols", "Validation", "Strategies",
            ]),
        .target(name: "Analytics", dependencies: ["Primitives", "History", "DeFiCore", "Execution"]),
        // Every target lists every module it imports, not only the layer below: a module reached only transitively
        // is not tracked by the incremental build, so a layout change there (a new stored property, a new enum
        // case) left a stale, crashing `defi` until its build directory was removed.
        .executableTarget(
            name: "defi",
            dependencies: [
                "Primitives", "History", "Chain", "DeFiCore", "Protocols", "Validation", "Strategies", "Execution",
                "Analytics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Release-built benchmarks; peers (BigInt) run in the same process.
        .executableTarget(
            name: "defi-bench",
            dependencies: [
                "Primitives", "Keystore", "History", "Chain", "DeFiCore", "Protocols", "Strategies", "Analytics",
                .product(name: "BigInt", package: "BigInt"),
            ]),

        // RPC benchmark (scripts/bench-rpc): 1,000 reserve reads single vs batch vs Multicall3.
        .executableTarget(name: "chain-bench", dependencies: ["Chain", "Primitives"], path: "Sources/ChainBench"),

        // Test helper: sends one intent and can `_exit` after journaling or after broadcast; reserves nonces.
        .executableTarget(name: "chain-crash-probe", dependencies: ["Chain", "History", "Primitives"], path: "Sources/ChainCrashProbe"),

        // Shared test helpers: fixture and oracle loading, a deterministic RNG.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PrimitivesTests", dependencies: ["Primitives", "TestSupport"]),
        .testTarget(name: "KeystoreTests", dependencies: ["Primitives", "Keystore", "TestSupport"]),
        .testTarget(name: "HistoryTests", dependencies: ["Primitives", "History"]),
        .testTarget(name: "DeFiCoreTests", dependencies: ["Primitives", "Chain", "DeFiCore", "History", "TestSupport"]),
        .testTarget(
            name: "ProtocolsTests",
            dependencies: [
                "Primitives", "Chain", "DeFiCore", "Protocols", "TestSupport",
            ]),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "DeFiCore", "History", "Chain", "Primitives"]),
        .testTarget(
            name: "ExecutionTests",
            dependencies: [
                "Primitives", "History", "Chain", "DeFiCore", "Protocols", "Strategies", "Execution", "TestSupport",
            ]),
        .testTarget(
            name: "ValidationTests",
            dependencies: [
                "Primitives", "DeFiCore", "Protocols", "Validation", "TestSupport",
            ]),
        .testTarget(
            name: "StrategiesTests",
            dependencies: [
                "Primitives", "History", "Chain", "DeFiCore", "Protocols", "Strategies", "Validation", "TestSupport",
            ]),
        // Golden tests of the built `defi` binary (human and --json forms).
        .testTarget(name: "CLITests", dependencies: ["Primitives", "TestSupport"]),
        .testTarget(name: "ChainTests", dependencies: ["Primitives", "Keystore", "Chain", "TestSupport"]),
        // Flashbots bundle signing and shapes, Tenderly request/response shapes, registry calldata.
        .testTarget(name: "MEVTests", dependencies: ["Primitives", "Chain", "DeFiCore", "Execution", "TestSupport"]),
        // Statistical arbitrage and the token behaviour probe (pure parts; the devnet parts are in IntegrationTests).
        .testTarget(
            name: "StatArbTests",
            dependencies: [
                "Primitives", "DeFiCore", "Protocols", "Strategies", "Validation", "History", "TestSupport",
            ]),
        // Needs the devnet (DEVNET_RPC_URL, DEVNET_DEPLOYMENT); disabled with a message when absent.
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "Primitives", "Chain", "History", "DeFiCore", "Protocols", "Validation", "Strategies", "Execution",
                "Analytics", "TestSupport",
            ],
            exclude: ["fault_proxy.py"]),
    ]
)
