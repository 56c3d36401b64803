// chain-crash-probe: a test helper for crash safety with a real killed process.
//
//   chain-crash-probe send --db PATH --rpc URL --key HEX --intent KEY [--crash after-journal|after-broadcast]
//     Sends one 21,000-gas self-transfer (value 1 wei) for the intent through TransactionSender with a
//     HistoryJournal at PATH. With --crash it `_exit(86)`s at that checkpoint (no cleanup, no flush), otherwise
//     prints `hash nonce state` and exits 0.
//   chain-crash-probe reserve --db PATH --rpc URL --address ADDR --count N [--start-at UNIX_SECONDS]
//     Waits until --start-at (so two probes overlap), reserves N nonces through NonceManager and prints them.
import Chain
import Foundation
import Primitives

#if canImport(Glibc)
    import Glibc
#endif

/// The crash exit status, distinct from any ordinary failure.
let crashStatus: Int32 = 86

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("chain-crash-probe: \(message)\n".utf8))
    exit(2)
}

let args = Array(CommandLine.arguments.dropFirst())
guard let mode = args.first else { fail("usage: chain-crash-probe send|reserve --db PATH --rpc URL ...") }
let options: [String: String] = stride(from: 1, to: args.count - 1, by: 2).reduce(into: [:]) { o, i in
    o[String(args[i].drop(while: { $0 == "-" }))] = args[i + 1]
}
func option(_ name: String) -> String {
    guard let v = options[name] else { fail("missing --\(name)") }
    return v
}

do {
    let journal = try HistoryJournal(path: option("db"))
    let client = try RPCClient(urls: [option("rpc")], configuration: RPCConfiguration(
        expectedChainID: 31337, callTimeout: .seconds(20), totalTimeout: .seconds(60)))
    switch mode {
    case "send":
        let key = try PrivateKey(hex: option("key"))
        let signer = LocalSigner(key: key, source: "probe")
        let crash = options["crash"]
        let sender = TransactionSender(
            client: client, signer: signer, journal: journal, chainID: 31337, receiptTimeout: .seconds(20),
            pollInterval: .milliseconds(50)
        ) { point, _ in
            switch (crash, point) {
            case ("after-journal", .journaled), ("after-broadcast", .broadcastReturned): _exit(crashStatus)
            default: break
            }
        }
        let out = try await sender.send(
            TxIntent(key: option("intent"), to: signer.address, value: U256(1), gasLimit: 21_000))
        print("\(out.hash) \(out.nonce) \(out.state.rawValue)")
    case "reserve":
        let address = try Address(parsing: option("address"))
        guard let count = Int(option("count")) else { fail("--count must be an integer") }
        if let at = options["start-at"].flatMap(Double.init) {
            let wait = at - Date().timeIntervalSince1970
            if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
        }
        let nonces = NonceManager(chainID: 31337, address: address, client: client, journal: journal)
        var got: [UInt64] = []
        for _ in 0..<count { got.append(try await nonces.reserve()) }
        print(got.map(String.init).joined(separator: "\n"))
    default:
        fail("unknown mode \(mode)")
    }
} catch {
    fail("\(error)")
}
