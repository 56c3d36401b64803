import Chain
import DeFiCore
import Primitives
import Testing

@testable import Protocols

/// Response shapes of the 1inch Swap API (v6 and the older v5 spellings) and the 0x Swap API (v2, v1 fields),
/// and the validation every answer passes, without a network.
@Suite struct AggregatorParsingTests {
    static let weth = try! Address(parsing: "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2")
    static let usdc = try! Address(parsing: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48")
    static let router = try! Address(parsing: "0x111111125421cA6dc452d289314280a0f8842A65")
    static let holder = try! Address(parsing: "0x0000000000001fF3684f28c67538d4D072C22734")
    static let taker = try! Address(parsing: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
    static let oneEth = U256(1_000_000_000_000_000_000 as UInt64)

    var request: AggregatorRequest {
        AggregatorRequest(sellToken: Self.weth, buyToken: Self.usdc, sellAmount: Self.oneEth, taker: Self.taker)
    }

    func oneInch(_ chain: UInt64 = 1) -> OneInchClient {
        OneInchClient(settings: AggregatorSettings(kind: .oneInch, apiKey: "k", chainID: chain))
    }

    func zeroEx(_ chain: UInt64 = 1) -> ZeroExClient {
        ZeroExClient(settings: AggregatorSettings(kind: .zeroEx, apiKey: "k", chainID: chain))
    }

    func json(_ s: String) throws -> JSONValue { try JSONValue(parsing: s) }

    @Test func oneInchV6QuoteReadsDstAmountTokensGasAndRoute() throws {
        let body = try json(
            """
            {"dstAmount":"3012345678","srcToken":{"address":"0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2","symbol":"WETH","decimals":18},
             "dstToken":{"address":"0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48","symbol":"USDC","decimals":6},
             "protocols":[[[{"name":"UNISWAP_V3","part":60,"fromTokenAddress":"0x","toTokenAddress":"0x"},
                           {"name":"CURVE","part":40,"fromTokenAddress":"0x","toTokenAddress":"0x"}]]],
             "gas":182000}
            """)
        let q = try oneInch().parse(body, request: request, withTransaction: false)
        #expect(q.buyAmount == U256(3_012_345_678 as UInt64))
        #expect(q.gas == 182_000)
        #expect(q.route == "UNISWAP_V3 60%+CURVE 40%")
        try q.validate(against: request, settings: oneInch().settings)
    }

    @Test func oneInchV5SpellingsAreAccepted() throws {
        let v5 = try json(
            """
            {"toAmount":"77","fromToken":{"address":"0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2"},
             "toToken":{"address":"0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"},"estimatedGas":99}
            """)
        let q = try oneInch().parse(v5, request: request, withTransaction: false)
        #expect(q.buyAmount == U256(77) && q.gas == 99)
        let v4 = try json(#"{"toTokenAmount":"5","fromTokenAmount":"1000000000000000000"}"#)
        #expect(try oneInch().parse(v4, request: request, withTransaction: false).buyAmount == U256(5))
    }

    @Test func oneInchSwapTransactionIsReadAndCheckedAgainstTheAllowlist() throws {
        let body = try json(
            """
            {"dstAmount":"10","tx":{"from":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
             "to":"0x111111125421ca6dc452d289314280a0f8842a65","data":"0x12aa3caf00","value":"0","gas":210000,
             "gasPrice":"1000000000"}}
            """)
        let c = oneInch()
        var q = try c.parse(body, request: request, withTransaction: true)
        #expect(q.transaction?.to == Self.router && q.transaction?.gas == 210_000 && q.gas == 210_000)
        try q.validate(against: request, settings: c.settings)
        q.transaction?.to = Self.holder
        #expect(throws: AggregatorError.self) { try q.validate(against: request, settings: c.settings) }
        // The same response on a chain without a known router: refused (a devnet must configure its own).
        let none = AggregatorSettings(kind: .oneInch, apiKey: "k", chainID: 31337)
        #expect(none.allowedTargets.isEmpty)
    }

    @Test func zeroExV2QuoteReadsTransactionTargetMinimumAndRoute() throws {
        let body = try json(
            """
            {"allowanceTarget":"0x0000000000001ff3684f28c67538d4d072c22734","blockNumber":"21000000","buyAmount":"3000000",
             "buyToken":"0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48","fees":{"integratorFee":null,"zeroExFee":null,"gasFee":null},
             "gas":"150000","gasPrice":"1","issues":{"allowance":null,"balance":null,"simulationIncomplete":false,"invalidSourcesPassed":[]},
             "liquidityAvailable":true,"minBuyAmount":"2970000",
             "route":{"fills":[{"from":"0x","to":"0x","source":"Uniswap_V3","proportionBps":"7550"},
                               {"from":"0x","to":"0x","source":"SushiSwap","proportionBps":"2450"}],"tokens":[]},
             "sellAmount":"1000000000000000000","sellToken":"0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2",
             "transaction":{"to":"0x0000000000001ff3684f28c67538d4d072c22734","data":"0x2213bc0b00","gas":"150000","gasPrice":"1","value":"0"},
             "zid":"0x1"}
            """)
        let c = zeroEx()
        let q = try c.parse(body, request: request, withTransaction: true)
        #expect(q.allowanceTarget == Self.holder && q.transaction?.to == Self.holder)
        #expect(q.minBuyAmount == U256(2_970_000 as UInt64) && q.gas == 150_000)
        #expect(q.route == "Uniswap_V3 75.50%+SushiSwap 24.50%")
        try q.validate(against: request, settings: c.settings)
    }

    @Test func zeroExNoLiquidityAndV1FieldsAndSpenderFromIssues() throws {
        let c = zeroEx()
        #expect(throws: AggregatorError.noLiquidity(aggregator: "0x")) {
            _ = try c.parse(
                try json(#"{"liquidityAvailable":false,"zid":"0x1"}"#), request: request, withTransaction: false)
        }
        let v1 = try json(
            """
            {"sellToken":"0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2","buyToken":"0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48",
             "sellAmount":"1000000000000000000","buyAmount":"5","estimatedGas":"120000",
             "to":"0x0000000000001ff3684f28c67538d4d072c22734","data":"0xd9627aa4","value":"0",
             "issues":{"allowance":{"actual":"0","spender":"0x0000000000001ff3684f28c67538d4d072c22734"}},
             "sources":[{"name":"Uniswap_V2","proportion":"1"},{"name":"Curve","proportion":"0"}]}
            """)
        let q = try c.parse(v1, request: request, withTransaction: true)
        #expect(q.gas == 120_000 && q.allowanceTarget == Self.holder && q.transaction?.to == Self.holder)
        #expect(q.route == "Uniswap_V2 1")
    }

    @Test func validationRefusesEveryMismatch() throws {
        let s = zeroEx().settings
        let good = AggregatorQuote(
            aggregator: "0x", sellToken: Self.weth, buyToken: Self.usdc, sellAmount: Self.oneEth, buyAmount: U256(100),
            minBuyAmount: U256(99), gas: nil, route: "-", allowanceTarget: Self.holder,
            transaction: AggregatorTransaction(
                from: nil, to: Self.holder, data: [1], value: .zero, gas: nil, gasPrice: nil), chainID: 1)
        try good.validate(against: request, settings: s)
        var bad: [(String, AggregatorQuote, AggregatorRequest)] = []
        var q = good
        q.chainID = 10
        bad.append(("chain", q, request))
        q = good
        q.sellAmount = Self.oneEth - U256.one
        bad.append(("sell amount", q, request))
        q = good
        q.buyAmount = .zero
        bad.append(("zero buy", q, request))
        q = good
        q.buyToken = Self.weth
        bad.append(("buy token", q, request))
        q = good
        q.sellToken = Self.usdc
        bad.append(("sell token", q, request))
        q = good
        q.allowanceTarget = Self.router
        bad.append(("allowance target", q, request))
        q = good
        q.minBuyAmount = U256(101)
        bad.append(("min above amount", q, request))
        q = good
        q.transaction?.value = U256.one
        bad.append(("value for erc20", q, request))
        var r = request
        r.minBuyAmount = U256(101)
        bad.append(("below caller min", good, r))
        for (label, q, r) in bad {
            do {
                try q.validate(against: r, settings: s)
                Issue.record("\(label) was accepted")
            } catch {
                #expect(error.exitCode == .refused, "\(label)")
            }
        }
    }

    @Test func oneInchSlippageIsAPercentage() {
        #expect(OneInchClient.percent(bps: 100) == "1")
        #expect(OneInchClient.percent(bps: 50) == "0.5")
        #expect(OneInchClient.percent(bps: 5) == "0.05")
        #expect(OneInchClient.percent(bps: 125) == "1.25")
        #expect(OneInchClient.percent(bps: 0) == "0")
    }

    @Test func errorBodiesOfBothAPIsAreRead() {
        let oneInch = HTTPResponse(
            status: 400,
            body: Array(
                #"{"error":"Bad Request","description":"insufficient liquidity","statusCode":400,"meta":[]}"#.utf8))
        #expect(AggregatorHTTP.errorDescription(oneInch) == "insufficient liquidity")
        let zeroEx = HTTPResponse(
            status: 400,
            body: Array(
                #"{"name":"INPUT_INVALID","message":"Validation Failed","data":{"zid":"0x1","details":[{"field":"sellAmount","reason":"bad"}]}}"#
                    .utf8))
        #expect(AggregatorHTTP.errorDescription(zeroEx) == "INPUT_INVALID; Validation Failed; sellAmount: bad")
        let v1 = HTTPResponse(
            status: 400,
            body: Array(
                #"{"code":100,"reason":"Validation Failed","validationErrors":[{"field":"buyToken","code":1000,"reason":"required"}]}"#
                    .utf8))
        #expect(AggregatorHTTP.errorDescription(v1) == "Validation Failed; buyToken: required")
        #expect(
            AggregatorHTTP.errorDescription(HTTPResponse(status: 404, body: Array("nope".utf8))) == "http 404 \"nope\"")
    }

    @Test func settingsComeFromConfigThenEnvironmentAndNeverShowTheKey() throws {
        var config = try ConfigValidator().validate(try ConfigYAML.parse("", path: "t.yaml"))
        #expect(
            try AggregatorSettings.resolve(.oneInch, config: config, chainID: 1, environment: [:]).map(\.kind) == nil)
        let env = try #require(
            try AggregatorSettings.resolve(
                .oneInch, config: config, chainID: 1, environment: ["ONEINCH_API_KEY": "sekret"]))
        #expect(env.apiKey == "sekret" && env.baseURL == "https://api.1inch.dev")
        #expect(!env.description.contains("sekret"))
        config.aggregators["zerox"] = AggregatorConfig(
            apiKey: "cfgkey", baseURL: "http://127.0.0.1:9/", allowedTargets: [Self.taker.checksummed])
        let z = try #require(try AggregatorSettings.resolve(.zeroEx, config: config, chainID: 31337, environment: [:]))
        #expect(z.apiKey == "cfgkey" && z.baseURL == "http://127.0.0.1:9" && z.allowedTargets == [Self.taker])
        // A chain with no known router and no configured list is a config error (exit 2), not a silent accept.
        config.aggregators["zerox"]?.allowedTargets = []
        #expect(throws: AggregatorError.self) {
            _ = try AggregatorSettings.resolve(.zeroEx, config: config, chainID: 31337, environment: [:])
        }
        // The key never goes over plain http except to this machine (a stand-in).
        config.aggregators["zerox"] = AggregatorConfig(apiKey: "k", baseURL: "http://api.0x.org")
        #expect(throws: AggregatorError.self) {
            _ = try AggregatorSettings.resolve(.zeroEx, config: config, chainID: 1, environment: [:])
        }
        #expect(AggregatorError.missingKey(aggregator: "1inch").exitCode == .usage)
        #expect(AggregatorError.rateLimited(aggregator: "0x", attempts: 3).exitCode == .networkUnavailable)
    }
}
