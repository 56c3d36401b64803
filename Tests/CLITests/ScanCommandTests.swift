import Foundation
import Testing

/// `defi scan` golden outputs against a saved market state (the devnet's demo market, V2 pools only, at block
/// 147: offline and deterministic), recording into the history store, and its error exits.
@Suite struct ScanCommandTests {
    /// Saved by `defi scan --save-state` on the devnet at block 147, V3 pools removed.
    static let state = #"""
        {
          "block": {
            "hash": "0xb41375e364e929f151bc37d91129df7129d6cd4ab2f2fddc7cb9be5a5803dd6e",
            "number": 147
          },
          "chain_id": 31337,
          "pools": [
            {
              "address": "0xc9dfbB7F1624d075B0EDf4dca40FADa4Fd7fF38B",
              "fee_bps": 30,
              "kind": "uniswap_v2",
              "reserve0": "10200000000000000000000000",
              "reserve1": "10000000000000",
              "token0": "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
              "token1": "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
              "venue": "uniswap_v2_a"
            },
            {
              "address": "0xF72E990dbd5c9902C0fFC6109369b70e32fbAac0",
              "fee_bps": 30,
              "kind": "uniswap_v2",
              "reserve0": "5000000000000000000000",
              "reserve1": "10000000000000000000000000",
              "token0": "0x5FbDB2315678afecb367f032d93F642f64180aa3",
              "token1": "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
              "venue": "uniswap_v2_a"
            },
            {
              "address": "0xcF9c1a0def2B4d664FbED6120D8B56404F5b40A2",
              "fee_bps": 30,
              "kind": "uniswap_v2",
              "reserve0": "500000000000000000000",
              "reserve1": "1000000000000000000000000",
              "token0": "0x5FbDB2315678afecb367f032d93F642f64180aa3",
              "token1": "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
              "venue": "uniswap_v2_b"
            },
            {
              "address": "0x57702E47f167177202d7C54E7602c1A2Dee9Ee9F",
              "fee_bps": 30,
              "kind": "uniswap_v2",
              "reserve0": "20000000000000000000000",
              "reserve1": "40000000000000",
              "token0": "0x5FbDB2315678afecb367f032d93F642f64180aa3",
              "token1": "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
              "venue": "uniswap_v2_a"
            },
            {
              "address": "0x2CC141d3F5151c5Cd457688E2422Ff39e0624eF1",
              "fee_bps": 30,
              "kind": "uniswap_v2",
              "reserve0": "20000000000000000000000",
              "reserve1": "40400000000000",
              "token0": "0x5FbDB2315678afecb367f032d93F642f64180aa3",
              "token1": "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
              "venue": "uniswap_v2_b"
            },
            {
              "address": "0x6a1Ed3B8e8D57Cc2a28b809C100Af8ABBddC3eD0",
              "fee_bps": 30,
              "kind": "uniswap_v2",
              "reserve0": "1500000000000000000000",
              "reserve1": "5000000000",
              "token0": "0x5FbDB2315678afecb367f032d93F642f64180aa3",
              "token1": "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
              "venue": "uniswap_v2_a"
            },
            {
              "address": "0x093EBE5Fb70eAcED70CB3f874eA16A132760B327",
              "fee_bps": 30,
              "kind": "uniswap_v2",
              "reserve0": "600000000000000000000",
              "reserve1": "2000000000",
              "token0": "0x5FbDB2315678afecb367f032d93F642f64180aa3",
              "token1": "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
              "venue": "uniswap_v2_b"
            }
          ],
          "schema": "defi.market-state/1",
          "tokens": [
            {
              "address": "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
              "decimals": 18,
              "symbol": "DAI"
            },
            {
              "address": "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
              "decimals": 6,
              "symbol": "USDC"
            },
            {
              "address": "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
              "decimals": 8,
              "symbol": "WBTC"
            },
            {
              "address": "0x5FbDB2315678afecb367f032d93F642f64180aa3",
              "decimals": 18,
              "symbol": "WETH"
            }
          ]
        }
        """#

    static let human = #"""
        scan at block 147 0xb41375e364e929f151bc37d91129df7129d6cd4ab2f2fddc7cb9be5a5803dd6e (state): 4 opportunities, 1 rejected, 36 cycles
        #  ID  STRATEGY    ROUTE                                                        SIZE                          GROSS                   COSTS     NET                     NET USD
        1  -   triangular  DAI>WETH>USDC>DAI (uniswap_v2_a,uniswap_v2_b,uniswap_v2_a)   46400.837447734994264176 DAI  483.666895211838035613  0.61812   483.048775211838035613  $483.048775
        2  -   triangular  WETH>USDC>DAI>WETH (uniswap_v2_a,uniswap_v2_a,uniswap_v2_a)  11.998383522396614113 WETH    0.064900779292854603    0.000306  0.064594779292854603    $130.481454
        3  -   spatial     WETH>USDC>WETH (uniswap_v2_b,uniswap_v2_a)                   19.716637732260741973 WETH    0.038893028452614136    0.000236  0.038657028452614136    $78.087197
        4  -   triangular  DAI>WETH>USDC>DAI (uniswap_v2_b,uniswap_v2_a,uniswap_v2_a)   4825.471970314319444333 DAI   26.101590237631815454   0.61812   25.483470237631815454   $25.483470

