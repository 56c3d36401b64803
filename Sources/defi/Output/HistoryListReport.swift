import DeFiCore

/// `defi history list`: a table of records, newest first; `{"db": …, "records": […]}` in JSON.
struct HistoryListReport: Report {
    var path: String
    var records: [HistoryRecord]

    enum CodingKeys: String, CodingKey { case db, records }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .db)
        try c.encode(records.map(HistoryRecordView.summary), forKey: .records)
    }

    var columns: [String] {
        ["kind", "id", "created_at", "strategy", "status", "chain_id", "block_number", "net_profit", "tx_hash"]
    }
    var rows: [[String]] { records.map { HistoryRecordView.summary($0).row } }

    func humanText(style: TextStyle) -> String {
        records.isEmpty ? "no records in \(path)\n" : Table(columns: columns, rows: rows).aligned(style: style)
    }
}
