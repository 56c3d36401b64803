import Chain
import Execution
import Foundation
import Primitives
import TestSupport
import Testing

@Suite("Flashbots X-Flashbots-Signature")
struct FlashbotsAuthTests {
    static let anvil0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"

    func signer(_ hex: String) throws -> LocalSigner { LocalSigner(key: try PrivateKey(hex: hex), source: "test") }

    // Computed with eth-account 0.14: Account.sign_message(encode_defunct(text="0x" + keccak(body).hex()), key0).
    @Test func knownVectorAnvilKey0() throws {
        let body = Array(
            #"{"jsonrpc":"2.0","id":1,"method":"eth_sendBundle","params":[{"blockNumber":"0x10","txs":["0x02f8"]}]}"#
                .utf8)
        #expect(
            String(decoding: FlashbotsAuth.message(for: body), as: UTF8.self)
                == "0x40caa4176c251c48b219be07221341553f261003a1e665b9111048a774f99ab9")
        let header = try FlashbotsAuth.header(for: body, signer: signer(Self.anvil0))
        #expect(
            header
                == "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266:0xb5f3b69db2b324c65c6507885fbc1c02d2c636afc340dc7458740c881827855826f3462b7e18baacc5d5f8e5257fb147daeccc7060fe400fa885c106ddf7d4cd1c"
        )
        #expect(
            FlashbotsAuth.recover(header: header, body: body)?.checksummed
                == "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
    }

    @Test func recoverRejectsAnotherBodyOrSigner() throws {
        let body = Array(#"{"a":1}"#.utf8)
        let header = try FlashbotsAuth.header(for: body, signer: signer(Self.anvil0))
        #expect(FlashbotsAuth.recover(header: header, body: Array(#"{"a":2}"#.utf8)) == nil)
        let other = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" + header.drop { $0 != ":" }
        #expect(FlashbotsAuth.recover(header: other, body: body) == nil)
        #expect(FlashbotsAuth.recover(header: "garbage", body: body) == nil)
    }

    @Test(.enabled(if: Fixtures.hasOracle("flashbots"), "run scripts/test (it generates .oracles/flashbots.json)"))
    func matchesEthAccountOracle() throws {
        let oracle = try Fixtures.oracle("flashbots")
        let cases = try #require(oracle["cases"] as? [[String: Any]])
        #expect(cases.count >= 10)
        for c in cases {
            let body = try Hex.decode(try #require(c["body_hex"] as? String))
            let key = try #require(c["key"] as? String)
            #expect(String(decoding: FlashbotsAuth.message(for: body), as: UTF8.self) == c["message"] as? String)
            #expect(try FlashbotsAuth.header(for: body, signer: signer(key)) == c["header"] as? String)
        }
    }
}
