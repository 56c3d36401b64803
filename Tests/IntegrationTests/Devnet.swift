import Chain
import Foundation
import Primitives
import Testing

/// The devnet the lead's scripts/test starts: DEVNET_RPC_URL and DEVNET_DEPLOYMENT.
enum Devnet {
    static let url = ProcessInfo.processInfo.environment["DEVNET_RPC_URL"]
    static let deploymentPath = ProcessInfo.processInfo.environment["DEVNET_DEPLOYMENT"]
    /// Whether integration tests can run (else they are disabled with this message).
    static let available = url != nil && deploymentPath != nil
    static let reason: Comment = "set DEVNET_RPC_URL and DEVNET_DEPLOYMENT (source devnet/env.sh after devnet/up.sh)"

    static let deployment: JSONValue = {
        guard let p = deploymentPath, let text = try? String(contentsOfFile: p, encoding: .utf8),
            let v = try? JSONValue(parsing: text)
        else { return .null }
        return v
    }()

    static func client(_ url: String? = nil, retry: RetryPolicy = RetryPolicy(), batch: Int = 100) throws -> RPCClient {
        try RPCClient(urls: [url ?? Devnet.url ?? ""], configuration: RPCConfiguration(
            expectedChainID: 31337, callTimeout: .seconds(20), totalTimeout: .seconds(60), retry: retry, maxBatchSize: batch))
    }

    static func address(_ path: String...) throws -> Address {
        var v = deployment
        for p in path { v = v[p] ?? .null }
        guard case .string(let s) = v else { throw RPCError.malformedReply(what: "deployment \(path)", bodyPrefix: "") }
        return try Address(parsing: s)
    }

    static func key(_ i: Int) throws -> PrivateKey {
        guard case .array(let a)? = deployment["accounts"], case .string(let k)? = a[i]["private_key"] else {
            throw RPCError.malformedReply(what: "deployment accounts", bodyPrefix: "")
        }
        return try PrivateKey(hex: k)
    }

    static func pools() -> [(String, Address)] {
        guard case .object(let o)? = deployment["pools"] else { return [] }
        return o.keys.sorted().compactMap { k in
            guard case .string("uniswap_v2")? = o[k]?["kind"], case .string(let a)? = o[k]?["address"],
                let addr = try? Address(parsing: a)
            else { return nil }
            return (k, addr)
        }
    }

    static func tempPath(_ name: String) -> String {
        NSTemporaryDirectory() + "defi-chain-\(name)-\(UInt32.random(in: 0...UInt32.max))"
    }
}

/// The fault-injection proxy (fault_proxy.py) in front of the devnet, for the life of a test.
final class FaultProxy: @unchecked Sendable {
    let process = Process()
    let stdin = Pipe()
    let url: String

    init() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let root = here.deletingLastPathComponent().deletingLastPathComponent()
        // The devnet venv (devnet/_venv.sh: .venv at the root) has pycryptodome for the proxy's keccak.
        let python = [".venv/bin/python", ".venv-devnet/bin/python"].map { root.appendingPathComponent($0).path }
            .first { FileManager.default.fileExists(atPath: $0) } ?? "/usr/bin/python3"
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [here.appendingPathComponent("fault_proxy.py").path, Devnet.url ?? "", "--watch-stdin"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = stdin
        try process.run()
        var line = Data()
        while true {
            let b = out.fileHandleForReading.readData(ofLength: 1)
            if b.isEmpty || b == Data("\n".utf8) { break }
            line += b
        }
        url = String(decoding: line, as: UTF8.self)
    }

    func path(_ mode: String) -> String { url + "/" + mode + "/" }

    // Children inherit a mask that blocks SIGTERM, and waitUntilExit spins off the main thread on Linux: SIGKILL
    // it; the proxy also exits when its stdin closes (if this process dies first).
    deinit { kill(process.processIdentifier, SIGKILL) }
}

/// One devnet state writer at a time in this test process: suites run in parallel on one shared devnet, and an
/// `evm_revert` of one suite's snapshot undoes (or re-points the head under) another's work in flight. Tests that
/// snapshot, send or revert should run inside `Devnet.exclusive`.
actor DevnetMutex {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func lock() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func unlock() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}

extension Devnet {
    static let mutex = DevnetMutex()

    /// Runs `body` while no other `exclusive` body of this process runs.
    static func exclusive<T>(_ body: () async throws -> T) async throws -> T {
        await mutex.lock()
        do {
            let out = try await body()
            await mutex.unlock()
            return out
        } catch {
            await mutex.unlock()
            throw error
        }
    }

    /// `body` between an `evm_snapshot` and its `evm_revert` (also when it throws), inside `exclusive`: one
    /// snapshot window at a time in this test process, and the chain as it was afterwards.
    static func withSnapshot<T>(_ body: (RPCClient) async throws -> T) async throws -> T {
        try await exclusive {
            let c = try client()
            let id = try await c.call("evm_snapshot")
            do {
                let out = try await body(c)
                _ = try await c.call("evm_revert", [id])
                return out
            } catch {
                _ = try await c.call("evm_revert", [id])
                throw error
            }
        }
    }
}
