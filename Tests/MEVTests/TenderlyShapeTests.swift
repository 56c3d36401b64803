import Chain
import Execution
import Primitives
import Testing

@Suite("Tenderly request and reply shapes")
struct TenderlyShapeTests {
    @Test func bodyHasExactlyTheAPIsFields() throws {
        let slot = try Hash32(hex: "0xedd7d04419e9c48ceb6055956cbb4e2091ae310313a4d1fa7cbcfe7561616e03")
        let one = try Hash32(hex: "0x0000000000000000000000000000000000000000000000000000000000000001")
        let dai = try Address(parsing: "0x6B175474E89094C44Da98b954EedeAC495271d0F")
        let r = TenderlySimulationRequest(
            chainID: 1, from: try Address(parsing: "0xe2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2"), to: dai,
            input: [0x40, 0xc1, 0x0f, 0x19], gas: 648_318, gasPrice: U256(18_312_000_018), value: .zero,
            blockNumber: 17_884_230, simulationType: .quick,
            stateObjects: [dai: TenderlyStateObject(balance: U256(5), storage: [slot: one])])
        let v = try JSONValue(parsing: String(decoding: r.body, as: UTF8.self))
        guard case .object(let o) = v else { Issue.record("not an object"); return }
        #expect(
            Set(o.keys) == [
                "network_id", "from", "to", "input", "gas", "gas_price", "value", "block_number", "save",
                "save_if_fails", "simulation_type", "state_objects",
            ])
        #expect(o["network_id"] == .string("1"))
        #expect(o["gas"] == .number("648318"))
        #expect(o["gas_price"] == .string("18312000018"))
        #expect(o["value"] == .string("0"))
        #expect(o["block_number"] == .number("17884230"))
        #expect(o["save"] == .bool(false))
        #expect(o["simulation_type"] == .string("quick"))
        #expect(o["to"] == .string("0x6b175474e89094c44da98b954eedeac495271d0f"))
        #expect(
            o["state_objects"]
                == .object([
                    "0x6b175474e89094c44da98b954eedeac495271d0f": .object([
                        "balance": .string("5"), "storage": .object([slot.description: .string(one.description)]),
                    ])
                ]))
    }

    @Test func urlAndConfig() throws {
        let c = try TenderlyClient(config: .init(account: "me", project: "p 1", accessKey: "k", baseURL: "http://x/"))
        #expect(c.simulateURL == "http://x/api/v1/account/me/project/p%201/simulate")
        #expect(throws: TenderlyError.self) { try TenderlyClient(config: .init(account: "me", project: "p")) }
        #expect(throws: TenderlyError.self) { try TenderlyClient(config: nil) }
    }

    @Test func parsesStatusGasErrorAndAssetChanges() throws {
        let text = #"""
            {"transaction":{"hash":"0x1","status":false,"gas_used":23512,"error_message":"execution reverted: FL: not owner",
              "transaction_info":{"asset_changes":[{"token_info":{"standard":"ERC20","type":"Fungible",
                "contract_address":"0x6b175474e89094c44da98b954eedeac495271d0f","symbol":"dai","decimals":18},
                "type":"Transfer","from":"0xe2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2","to":"0xe58b9ee93700a616b50509c8292977fa7a0f8ce1",
                "amount":"2","raw_amount":"2000000000000000000"}]}},
             "simulation":{"id":"abc","block_number":17884230,"status":false}}
            """#
        let r = try TenderlyClient.parse(try JSONValue(parsing: text))
        #expect(r.success == false)
        #expect(r.gasUsed == 23512)
        #expect(r.errorMessage == "execution reverted: FL: not owner")
        #expect(r.blockNumber == 17_884_230)
        #expect(r.assetChanges.count == 1)
        #expect(r.assetChanges[0].rawAmount == U256(2_000_000_000_000_000_000 as UInt64))
        #expect(r.assetChanges[0].symbol == "dai")
        #expect(throws: TenderlyError.self) {
            try TenderlyClient.parse(try JSONValue(parsing: #"{"transaction":{"status":"yes","gas_used":1}}"#))
        }
    }

    @Test func accessKeyNeverInErrors() throws {
        let poster = ScriptedPoster { _, _ in
            HTTPReply(
                status: 401,
                body: Array(#"{"error":{"slug":"invalid_token","message":"invalid or missing access key"}}"#.utf8))
        }
        let c = TenderlyClient(
            account: "a", project: "b", accessKey: "SECRET-KEY-123", baseURL: "http://t.invalid", transport: poster)
        let req = TenderlySimulationRequest(
            chainID: 1, from: .zero, to: .zero, input: [], gas: 1, gasPrice: .zero, blockNumber: 1)
        do {
            _ = try c.simulate(req)
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("SECRET"))
            #expect(error == .http(status: 401, message: "invalid or missing access key"))
        }
        #expect(poster.sent.first?.headers.contains { $0.0 == "X-Access-Key" && $0.1 == "SECRET-KEY-123" } == true)
        #expect(!String(describing: c).contains("SECRET"))
    }
}
