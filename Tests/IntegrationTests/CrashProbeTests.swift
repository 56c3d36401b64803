import Chain
import Foundation
import History
import Primitives
import Testing

/// Runs the chain-crash-probe executable (built next to the test bundle) and collects its status and stdout.
enum Probe {
    static let binary: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var dirs = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        if let exe = Bundle.main.executableURL { dirs.append(exe.deletingLastPathComponent()) }
        dirs.append(Bundle.main.bundleURL.deletingLastPathComponent())
        dirs.append(root.appendingPathComponent(".build/debug"))
        return dirs.map { $0.appendingPathComponent("chain-crash-probe").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    struct Run: Sendable {
        var status: Int32
        var out: String
        var err: String
    }

    static func start(_ args: [String]) throws -> (Process, Pipe, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(binary, "chain-crash-probe not built"))
        p.arguments = args
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        return (p, out, err)
    }

    /// Starts every argument list at once and waits for all of them.
    static func run(_ all: [[String]]) async throws -> [Run] {
        var started: [(Process, Pipe, Pipe)] = []
        var waits: [Task<Int32, Never>] = []
        for args in all {
            let (p, out, err) = try start(args)
            let wait = AsyncStream<Int32> { c in
                p.terminationHandler = { c.yield($0.terminationStatus); c.finish() }
            }
            try p.run()
            started.append((p, out, err))
            waits.append(Task { for await s in wait { return s }; return -1 })
        }
        var runs: [Run] = []
        for (i, (_, out, err)) in started.enumerated() {
            let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            runs.append(Run(status: await waits[i].value, out: o, err: e))
        }
        return runs
    }

    static func run(_ args: [String]) async throws -> Run { try await run([args])[0] }

    static func keyHex(_ i: Int) throws -> String {
        guard case .array(let a)? = Devnet.deployment["accounts"], case .string(let k)? = a[i]["private_key"] else {
            throw RPCError.malformedReply(what: "deployment accounts", bodyPrefix: "")
        }
        return k
    }
}

