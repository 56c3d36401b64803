import DeFiCore
import Foundation
import Primitives

/// Writes the executor address into a defi.yaml (`defi.execution.flash_loan.contract_address`), creating the
/// file when absent. An existing file is parsed, changed at that one key and written back in block style
/// (comments are not kept); a file that does not parse is left alone.
public enum ConfigFileWriter {
    /// Sets `defi.execution.flash_loan.contract_address` in `path`.
    public static func setExecutor(_ executor: Address, in path: String) throws(RegistryError) {
        var tree = ConfigNode.emptyMapping
        if FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .usage("cannot read the config file \(path)")
            }
            do { tree = try ConfigYAML.parse(String(decoding: data, as: UTF8.self), path: path) } catch {
                throw .usage("not rewriting \(path): \(error)")
            }
            if case .null = tree { tree = .emptyMapping }
        }
        tree = tree.setting(
            .scalar(executor.checksummed, quoted: true), at: ["defi", "execution", "flash_loan", "contract_address"])
        var out = ""
        emit(tree, indent: "", into: &out)
        do { try out.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw .usage("cannot write the config file \(path): \(error.localizedDescription)")
        }
    }

    /// Block-style YAML of a tree (mappings and lists nested by two spaces, strings double-quoted).
    public static func emit(_ node: ConfigNode, indent: String, into out: inout String) {
        guard case .mapping(let pairs) = node else { return }
        for p in pairs {
            let key = plain(p.key) ? p.key : quoted(p.key)
            switch p.value {
            case .mapping(let inner) where !inner.isEmpty:
                out += "\(indent)\(key):\n"
                emit(p.value, indent: indent + "  ", into: &out)
            case .sequence(let items)
            where !items.isEmpty && items.allSatisfy({ if case .mapping = $0 { false } else { true } }):
                out += "\(indent)\(key):\n"
                for item in items { out += "\(indent)  - \(leaf(item))\n" }
            default:
                out += "\(indent)\(key): \(leaf(p.value))\n"
            }
        }
    }

    static func leaf(_ node: ConfigNode) -> String {
        switch node {
        case .null: return "null"
        case .scalar(let text, let wasQuoted):
            return !wasQuoted && (ExactDecimal(text) != nil || ["true", "false"].contains(text)) ? text : quoted(text)
        case .sequence(let items): return "[" + items.map(leaf).joined(separator: ", ") + "]"
        case .mapping: return "{}"
        }
    }

    static func plain(_ key: String) -> Bool {
        !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    static func quoted(_ text: String) -> String { JSONValue.string(text).description }
}
