import Foundation
import Yams

/// Reads YAML text into a raw ``ConfigNode`` tree; the only file that touches Yams.
public enum ConfigYAML {
    /// Parses `text` (named `path` in errors); an empty document is an empty mapping.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw describe(error, path: path)
        } catch {
            throw .malformedYAML(path: path, line: nil, column: nil, problem: "\(error)")
        }
        guard let root else { return .emptyMapping }
        return try convert(root, path: path, keyPath: "")
    }

    private static func convert(_ node: Node, path: String, keyPath: String) throws(ConfigError) -> ConfigNode {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain && node.null != nil { return .null }
            return .scalar(scalar.string, quoted: scalar.style != .plain)
        case .sequence(let sequence):
            var items: [ConfigNode] = []
            for (index, item) in sequence.enumerated() {
                items.append(try convert(item, path: path, keyPath: "\(keyPath)[\(index)]"))
            }
            return .sequence(items)
        case .mapping(let mapping):
            var pairs: [ConfigNode.Pair] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw .invalidValue(
                        path: keyPath.isEmpty ? "(root)" : keyPath, expected: "plain text keys",
                        got: "a complex key", origin: nil)
                }
                let child = keyPath.isEmpty ? keyScalar.string : "\(keyPath).\(keyScalar.string)"
                pairs.append(.init(key: keyScalar.string, value: try convert(value, path: path, keyPath: child)))
            }
            return .mapping(pairs)
        case .alias:
            throw .invalidValue(
                path: keyPath.isEmpty ? "(root)" : keyPath, expected: "a value", got: "a yaml alias", origin: nil)
        }
    }

    private static func describe(_ error: YamlError, path: String) -> ConfigError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return .malformedYAML(path: path, line: mark.line, column: mark.column, problem: problem)
        case .duplicatedKeysInMapping(let duplicates, _):
            let keys = duplicates.sorted().joined(separator: ", ")
            return .malformedYAML(path: path, line: nil, column: nil, problem: "duplicate keys: \(keys)")
        default:
            let line = "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable yaml"
            return .malformedYAML(path: path, line: nil, column: nil, problem: line)
        }
    }
}