        """#

    func dir() throws -> TempDir {
        let d = try TempDir()
        try d.write("s.json", Self.state)
        return d
    }

    static let offline = ["--state", "s.json", "--gas-price", "1gwei"]

    @Test func humanTableRanksByNetUSD() throws {
        let r = try dir().run(["scan"] + Self.offline + ["--no-record"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == Self.human)
        #expect(r.stderr.isEmpty)
    }

    @Test func jsonCarriesRoutesCostsAndNetProfit() throws {
        let r = try dir().run(["scan"] + Self.offline + ["--no-record", "--strategies", "spatial", "--json"])
        #expect(r.status == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let data = try #require(doc["data"] as? [String: Any])
        #expect(data["block_number"] as? Int == 147 && data["flash_source"] as? String == "own_capital")
        #expect(data["gas_price_wei"] as? String == "1000000000" && data["min_profit_usd"] as? String == "10.000000")
        let opps = try #require(data["opportunities"] as? [[String: Any]])
        #expect(opps.count == 1)
        let o = opps[0]
        #expect(o["strategy"] as? String == "spatial" && o["path"] as? String == "WETH>USDC>WETH")
        #expect(o["size"] as? String == "19716637732260741973")
        #expect(o["gross_profit"] as? String == "38893028452614136")
        #expect(o["net_profit"] as? String == "38657028452614136" && o["net_profit_usd"] as? String == "78.087197")
        let costs = try #require(o["costs"] as? [String: Any])
        #expect(costs["gas_units"] as? Int == 236_000 && costs["total"] as? String == "236000000000000")
        let hops = try #require(o["hops"] as? [[String: Any]])
        #expect(hops.map { $0["venue"] as? String } == ["uniswap_v2_b", "uniswap_v2_a"])
        #expect(hops[0]["amount_out"] as? String == "39669135617" && hops[0]["min_out"] as? String == "39470789938")
        #expect(hops[1]["amount_in"] as? String == "39669135617")
    }

    @Test func curvePoolInTheStateIsScannedAndPrintedWithItsKind() throws {
        // A 2-coin classic Curve pool at par next to the V2 pair that sells DAI 2 % cheap: the cycle runs through
        // both, and the report names the Curve hop (the devnet has no Curve bytecode: offline only).
        let curve = #"""
            {
              "address": "0x00000000000000000000000000000000000c0e01",
              "kind": "curve",
              "venue": "curve_stable",
              "variant": "classic_3pool",
              "coins": ["0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"],
              "balances": ["10000000000000000000000000", "10000000000000"],
              "rates": ["1000000000000000000", "1000000000000000000000000000000"],
              "amp": "200",
              "swap_fee": "4000000",
              "admin_fee": "5000000000"
            },
"""#
        let d = try TempDir()
        try d.write("s.json", Self.state.replacingOccurrences(of: "\"pools\": [", with: "\"pools\": [" + curve))
        let r = try d.run(["scan"] + Self.offline + ["--no-record", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let data = try #require(doc["data"] as? [String: Any])
        let opps = try #require(data["opportunities"] as? [[String: Any]])
        let withCurve = opps.filter { o in
            ((o["hops"] as? [[String: Any]]) ?? []).contains { $0["kind"] as? String == "curve" }
        }
        let o = try #require(withCurve.first, "no opportunity through the Curve pool: \(r.stdout)")
        let hops = try #require(o["hops"] as? [[String: Any]])
        let c = try #require(hops.first { $0["kind"] as? String == "curve" })
        #expect(c["venue"] as? String == "curve_stable")
        #expect((c["pool"] as? String)?.lowercased() == "0x00000000000000000000000000000000000c0e01")
        // extra = i | j << 8 over coins [DAI, USDC].
        let daiToUsdc = (c["token_in"] as? String)?.lowercased() == "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0"
        #expect(c["extra"] as? String == (daiToUsdc ? "256" : "1"))
    }

    @Test func csvHasOneRowPerOpportunity() throws {
        let r = try dir().run(["scan"] + Self.offline + ["--no-record", "--csv"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(
            lines.first
                == "rank,id,strategy,path,venues,token,size,gross_profit,costs,net_profit,net_profit_usd,spread_bps,block"
        )
        #expect(lines.count == 5)
        #expect(
            lines[3]
                == "3,,spatial,WETH>USDC>WETH,\"uniswap_v2_b,uniswap_v2_a\",WETH,19716637732260741973,38893028452614136,236000000000000,38657028452614136,78.087197,39,147"
        )
    }

    @Test func minProfitFiltersAndNothingFoundStillExitsZero() throws {
        let d = try dir()
        let r = try d.run(["scan"] + Self.offline + ["--no-record", "--min-profit", "100usd", "--csv"])
        #expect(r.status == 0 && r.stdout.split(separator: "\n").count == 3)
        let none = try d.run(["scan"] + Self.offline + ["--no-record", "--min-profit", "0.5ether"])
        #expect(none.status == 0)
        #expect(none.stdout.hasSuffix("0 opportunities, 5 rejected, 36 cycles\nnothing above min profit $1010.00\n"))
    }

    @Test func opportunitiesAreRecordedForSimulateAndExecute() throws {
        let d = try dir()
        let r = try d.run(["scan"] + Self.offline + ["--json"])
        #expect(r.status == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let opps = try #require((doc["data"] as? [String: Any])?["opportunities"] as? [[String: Any]])
        let ids = opps.compactMap { $0["id"] as? String }
        #expect(ids.count == 4 && ids.allSatisfy { $0.hasPrefix("opp_") })
        let show = try d.run(["history", "show", ids[0], "--json"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("defi.route/1") && show.stdout.contains("detected"))
        #expect(show.stdout.contains("483048775211838035613"))
    }

    @Test func offlineWithoutGasPriceWarnsAboutTheAssumption() throws {
        let r = try dir().run(["scan", "--state", "s.json", "--no-record", "--csv"])
        #expect(r.status == 0)
        #expect(
            r.stderr
                == "warning: offline scan: gas priced at max_gas_price_gwei 100 gwei (pass --gas-price to change)\n")
    }

    @Test func badOptionsExitTwoAndStatisticalRunsOffline() throws {
        let d = try dir()
        for (args, message) in [
            (["--max-hops", "9"], "error: --max-hops 9: expected 2 to 6 (the executor's limit)\n"),
            (["--strategies", "foo"], "error: unknown strategy \"foo\" (known: spatial, triangular, statistical)\n"),
            (["--min-profit", "10zz"], "error: --min-profit \"10zz\": no token zz in the market\n"),
        ] {
            let r = try d.run(["scan"] + Self.offline + args)
            #expect(r.status == 2, "\(args)")
            #expect(r.stdout.isEmpty && r.stderr == message, "\(args): \(r.stderr)")
        }
        // Statistical runs offline too (prices recorded from the state file's pools); its signals are not routes.
        let s = try d.run(["scan"] + Self.offline + ["--strategies", "spatial,statistical", "--json"])
        #expect(s.status == 0, "\(s.stderr)")
        #expect(s.stdout.contains("\"statistical\""))
        let missing = try d.run(["scan", "--state", "missing.json"])
        #expect(missing.status == 2 && missing.stderr.hasPrefix("error: state file missing.json"))
    }
}
