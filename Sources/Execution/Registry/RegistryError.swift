import Chain
import DeFiCore

/// Why a registry command failed: a stable code, an exit code and one safe line.
public struct RegistryError: DefiError, Equatable {
    /// The stable code (`registry.refused`).
    public let code: String
    /// The exit code.
    public let exitCode: ExitCode
    /// The one-line message.
    public let message: String
    /// What the user can do.
    public let hint: String?

    /// An error value.
    public init(code: String, exitCode: ExitCode, message: String, hint: String? = nil) {
        self.code = code
        self.exitCode = exitCode
        self.message = message
        self.hint = hint
    }

    /// Bad input or configuration (exit 2).
    public static func usage(_ message: String, hint: String? = nil) -> RegistryError {
        RegistryError(code: "registry.usage", exitCode: .usage, message: message, hint: hint)
    }

    /// The owner transaction's simulation reverted, or the signer is not the owner: nothing sent (exit 4).
    public static func refused(_ message: String, hint: String? = nil) -> RegistryError {
        RegistryError(code: "registry.refused", exitCode: .refused, message: message, hint: hint)
    }

    /// A node failure (exit 3 when unreachable, 2 when no endpoint is configured, else 1).
    public static func rpc(_ e: RPCError) -> RegistryError {
        let network: Bool
        switch e {
        case .noEndpoint: return RegistryError(code: e.code, exitCode: .usage, message: e.description)
        case .transport, .timeout: network = true
        default: network = false
        }
        return RegistryError(code: e.code, exitCode: network ? .networkUnavailable : .failure, message: e.description)
    }

    /// A send failure; a revert found while estimating is a refusal.
    public static func send(_ e: SendError) -> RegistryError {
        switch e {
        case .wouldRevert(let reason):
            return .refused("the transaction would revert: \(reason); nothing was sent")
        case .rpc(let r): return .rpc(r)
        case .fee(.capExceeded): return .refused("\(e); nothing was sent")
        default: return RegistryError(code: e.code, exitCode: .failure, message: e.description)
        }
    }

    /// A history store failure (exit 1).
    public static func history(_ message: String) -> RegistryError {
        RegistryError(code: "history.database", exitCode: .failure, message: message)
    }
}
