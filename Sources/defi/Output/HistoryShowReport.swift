import DeFiCore

/// `defi history show`: every column of one record as `key  value` lines; the same object in JSON.
struct HistoryShowReport: Report {
    var record: HistoryRecord

    func encode(to encoder: any Encoder) throws { try HistoryRecordView.detail(record).encode(to: encoder) }
    var columns: [String] { HistoryRecordView.detail(record).columns }
    var rows: [[String]] { [HistoryRecordView.detail(record).row] }
    func humanText(style: TextStyle) -> String { HistoryRecordView.detail(record).aligned }
}
