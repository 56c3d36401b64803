import Execution
import Primitives

/// `defi register-strategy` / `defi deploy executor`: the owner transactions (steps) and the registry entries.
struct RegistryReportView: Report {
    let report: RegistryReport

    struct StepView: Encodable {
        var action: String
        var to: String?
        var contract: String?
        var status: String
        var txHash: String?
        var gas: UInt64?
        var note: String?

        enum CodingKeys: String, CodingKey {
            case action, to, contract, status, gas, note
            case txHash = "tx_hash"
        }
    }

    struct EntryView: Encodable {
        var name: String?
        var id: String
        var onChain: String?
        var recorded: String?
        var status: String
        var lastEventBlock: UInt64?

        enum CodingKeys: String, CodingKey {
            case name, id, recorded, status
            case onChain = "on_chain", lastEventBlock = "last_event_block"
        }
    }

    enum CodingKeys: String, CodingKey {
        case action, executor, steps, strategies, deployed
        case chainID = "chain_id", dryRun = "dry_run", configWritten = "config_written"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(report.action, forKey: .action)
        try c.encode(report.executor.checksummed, forKey: .executor)
        try c.encode(report.chainID, forKey: .chainID)
        try c.encode(report.dryRun, forKey: .dryRun)
        try c.encode(steps, forKey: .steps)
        try c.encode(entries, forKey: .strategies)
        try c.encode(report.deployed.mapValues(\.checksummed), forKey: .deployed)
        try c.encodeIfPresent(report.configWritten, forKey: .configWritten)
    }

    var steps: [StepView] {
        report.steps.map {
            StepView(
                action: $0.action, to: $0.to?.checksummed, contract: $0.contract?.checksummed, status: $0.status,
                txHash: $0.txHash?.description, gas: $0.gas, note: $0.note)
        }
    }

    var entries: [EntryView] {
        report.entries.map {
            EntryView(
                name: $0.name, id: $0.id.description, onChain: $0.onChain?.checksummed,
                recorded: $0.recorded, status: $0.status, lastEventBlock: $0.lastEventBlock)
        }
    }

    var columns: [String] { ["name", "id", "on_chain", "recorded", "status"] }

    var rows: [[String]] {
        entries.map { [$0.name ?? "", $0.id, $0.onChain ?? "", $0.recorded ?? "", $0.status] }
    }

    func humanText(style: TextStyle) -> String {
        var text =
            "\(report.action)\(report.dryRun ? " (dry run)" : "") on executor \(report.executor) (chain \(report.chainID))\n"
        for (name, address) in report.deployed.sorted(by: { $0.key < $1.key }) {
            text += "deployed \(name) at \(address)\n"
        }
        if !steps.isEmpty {
            text += Table(
                columns: ["step", "contract", "status", "gas", "tx"],
                rows: steps.map { s in
                    [
                        s.action, s.to ?? s.contract ?? "-", s.status + (s.note.map { " (\($0))" } ?? ""),
                        s.gas.map(String.init) ?? "-", s.txHash ?? "-",
                    ]
                }
            ).aligned(style: style)
        }
        if report.entries.isEmpty {
            if report.action == "list" { text += "no strategies registered\n" }
        } else {
            text += Table(
                columns: ["name", "id", "on-chain", "history", "status"],
                rows: entries.map { e in
                    [e.name ?? "?", String(e.id.prefix(10)) + "…", e.onChain ?? "-", e.recorded ?? "-", e.status]
                }
            ).aligned(style: style)
        }
        return text
    }
}
