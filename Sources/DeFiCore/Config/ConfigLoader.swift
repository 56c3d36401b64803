import Foundation

/// What to load: an explicit file, the environment, flag overrides, and where to look for `defi.yaml`.
public struct ConfigRequest: Sendable {
    /// `--config PATH`, when given.
    public var explicitPath: String?
    /// Values from flags (`--rpc-url`, `--chain`, `--db`), which beat the environment.
    public var flags: [FlagOverride]
    /// The process environment.
    public var environment: [String: String]
    /// The directory searched for `./defi.yaml`.
    public var currentDirectory: String
    /// The home directory, for `~/.config/defi/defi.yaml`.
    public var homeDirectory: String
    /// How addresses are checked.
    public var addressRule: AddressRule

    /// A request; only `explicitPath` and `flags` usually vary.
    public init(
        explicitPath: String?, flags: [FlagOverride], environment: [String: String], currentDirectory: String,
        homeDirectory: String, addressRule: AddressRule = .eip55
    ) {
        self.explicitPath = explicitPath
        self.flags = flags
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.homeDirectory = homeDirectory
        self.addressRule = addressRule
    }
}

/// A command-line flag that sets one config key.
public struct FlagOverride: Sendable {
    /// The flag as typed, such as `--rpc-url`.
    public let flag: String
    /// The key path below `defi` it sets.
    public let keyPath: [String]
    /// The value given.
    public let value: String

    /// A flag, the key path it sets, and its value.
    public init(flag: String, keyPath: [String], value: String) {
        self.flag = flag
        self.keyPath = keyPath
        self.value = value
    }
}

/// The effective configuration: typed values, the merged raw tree, and where each leaf came from.
public struct LoadedConfig: Sendable {
    /// The validated configuration.
    public let config: DefiConfig
    /// The file read, or nil when none was found and defaults apply.
    public let file: String?
    /// The merged tree (defaults < file < env < flags), including derived values.
    public let effective: ConfigNode
    /// The source of each leaf by dotted key path (`defi.risk.var_confidence`).
    public let sources: [String: ConfigSource]
}

/// Loads `defi.yaml`, applies env and flag overrides, and validates the result.
public enum ConfigLoader {
    /// The file to read: `--config`, then `DEFI_CONFIG`, then `./defi.yaml`, then the XDG config dir.
    public static func locate(_ request: ConfigRequest) throws(ConfigError) -> String? {
        let fm = FileManager.default
        let fromEnvironment = request.environment["DEFI_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        if let explicit = request.explicitPath ?? fromEnvironment {
            guard fm.fileExists(atPath: explicit) else { throw .fileNotFound(path: explicit) }
            return explicit
        }
        let xdg = request.environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "\(request.homeDirectory)/.config"
        let candidates = ["\(request.currentDirectory)/defi.yaml", "\(xdg)/defi/defi.yaml"]
        return candidates.first { fm.fileExists(atPath: $0) }
    }

    /// Loads the effective configuration for `request`.
    public static func load(_ request: ConfigRequest) throws(ConfigError) -> LoadedConfig {
        let file = try locate(request)
        var fileTree = ConfigNode.emptyMapping
        if let file {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw .unreadable(path: file, reason: "not readable utf-8 text")
            }
            fileTree = try ConfigYAML.parse(text, path: file)
        }
        return try merge(file: file, tree: fileTree, request: request)
    }

    /// Merges defaults, a parsed file tree, env and flags, then validates.
    public static func merge(file: String?, tree fileTree: ConfigNode, request: ConfigRequest) throws(ConfigError)
        -> LoadedConfig
    {
        var sources: [String: ConfigSource] = [:]
        var origins: [String: String] = [:]
        var tree = ConfigNode.emptyMapping
        func apply(_ layer: ConfigNode, source: ConfigSource) {
            for path in layer.leafPaths() where !path.isEmpty {
                guard let value = layer.value(at: path) else { continue }
                tree = tree.setting(value, at: path)
                sources = sources.filter { !$0.key.hasPrefix(path.joined(separator: ".") + ".") }
                sources[path.joined(separator: ".")] = source
            }
        }
        apply(ConfigDefaults.node, source: .defaultValue)
        // A non-mapping file root is reported by the validator with its path.
        if case .mapping = fileTree { apply(fileTree, source: .file) } else { tree = fileTree }
        for env in EnvironmentOverride.all {
            guard let value = request.environment[env.variable], !value.isEmpty else { continue }
            let path = ["defi"] + env.keyPath
            tree = tree.setting(.scalar(value, quoted: false), at: path)
            sources[path.joined(separator: ".")] = .environment(env.variable)
            origins[path.joined(separator: ".")] = env.variable
        }
        for flag in request.flags {
            let path = ["defi"] + flag.keyPath
            tree = tree.setting(.scalar(flag.value, quoted: false), at: path)
            sources[path.joined(separator: ".")] = .flag(flag.flag)
            origins[path.joined(separator: ".")] = flag.flag
        }
        let validator = ConfigValidator(addressRule: request.addressRule, origins: origins)
        var config = try validator.validate(tree)
        // Derived values: the only configured chain is the default; its first RPC URL is the default endpoint.
        if config.chain == nil, config.chains.count == 1, let only = config.chains.keys.first {
            config.chain = only
            tree = tree.setting(.scalar(only, quoted: false), at: ["defi", "chain"])
            sources["defi.chain"] = .file
        }
        if let chain = config.chain, !config.chains.isEmpty, config.chains[chain] == nil {
            throw .invalidValue(
                path: "defi.chain", expected: "one of " + config.chains.keys.sorted().joined(separator: ", "),
                got: "\"\(chain)\"", origin: origins["defi.chain"])
        }
        if config.rpcURL == nil, let chain = config.chain, let url = config.chains[chain]?.rpcURLs.first {
            config.rpcURL = url
            tree = tree.setting(.scalar(url, quoted: true), at: ["defi", "rpc_url"])
            sources["defi.rpc_url"] = .file
        }
        if config.historyDB == nil {
            let data = request.environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? "\(request.homeDirectory)/.local/share"
            config.historyDB = "\(data)/defi/history.sqlite"
            tree = tree.setting(.scalar("\(data)/defi/history.sqlite", quoted: true), at: ["defi", "history", "db"])
            sources["defi.history.db"] = .defaultValue
        }
        return LoadedConfig(config: config, file: file, effective: tree, sources: sources)
    }
}
