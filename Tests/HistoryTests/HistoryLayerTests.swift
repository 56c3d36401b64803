import Testing

@testable import History

@Suite struct HistoryLayerTests {
    @Test func layerLinks() { #expect(String(describing: HistoryLayer.self) == "HistoryLayer") }
}
