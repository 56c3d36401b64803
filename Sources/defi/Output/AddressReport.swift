/// An address, and for a saved keystore its name and file: the bare address line for humans.
struct AddressReport: Report {
    var address: String
    var name: String?
    var path: String?

    var fields: Fields {
        var pairs: [(String, FieldValue)] = [("address", .string(address))]
        if let name { pairs.append(("name", .string(name))) }
        if let path { pairs.append(("path", .string(path))) }
        return Fields(pairs)
    }

    func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }
    var columns: [String] { fields.columns }
    var rows: [[String]] { [fields.row] }
    func humanText(style: TextStyle) -> String { address + "\n" }
}
