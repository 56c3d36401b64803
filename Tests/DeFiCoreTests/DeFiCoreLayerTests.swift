import Testing

@testable import DeFiCore

@Suite struct DeFiCoreLayerTests {
    @Test func layerLinks() { #expect(String(describing: DeFiCoreLayer.self) == "DeFiCoreLayer") }
}
