import Chain
import DeFiCore
import Foundation
import Primitives

/// Loads the relay-authentication key named by `defi.execution.mev.auth_key`; never the trading key's sources
/// (DEFI_PRIVATE_KEY, --keystore) unless the config names them explicitly.
public enum MEVAuth {
    /// `env:VAR` reads a 0x-hex key from VAR; `keystore:NAME` decrypts that keystore (name or file) with
    /// DEFI_MEV_AUTH_PASSWORD, else DEFI_PASSWORD, else a prompt. Errors never contain key material.
    public static func signer(
        _ config: MEVConfig, environment: [String: String] = ProcessInfo.processInfo.environment,
        input: SecretInput? = nil
    ) throws(UtilityError) -> LocalSigner {
        guard let spec = config.authKey, let colon = spec.firstIndex(of: ":") else {
            throw UtilityError(
                code: "mev_auth_missing", message: "no relay authentication key configured",
                hint: "set defi.execution.mev.auth_key to env:VARIABLE or keystore:NAME (not the trading key)")
        }
        let kind = spec[..<colon]
        let name = String(spec[spec.index(after: colon)...])
        switch kind {
        case "env":
            guard let text = environment[name] else {
                throw UtilityError(
                    code: "mev_auth_missing", message: "\(name) is not set (defi.execution.mev.auth_key)")
            }
            return LocalSigner(key: try DeFiCore.SignerSource.parseKey(text, source: name), source: "env:\(name)")
        case "keystore":
            var env = environment
            if let p = environment["DEFI_MEV_AUTH_PASSWORD"] { env["DEFI_PASSWORD"] = p }
            let directory = KeystoreDirectory(path: nil, environment: environment)
            let source = DeFiCore.SignerSource.keystore(path: directory.file(for: name), passwordFile: nil)
            var secret = input ?? SecretInput(environment: env)
            secret.environment = env
            return LocalSigner(key: try source.load(secret), source: "keystore:\(name)")
        default:
            throw UtilityError(
                code: "mev_auth_invalid", message: "defi.execution.mev.auth_key must be env:VARIABLE or keystore:NAME")
        }
    }
}

extension FlashbotsBroadcaster {
    /// A broadcaster from `defi.execution.mev`: its builders, every request signed with the key `auth_key` names.
    /// Throws (exit 2) when no builder or no relay key is configured.
    public init(
        config: MEVConfig, environment: [String: String] = ProcessInfo.processInfo.environment,
        transport: any HTTPPoster = CurlTransport(), blocks: Int = 2, replacementUUID: String? = nil
    )
        throws(UtilityError)
    {
        guard !config.builders.isEmpty else {
            throw UtilityError(
                code: "mev_no_builders", message: "no builders configured",
                hint: "set defi.execution.mev.builders to the relay/builder URLs")
        }
        self.init(
            urls: config.builders, authSigner: try MEVAuth.signer(config, environment: environment),
            transport: transport, blocks: blocks, replacementUUID: replacementUUID)
    }
}
