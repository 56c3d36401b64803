import Chain
import Foundation
import Primitives

/// A compiled contract from `contracts/build/<Name>.json`: `{contractName?, abi, bytecode}` (constructor without
/// arguments, as every project contract is).
public struct ContractArtifact: Sendable, Equatable {
    /// The contract name (`contractName`, else the file name).
    public var name: String
    /// The creation bytecode.
    public var bytecode: [UInt8]
    /// The names of the ABI's functions.
    public var functions: Set<String>
    /// Whether the constructor takes arguments (those artifacts cannot be deployed by this tool).
    public var constructorTakesArguments: Bool

    /// Whether the ABI has a function named `name`.
    public func has(_ name: String) -> Bool { functions.contains(name) }

    /// Reads and checks an artifact file; errors name the file and the problem.
    public static func load(path: String) throws(RegistryError) -> ContractArtifact {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .usage("cannot read artifact \(path)")
        }
        let v: JSONValue
        do { v = try JSONValue(parsing: String(decoding: data, as: UTF8.self)) } catch {
            throw .usage("artifact \(path) is not json: \(error)")
        }
        guard case .array(let abi)? = v["abi"] else { throw .usage("artifact \(path) has no abi array") }
        guard case .string(let code)? = v["bytecode"], let bytes = try? Hex.decode(code), !bytes.isEmpty else {
            throw .usage("artifact \(path) has no 0x bytecode")
        }
        var functions: Set<String> = []
        var ctorArgs = false
        for item in abi {
            guard case .string(let type)? = item["type"] else { continue }
            if type == "function", case .string(let n)? = item["name"] { functions.insert(n) }
            if type == "constructor", case .array(let inputs)? = item["inputs"], !inputs.isEmpty { ctorArgs = true }
        }
        var name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        if case .string(let n)? = v["contractName"], !n.isEmpty { name = n }
        return ContractArtifact(name: name, bytecode: bytes, functions: functions, constructorTakesArguments: ctorArgs)
    }
}

/// Calldata and decoders of the executor's registry and the strategies' wiring (contracts/strategies/FlashLoans.vy,
/// contracts/core/StrategyBase.vy).
public enum RegistryCalls {
    /// A strategy's id on the executor: keccak256 of its name's UTF-8 bytes.
    public static func strategyID(_ name: String) -> Hash32 { Keccak256.hash(Array(name.utf8)) }

    /// `registerStrategy(bytes32,address)`.
    public static func registerStrategy(id: Hash32, strategy: Address) -> [UInt8] {
        selector("registerStrategy(bytes32,address)") + id.bytes + word(strategy)
    }

    /// `removeStrategy(bytes32)`.
    public static func removeStrategy(id: Hash32) -> [UInt8] { selector("removeStrategy(bytes32)") + id.bytes }

    /// `setExecutor(address)` on a strategy.
    public static func setExecutor(_ executor: Address) -> [UInt8] { selector("setExecutor(address)") + word(executor) }

    /// `owner()`.
    public static let owner = selector("owner()")
    /// `executor()` on a strategy.
    public static let executor = selector("executor()")
    /// `strategies(bytes32)` on the executor.
    public static func strategies(_ id: Hash32) -> [UInt8] { selector("strategies(bytes32)") + id.bytes }

    /// `StrategyRegistered(bytes32 indexed strategyId, address indexed strategy)`.
    public static let registeredTopic = Keccak256.hash(Array("StrategyRegistered(bytes32,address)".utf8))
    /// `StrategyRemoved(bytes32 indexed strategyId, address indexed strategy)`.
    public static let removedTopic = Keccak256.hash(Array("StrategyRemoved(bytes32,address)".utf8))

    /// The address in a 32-byte ABI word (the upper 12 bytes must be zero).
    public static func address(word: [UInt8]) -> Address? {
        guard word.count == 32, word.prefix(12).allSatisfy({ $0 == 0 }) else { return nil }
        return try? Address(bytes: word.suffix(20))
    }

    static func selector(_ signature: String) -> [UInt8] {
        Array(Keccak256.hash(Array(signature.utf8)).bytes.prefix(4))
    }
    static func word(_ a: Address) -> [UInt8] { [UInt8](repeating: 0, count: 12) + a.bytes }
}
