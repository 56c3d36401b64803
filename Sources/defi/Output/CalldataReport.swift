import DeFiCore
import Primitives

/// `defi abi encode`: the 0x-hex line for humans; data, signature and selector in JSON.
struct CalldataReport: Report {
    var result: ABIEncodeResult

    var fields: Fields {
        Fields([
            ("data", .string(Hex.encode(result.data))), ("signature", .string(result.signature)),
            ("selector", .text(result.selector?.description)),
        ])
    }

    func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }
    var columns: [String] { fields.columns }
    var rows: [[String]] { [fields.row] }
    func humanText(style: TextStyle) -> String { Hex.encode(result.data) + "\n" }
}
