import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Keystore
import Primitives

/// One keystore file in the keystore directory.
public struct KeystoreEntry: Sendable, Equatable {
    /// The file name without `.json`.
    public var name: String
    /// The address the file records, when it records a valid one.
    public var address: Address?
    /// The file path.
    public var path: String
}

/// The keystore directory: `$XDG_DATA_HOME/defi/keystores`, else `~/.local/share/defi/keystores`; mode 0700,
/// files mode 0600, one Web3 Secret Storage v3 JSON file per key named `<name>.json`.
public struct KeystoreDirectory: Sendable {
    /// The directory path.
    public var path: String

    /// The directory at `path`, or the default for `environment` when nil.
    public init(path: String?, environment: [String: String]) {
        self.path = path ?? Self.defaultPath(environment: environment)
    }

    /// `$XDG_DATA_HOME/defi/keystores` (absolute XDG paths only), else `$HOME/.local/share/defi/keystores`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("defi/keystores")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/defi/keystores")
    }

    /// The file for `nameOrPath`: an existing path or one with a `/`, else `<dir>/<name>.json`.
    public func file(for nameOrPath: String) -> String {
        if nameOrPath.contains("/") || FileManager.default.fileExists(atPath: nameOrPath) { return nameOrPath }
        return (path as NSString).appendingPathComponent(nameOrPath + ".json")
    }

    /// Writes `keystore` as `<name>.json` (0600) in the directory (created 0700); refuses to overwrite.
    public func save(_ keystore: Keystore, name: String) throws(UtilityError) -> String {
        try Self.checkName(name)
        let fm = FileManager.default
        do {
            try fm.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw UtilityError(code: "io", message: "cannot create keystore directory \(path)", exitCode: .failure)
        }
        let file = (path as NSString).appendingPathComponent(name + ".json")
        // O_EXCL: never overwrite, and no window where the file exists with looser permissions than 0600.
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST {
                throw UtilityError(
                    code: "keystore_exists", message: "keystore \(name) already exists at \(file)",
                    hint: "choose another name or move the file away")
            }
            throw UtilityError(code: "io", message: "cannot write keystore \(file)", exitCode: .failure)
        }
        let bytes = [UInt8](keystore.jsonData())
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else {
            unlink(file)
            throw UtilityError(code: "io", message: "cannot write keystore \(file)", exitCode: .failure)
        }
        return file
    }

    /// The keystores in the directory, by name; an absent directory has none.
    public func list() -> [KeystoreEntry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { file in
            let full = (path as NSString).appendingPathComponent(file)
            let keystore = FileManager.default.contents(atPath: full).flatMap { try? Keystore(json: $0) }
            let address = keystore?.address.flatMap { try? Address(bytes: $0) }
            return KeystoreEntry(name: String(file.dropLast(5)), address: address, path: full)
        }
    }

    /// Names are letters, digits, `.`, `_` and `-`, not starting with `.` (no paths).
    static func checkName(_ name: String) throws(UtilityError) {
        let ok =
            !name.isEmpty && !name.hasPrefix(".") && name.count <= 100
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0))
            }
        guard ok else {
            throw UtilityError(
                code: "invalid_name",
                message: "keystore name \"\(InputError.shorten(name))\": use letters, digits, '.', '_' and '-'")
        }
    }
}
