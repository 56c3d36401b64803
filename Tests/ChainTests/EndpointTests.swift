import Testing

@testable import Chain

@Suite struct EndpointTests {
    @Test func redactsAPIKeysEverywhere() throws {
        let cases: [(String, String)] = [
            ("https://eth-mainnet.g.alchemy.com/v2/AbCdEf123456", "https://eth-mainnet.g.alchemy.com/v2/***"),
            ("https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef", "https://mainnet.infura.io/v3/***"),
            ("https://rpc.example.com/?apikey=SECRET&chain=1", "https://rpc.example.com/?apikey=***&chain=***"),
            ("https://rpc.example.com/path?token=SECRET", "https://rpc.example.com/path?token=***"),
            ("https://user:pass@rpc.example.com/", "https://***@rpc.example.com/"),
            ("https://x.quiknode.pro/9f8e7d6c5b4a39281706f5e4d3c2b1a0/", "https://x.quiknode.pro/***/"),
            ("http://127.0.0.1:8545", "http://127.0.0.1:8545"),
        ]
        for (url, want) in cases {
            let e = try Endpoint(url)
            #expect(e.redacted == want, "\(url)")
            #expect(!e.description.contains("SECRET") && !e.description.contains("pass"))
        }
    }

    @Test func redactsURLsInsideMessages() {
        let m = Endpoint.redactURLs(in: "Failed to connect to https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef port 443")
        #expect(m == "Failed to connect to https://mainnet.infura.io/v3/*** port 443")
    }

    @Test func errorsNeverContainTheKey() throws {
        let e = try Endpoint("https://eth.example.com/v2/TOPSECRETKEY99")
        let errs: [RPCError] = [
            .transport(code: 7, message: "x", endpoint: e.redacted), .http(status: 401, bodyPrefix: "", endpoint: e.redacted),
            .timeout(after: .seconds(1), endpoint: e.redacted),
            .chainIDMismatch(expected: 1, got: 5, endpoint: e.redacted),
        ]
        for err in errs { #expect(!err.description.contains("TOPSECRETKEY99")) }
    }

    @Test func rejectsNonHTTPURL() {
        #expect(throws: RPCError.self) { try Endpoint("ws://localhost:8546") }
        #expect(RPCError.noEndpoint.description.contains("set ETH_RPC_URL or pass --rpc-url"))
    }
}