/// Crash safety with real killed processes: the probe `_exit`s at a checkpoint, a second run finishes the intent.
@Suite(.enabled(if: Devnet.available, Devnet.reason)) struct CrashProbeTests {
    @Test(arguments: [("after-journal", 7), ("after-broadcast", 8)])
    func killedSenderResumesAndSendsTheIntentExactlyOnce(point: String, account: Int) async throws {
        let db = Devnet.tempPath("probe-\(point)") + ".sqlite"
        let key = try Devnet.key(account)
        let me = try Address(bytes: key.addressBytes)
        let client = try Devnet.client()
        let n0 = try await client.transactionCount(of: me, at: .pending)
        #expect(try await client.transactionCount(of: me, at: .latest) == n0)
        let intent = "probe-\(point)-\(UUID())"
        let send = ["send", "--db", db, "--rpc", Devnet.url ?? "", "--key", try Probe.keyHex(account), "--intent", intent]

        // Run 1 dies at the checkpoint: `_exit`, no cleanup.
        let crashed = try await Probe.run(send + ["--crash", point])
        #expect(crashed.status == 86, "\(crashed.err)")
        let store = try HistoryStore(path: db)
        let afterCrash = try store.transactions(chainID: 31337, sender: me.lowercaseHex)
        #expect(afterCrash.count == 1)
        let row = try #require(afterCrash.first)
        #expect(row.state == .journaled && row.nonce == n0 && row.intentKey == intent)
        #expect(try store.storedNextNonce(chainID: 31337, address: me.lowercaseHex) == n0 + 1)
        let hash = try Hash32(hex: row.hash)
        let seen = try await client.transaction(hash) != nil
        #expect(seen == (point == "after-broadcast"), "the node saw it only if the probe broadcast before dying")

        // Run 2 (a new process, same intent key) reconciles and finishes it: the same bytes, never a new nonce.
        let resumed = try await Probe.run(send)
        #expect(resumed.status == 0, "\(resumed.err)")
        #expect(resumed.out.trimmingCharacters(in: .whitespacesAndNewlines) == "\(row.hash) \(n0) included")

        // A third try in-process with the same key is answered from the journal.
        let sender = TransactionSender(client: client, signer: LocalSigner(key: key, source: "t"),
                                       journal: HistoryJournal(store: store), chainID: 31337,
                                       pollInterval: .milliseconds(50))
        let again = try await sender.send(TxIntent(key: intent, to: me, value: U256(1), gasLimit: 21_000))
        #expect(again.hash == hash && again.state == .included)

        // Exactly one transaction on chain from this account since n0, and it is the journaled one.
        #expect(try await client.transactionCount(of: me, at: .latest) == n0 + 1)
        #expect(try await client.transactionCount(of: me, at: .pending) == n0 + 1)
        let receipt = try #require(try await client.receipt(hash))
        #expect(receipt.succeeded)
        #expect(try await client.transaction(hash)?.nonce == n0)
        let rows = try store.transactions(chainID: 31337, sender: me.lowercaseHex)
        #expect(rows.count == 1)
        #expect(rows.first?.state == .included && rows.first?.includedBlock == receipt.blockNumber)
        #expect(rows.first?.receiptStatus == 1 && rows.first?.everAccepted == true)
        #expect(try store.storedNextNonce(chainID: 31337, address: me.lowercaseHex) == n0 + 1)
    }

    @Test func twoProcessesReservingOnOneFileGetDistinctConsecutiveNonces() async throws {
        let db = Devnet.tempPath("probe-reserve") + ".sqlite"
        let me = try Address(bytes: try Devnet.key(9).addressBytes)  // never sends: its pending count is fixed
        let client = try Devnet.client()
        let p0 = try await client.transactionCount(of: me, at: .pending)
        _ = try HistoryStore(path: db)  // migrate once, before the race
        let at = String(Date().timeIntervalSince1970 + 1.5)
        let args = ["reserve", "--db", db, "--rpc", Devnet.url ?? "", "--address", me.lowercaseHex, "--count", "40",
                    "--start-at", at]
        let runs = try await Probe.run([args, args])
        var all: [UInt64] = []
        for r in runs {
            #expect(r.status == 0, "\(r.err)")
            let mine = r.out.split(separator: "\n").compactMap { UInt64($0) }
            #expect(mine.count == 40)
            #expect(mine == mine.sorted(), "each process sees increasing nonces")
            all += mine
        }
        #expect(all.sorted() == Array(p0..<p0 + 80))
        #expect(try HistoryStore(path: db).storedNextNonce(chainID: 31337, address: me.lowercaseHex) == p0 + 80)
    }
}

@Suite(.enabled(if: Devnet.available, Devnet.reason)) struct NonceReleaseTests {
    @Test func refusedBeforeAnyNodeAcceptedItGivesItsNonceBack() async throws {
        let store = try HistoryStore(path: Devnet.tempPath("release") + ".sqlite")
        let key = try Devnet.key(2)
        let me = try Address(bytes: key.addressBytes)
        let client = try Devnet.client()
        let s = TransactionSender(client: client, signer: LocalSigner(key: key, source: "t"),
                                  journal: HistoryJournal(store: store), chainID: 31337, pollInterval: .milliseconds(50))
        let n0 = try await client.transactionCount(of: me, at: .pending)
        // More wei than the account holds: the node refuses it outright.
        let broke = try await s.send(TxIntent(key: "broke-\(UUID())", to: me, value: U256(10).power(30), gasLimit: 21_000))
        #expect(broke.state == .failed && broke.nonce == n0)
        #expect(try store.transaction(hash: broke.hash.description)?.state == .failed)
        #expect(try store.storedNextNonce(chainID: 31337, address: me.lowercaseHex) == n0, "no gap left")
        let ok = try await s.send(TxIntent(key: "ok-\(UUID())", to: me, value: U256(1), gasLimit: 21_000))
        #expect(ok.state == .included && ok.nonce == n0)
        #expect(try await client.transactionCount(of: me, at: .latest) == n0 + 1)
    }
}
