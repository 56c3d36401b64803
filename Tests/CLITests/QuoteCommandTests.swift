import Foundation
import Testing

/// `defi quote` golden outputs against a saved market state (offline, deterministic), its error exits, and one
/// live run against the devnet (enabled when DEVNET_CONFIG is set) whose saved state reproduces it offline.
@Suite struct QuoteCommandTests {
    /// Saved by `defi quote 10 WETH USDC --save-state` on the devnet at block 147 (docs/quote-state.md).
    static let state = #"""
{
  "block" : {
    "hash" : "0x7e9bfacd3f8004717527535aebbd4db38d40b79f5d51709e7c64095484d70e67",
    "number" : 147
  },
  "chain_id" : 31337,
  "pools" : [
    {
      "address" : "0x57702E47f167177202d7C54E7602c1A2Dee9Ee9F",
      "fee_bps" : 30,
      "kind" : "uniswap_v2",
      "reserve0" : "20000000000000000000000",
      "reserve1" : "40000000000000",
      "token0" : "0x5FbDB2315678afecb367f032d93F642f64180aa3",
      "token1" : "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
      "venue" : "uniswap_v2_a"
    },
    {
      "address" : "0x2CC141d3F5151c5Cd457688E2422Ff39e0624eF1",
      "fee_bps" : 30,
      "kind" : "uniswap_v2",
      "reserve0" : "20000000000000000000000",
      "reserve1" : "40400000000000",
      "token0" : "0x5FbDB2315678afecb367f032d93F642f64180aa3",
      "token1" : "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
      "venue" : "uniswap_v2_b"
    },
    {
      "address" : "0x97de7B953df8093A70B12443dF1fd7a9e9F69210",
      "fee" : 500,
      "fee_protocol" : 0,
      "kind" : "uniswap_v3",
      "known_words" : [
        -95,
        -63
      ],
      "liquidity" : "2619377217765690366",
      "sqrt_price_x96" : "3543191142285914205922034",
      "tick" : -200312,
      "tick_spacing" : 10,
      "ticks" : [
        {
          "index" : -201120,
          "liquidity_net" : "225687617548320650"
        },
        {
          "index" : -200520,
          "liquidity_net" : "861259754357045803"
        },
        {
          "index" : -200420,
          "liquidity_net" : "997032074975438903"
        },
        {
          "index" : -200370,
          "liquidity_net" : "1523485573950324755"
        },
        {
          "index" : -200330,
          "liquidity_net" : "-997032074975438903"
        },
        {
          "index" : -200310,
          "liquidity_net" : "996155261576153337"
        },
        {
          "index" : -200270,
          "liquidity_net" : "-1523485573950324755"
        },
        {
          "index" : -200220,
          "liquidity_net" : "-996155261576153337"
        },
        {
          "index" : -200120,
          "liquidity_net" : "-861259754357045803"
        },
        {
          "index" : -199520,
          "liquidity_net" : "-225687617548320650"
        }
      ],
      "token0" : "0x5FbDB2315678afecb367f032d93F642f64180aa3",
      "token1" : "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
      "unlocked" : true,
      "venue" : "uniswap_v3"
    },
    {
      "address" : "0xd9C4137a172BAc172F37dADF04aa599e0626a37d",
      "fee" : 3000,
      "fee_protocol" : 0,
      "kind" : "uniswap_v3",
      "known_words" : [
        -30,
        2
      ],
      "liquidity" : "475031026839496929",
      "sqrt_price_x96" : "3543191142285914205922034",
      "tick" : -200312,
      "tick_spacing" : 60,
      "ticks" : [
        {
          "index" : -205140,
          "liquidity_net" : "41699300967621967"
        },
        {
          "index" : -201540,
          "liquidity_net" : "150102718970234547"
        },
        {
          "index" : -200940,
          "liquidity_net" : "168636111339587505"
        },
        {
          "index" : -200640,
          "liquidity_net" : "274284734991641257"
        },
        {
          "index" : -200400,
          "liquidity_net" : "-168636111339587505"
        },
        {
          "index" : -200280,
          "liquidity_net" : "168151186734206576"
        },
        {
          "index" : -200040,
          "liquidity_net" : "-274284734991641257"
        },
        {
          "index" : -199740,
          "liquidity_net" : "-168151186734206576"
        },
        {
          "index" : -199140,
          "liquidity_net" : "-150102718970234547"
        },
        {
          "index" : -195540,
          "liquidity_net" : "-41699300967621967"
        }
      ],
      "token0" : "0x5FbDB2315678afecb367f032d93F642f64180aa3",
      "token1" : "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
      "unlocked" : true,
      "venue" : "uniswap_v3"
    }
  ],
  "schema" : "defi.market-state/1",
  "tokens" : [
    {
      "address" : "0x5FbDB2315678afecb367f032d93F642f64180aa3",
      "decimals" : 18,
      "symbol" : "WETH"
    },
    {
      "address" : "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
      "decimals" : 6,
      "symbol" : "USDC"
    }
  ]
}

"""#

    static let human = #"""
quote 10 WETH -> USDC at block 147 0x7e9bfacd3f8004717527535aebbd4db38d40b79f5d51709e7c64095484d70e67 (state)
   VENUE         POOL         FEE   AMOUNT OUT                       PRICE (USDC/WETH)  IMPACT     GAS     TICKS  ROUTE
*  uniswap_v2_b  0x2CC1…4eF1  30bp  20129365511 [20129.365511 USDC]  2012.9365511       34.9675bp  105000  0      WETH>USDC
   uniswap_v3    0x97de…9210  5bp   19986589339 [19986.589339 USDC]  1998.6589339       6.7053bp   110000  0      WETH>USDC
   uniswap_v2_a  0x5770…Ee9F  30bp  19930064862 [19930.064862 USDC]  1993.0064862       34.9675bp  105000  0      WETH>USDC
   uniswap_v3    0xd9C4…a37d  30bp  19921301537 [19921.301537 USDC]  1992.1301537       39.3492bp  110000  0      WETH>USDC

"""#

    static let json = #"""
{
  "data" : {
    "amount" : "10000000000000000000",
    "block_hash" : "0x7e9bfacd3f8004717527535aebbd4db38d40b79f5d51709e7c64095484d70e67",
    "block_number" : 147,
    "failures" : [

    ],
    "quotes" : [
      {
        "amount_in" : "10000000000000000000",
        "amount_out" : "20129365511",
        "best" : true,
        "fee_bps" : "30",
        "gas_estimate" : 105000,
        "kind" : "uniswap_v2",
        "pool" : "0x2CC141d3F5151c5Cd457688E2422Ff39e0624eF1",
        "price" : "2012.9365511",
        "price_impact_bps" : "34.9675",
        "route" : "WETH>USDC",
        "ticks_crossed" : 0,
        "venue" : "uniswap_v2_b"
      },
      {
        "amount_in" : "10000000000000000000",
        "amount_out" : "19986589339",
        "best" : false,
        "fee_bps" : "5",
        "gas_estimate" : 110000,
        "kind" : "uniswap_v3",
        "pool" : "0x97de7B953df8093A70B12443dF1fd7a9e9F69210",
        "price" : "1998.6589339",
        "price_impact_bps" : "6.7053",
        "route" : "WETH>USDC",
        "ticks_crossed" : 0,
        "venue" : "uniswap_v3"
      },
      {
        "amount_in" : "10000000000000000000",
        "amount_out" : "19930064862",
        "best" : false,
        "fee_bps" : "30",
        "gas_estimate" : 105000,
        "kind" : "uniswap_v2",
        "pool" : "0x57702E47f167177202d7C54E7602c1A2Dee9Ee9F",
        "price" : "1993.0064862",
        "price_impact_bps" : "34.9675",
        "route" : "WETH>USDC",
        "ticks_crossed" : 0,
        "venue" : "uniswap_v2_a"
      },
      {
        "amount_in" : "10000000000000000000",
        "amount_out" : "19921301537",
        "best" : false,
        "fee_bps" : "30",
        "gas_estimate" : 110000,
        "kind" : "uniswap_v3",
        "pool" : "0xd9C4137a172BAc172F37dADF04aa599e0626a37d",
        "price" : "1992.1301537",
        "price_impact_bps" : "39.3492",
        "route" : "WETH>USDC",
        "ticks_crossed" : 0,
        "venue" : "uniswap_v3"
      }
    ],
    "side" : "exact_in",
    "source" : "state",
    "token_in" : {
      "address" : "0x5FbDB2315678afecb367f032d93F642f64180aa3",
      "decimals" : 18,
      "symbol" : "WETH"
    },
    "token_out" : {
      "address" : "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
      "decimals" : 6,
      "symbol" : "USDC"
    }
  },
  "error" : null,
  "ok" : true,
  "schema_version" : 1,
  "warnings" : [

  ]
}

"""#

    static let exactOut = #"""
quote USDC -> 2000 WETH (exact out) at block 147 0x7e9bfacd3f8004717527535aebbd4db38d40b79f5d51709e7c64095484d70e67 (state)
   VENUE         POOL         FEE   AMOUNT IN                            PRICE (WETH/USDC)  IMPACT  GAS     TICKS  ROUTE
*  uniswap_v2_a  0x5770…Ee9F  30bp  4457817898139 [4457817.898139 USDC]  0.00044864         1027bp  105000  0      USDC>WETH
  (uniswap_v3 0x97de…9210: ran out of known ticks: bitmap word -62 needed, state holds words -95...-63)
  (uniswap_v3 0xd9C4…a37d: ran out of known ticks: bitmap word 3 needed, state holds words -30...2)

"""#

    func dirWithState() throws -> TempDir {
        let dir = try TempDir()
        try dir.write("s.json", Self.state)
        return dir
    }

    @Test func humanTableMarksTheBestVenue() throws {
        let r = try dirWithState().run(["quote", "10", "WETH", "USDC", "--state", "s.json"])
        #expect(r.status == 0)
        #expect(r.stdout == Self.human)
        #expect(r.stderr.isEmpty)
    }

    @Test func jsonCarriesAmountsAsDecimalStrings() throws {
        let r = try dirWithState().run(["quote", "10", "WETH", "USDC", "--state", "s.json", "--json"])
        #expect(r.status == 0)
        #expect(r.stdout == Self.json)
    }

    @Test func exactOutWithAVenueFilterListsPoolsThatCannotFill() throws {
        let r = try dirWithState().run([
            "quote", "2000", "USDC", "WETH", "--exact-out", "--state", "s.json", "--venues", "uniswap_v3,uniswap_v2_a",
        ])
        #expect(r.status == 0)
        #expect(r.stdout == Self.exactOut)
    }

    @Test func csvHasOneRowPerPool() throws {
        let r = try dirWithState().run(["quote", "1.5", "WETH", "USDC", "--state", "s.json", "--csv"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "best,venue,pool,fee_bps,amount_in,amount_out,price,impact_bps,gas,ticks,route")
        #expect(lines.count == 5 && lines[1].hasPrefix("*,uniswap_v2_b,"))
    }

    @Test func badInputExitsTwoWithOneLine() throws {
        let dir = try dirWithState()
        for args in [
            ["quote", "1", "WETH", "FOO", "--state", "s.json"],
            ["quote", "1", "0x5fbdb2315678afecb367f032d93f642f64180aA3", "USDC", "--state", "s.json"],
            ["quote", "1", "WETH", "USDC", "--state", "s.json", "--venues", "sushi"],
            ["quote", "1.0000000000000000001", "WETH", "USDC", "--state", "s.json"],
            ["quote", "1", "WETH", "USDC", "--state", "missing.json"],
        ] {
            let r = try dir.run(args)
            #expect(r.status == 2, "\(args)")
            #expect(r.stdout.isEmpty && r.stderr.hasPrefix("error: "), "\(args)")
        }
    }

    @Test func noFillExitsOneAndNoRPCExitsTwoWithTheHint() throws {
        let dir = try dirWithState()
        let r = try dir.run(["quote", "30000", "USDC", "WETH", "--exact-out", "--state", "s.json", "--json"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("\"code\" : \"no_fill\""))
        let n = try dir.run(["quote", "1", "WETH", "USDC"])
        #expect(n.status == 2)  // no endpoint configured is a configuration error; an unreachable one is 3
        #expect(n.stderr == "error: no RPC endpoint configured\n"
            + "hint: set ETH_RPC_URL, pass --rpc-url, or quote offline with --state FILE\n")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["DEVNET_CONFIG"] != nil, "source devnet/env.sh"))
    func liveQuoteOnTheDevnetReplaysOfflineFromItsSavedState() throws {
        let dir = try TempDir()
        let config = ProcessInfo.processInfo.environment["DEVNET_CONFIG"] ?? ""
        let live = try dir.run(["quote", "250", "WETH", "USDC", "--config", config, "--json", "--save-state", "live.json"])
        #expect(live.status == 0)
        #expect(live.stdout.contains("\"source\" : \"rpc\""))
        let offline = try dir.run(["quote", "250", "WETH", "USDC", "--state", "live.json", "--json"])
        #expect(offline.status == 0)
        #expect(offline.stdout == live.stdout.replacingOccurrences(of: "\"source\" : \"rpc\"", with: "\"source\" : \"state\""))
    }
}
