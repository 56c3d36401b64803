import ArgumentParser

/// `defi wallet`: keystores and signing.
struct WalletCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wallet", abstract: "Create, import and use keystores.",
        subcommands: [WalletNew.self, WalletImport.self, WalletAddress.self, WalletList.self, WalletSignMessage.self,
                      WalletSignTypedData.self, WalletChecksum.self])
}
