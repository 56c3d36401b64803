import Testing

@testable import DeFiCore

@Suite struct RedactorTests {
    @Test(arguments: [
        ("https://eth-mainnet.g.alchemy.com/v2/AbCdEf0123456789xyz", "https://eth-mainnet.g.alchemy.com/v2/<redacted>"),
        ("https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef", "https://mainnet.infura.io/v3/<redacted>"),
        ("https://user:pass@node.example/rpc", "https://<redacted>@node.example/rpc"),
        ("https://rpc.example/?apikey=s3cr3t&x=1", "https://rpc.example/?apikey=<redacted>&x=<redacted>"),
        ("https://eth-mainnet.g.alchemy.com/v2/SECRETKEY", "https://eth-mainnet.g.alchemy.com/v2/<redacted>"),
        ("http://127.0.0.1:8545", "http://127.0.0.1:8545"),
        ("wss://node.example/ws", "wss://node.example/ws"),
    ])
    func redactsKeyBearingURLParts(url: String, expected: String) {
        #expect(Redactor.redactURL(url) == expected)
    }

    @Test func redactsSecretKeysInTrees() {
        let tree = ConfigNode.emptyMapping
            .setting(.scalar("abc", quoted: false), at: ["defi", "aggregators", "zerox", "api_key"])
            .setting(.scalar("https://a.example/v2/AbCdEf0123456789xyz", quoted: false), at: ["defi", "rpc_url"])
        let redacted = Redactor.redact(tree)
        #expect(redacted.value(at: ["defi", "aggregators", "zerox", "api_key"]) == .scalar("<redacted>", quoted: true))
        #expect(redacted.value(at: ["defi", "rpc_url"]) == .scalar("https://a.example/v2/<redacted>", quoted: false))
    }
}
