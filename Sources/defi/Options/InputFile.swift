import DeFiCore
import Foundation

/// Reads a file argument, `-` meaning stdin; an unreadable file is an error naming the path (exit 2).
enum InputFile {
    static func read(_ path: String) throws -> String {
        if path == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UtilityError(code: "unreadable_file", message: "cannot read \(path)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
