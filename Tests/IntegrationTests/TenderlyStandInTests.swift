import Chain
import Execution
import Foundation
import Primitives
import Testing

/// The Tenderly client against the stand-in (devnet/stubs/tenderly.py), which checks the request as the API
/// documents it and answers by really running the call on the devnet: its answer must equal a direct eth_call.
@Suite(.enabled(if: Devnet.available, Devnet.reason)) struct TenderlyStandInTests {
    static let accessKey = "tk-\(UUID().uuidString)"

    func stub() throws -> StubServer {
        try StubServer(
            "tenderly.py", arguments: [Devnet.url ?? "", "acme", "arb-bot"],
            environment: ["TENDERLY_STUB_ACCESS_KEY": Self.accessKey])
    }

    @Test func successAndRevertEqualADirectEthCall() async throws {
        let server = try stub()
        let client = try Devnet.client()
        let tenderly = try TenderlyClient(
            config: .init(account: "acme", project: "arb-bot", accessKey: Self.accessKey, baseURL: server.url))
        let block = try await client.blockNumber()
        let from = try Address(bytes: try Devnet.key(1).addressBytes)
        let usdc = try Devnet.address("tokens", "USDC", "address")
        // mint(address,uint256): open on the devnet's MintableERC20, changes state, returns true.
        let mint: [UInt8] =
            [0x40, 0xc1, 0x0f, 0x19] + [UInt8](repeating: 0, count: 12) + from.bytes + U256(123_456).bigEndianBytes
        let ok = try tenderly.simulate(
            TenderlySimulationRequest(
                chainID: 31337, from: from, to: usdc, input: mint, gas: 300_000, gasPrice: U256(1_000_000_000),
                blockNumber: block))
        let direct = try await client.call(
            CallRequest(from: from, to: usdc, data: mint, gas: 300_000), at: .number(block))
        let estimate = try await client.estimateGas(
            CallRequest(from: from, to: usdc, data: mint, gas: 300_000), at: .number(block))
        #expect(ok.success && ok.errorMessage == nil)
        #expect(ok.blockNumber == block)
        guard case .success(let out) = direct, case .gas(let gas) = estimate else {
            Issue.record("direct call failed: \(direct) \(estimate)")
            return
        }
        #expect(ok.output == out)
        #expect(ok.gasUsed == gas)

        // executeStrategy from a non-owner: the same revert as eth_call.
        let executor = try Devnet.address("executor", "address")
        let exec: [UInt8] =
            [0x54, 0x89, 0x13, 0xad] + [UInt8](repeating: 0, count: 32) + U256(64).bigEndianBytes
            + U256(0).bigEndianBytes
        let bad = try tenderly.simulate(
            TenderlySimulationRequest(
                chainID: 31337, from: from, to: executor, input: exec, gas: 500_000, gasPrice: U256(1_000_000_000),
                blockNumber: block))
        let directBad = try await client.call(
            CallRequest(from: from, to: executor, data: exec, gas: 500_000), at: .number(block))
        guard case .revert(let reason, let data) = directBad else {
            Issue.record("expected a revert, got \(directBad)")
            return
        }
        #expect(!bad.success)
        #expect(bad.errorMessage == "execution reverted: FL: not owner")
        #expect("\(reason)".contains("FL: not owner"))
        #expect(bad.output == data)
    }

    @Test func stateOverridesReachTheCall() async throws {
        let server = try stub()
        let client = try Devnet.client()
        let tenderly = TenderlyClient(
            account: "acme", project: "arb-bot", accessKey: Self.accessKey, baseURL: server.url)
        let block = try await client.blockNumber()
        let executor = try Devnet.address("executor", "address")
        let stranger = try Address(parsing: "0x00000000000000000000000000000000000A11CE")
        // owner() is slot 0 of the executor (Vyper's storage layout: owner first); override it to the stranger.
        let owner: [UInt8] = [0x8d, 0xa5, 0xcb, 0x5b]
        let slot0 = try Hash32(bytes: [UInt8](repeating: 0, count: 32))
        let value = try Hash32(bytes: [UInt8](repeating: 0, count: 12) + stranger.bytes)
        let r = try tenderly.simulate(
            TenderlySimulationRequest(
                chainID: 31337, from: stranger, to: executor, input: owner, gas: 100_000, gasPrice: .zero,
                blockNumber: block, simulationType: .quick,
                stateObjects: [executor: TenderlyStateObject(storage: [slot0: value])]))
        let direct = try await client.call(
            CallRequest(from: stranger, to: executor, data: owner, gas: 100_000), at: .number(block),
            overrides: [executor: AccountOverride(stateDiff: [slot0: value])])
        #expect(r.success)
        #expect(direct == .success(r.output ?? []))
        #expect(r.output == [UInt8](repeating: 0, count: 12) + stranger.bytes)
    }

    @Test func wrongKeyAndWrongNetworkAreTheAPIsErrors() async throws {
        let server = try stub()
        let req = TenderlySimulationRequest(
            chainID: 31337, from: .zero, to: .zero, input: [], gas: 21_000, gasPrice: .zero, blockNumber: 1)
        let wrongKey = TenderlyClient(account: "acme", project: "arb-bot", accessKey: "nope", baseURL: server.url)
        #expect(throws: TenderlyError.http(status: 401, message: "invalid or missing access key")) {
            try wrongKey.simulate(req)
        }
        let wrongProject = TenderlyClient(
            account: "acme", project: "other", accessKey: Self.accessKey, baseURL: server.url)
        #expect(throws: TenderlyError.self) { try wrongProject.simulate(req) }
        var mainnet = req
        mainnet.chainID = 1
        let good = TenderlyClient(account: "acme", project: "arb-bot", accessKey: Self.accessKey, baseURL: server.url)
        #expect(throws: TenderlyError.http(status: 400, message: "network_id must be the string \"31337\"")) {
            try good.simulate(mainnet)
        }
    }
}
