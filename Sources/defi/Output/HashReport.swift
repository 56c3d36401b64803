/// One hash: the bare 0x-hex line for humans (like `cast keccak`), `{"hash": …}` in JSON.
struct HashReport: Report {
    var hash: String

    var columns: [String] { ["hash"] }
    var rows: [[String]] { [[hash]] }
    func humanText(style: TextStyle) -> String { hash + "\n" }
}
