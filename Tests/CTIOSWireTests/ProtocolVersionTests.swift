import CTIOSWire
import Testing

struct ProtocolVersionTests {
    @Test func theCurrentVersionIsOneAndSupported() {
        #expect(ProtocolVersion.current == 1)
        #expect(ProtocolVersion.supported.contains(.current))
    }

    @Test func choosesTheHighestCommonVersionWhateverTheOrder() {
        #expect(ProtocolVersion.negotiate(clientVersions: [1]) == 1)
        #expect(ProtocolVersion.negotiate(clientVersions: [3, 1, 2]) == 1)
        #expect(ProtocolVersion.negotiate(clientVersions: [1, 2, 3], supported: 1 ... 2) == 2)
        #expect(ProtocolVersion.negotiate(clientVersions: [2, 4, 3], supported: 2 ... 5) == 4)
    }

    @Test func noCommonVersionIsARejectNamingBothSides() throws {
        #expect(ProtocolVersion.negotiate(clientVersions: [2, 3]) == nil)
        #expect(ProtocolVersion.negotiate(clientVersions: []) == nil)
        let reject = ProtocolVersion.rejection(clientVersions: [2, 3])
        guard case .reject(let code, let reason) = reject else {
            Issue.record("not a reject: \(reject)")
            return
        }
        #expect(code == .unsupportedVersion)
        #expect(reason == "no common protocol version: the client offers 2, 3, this server speaks 1")
        let ranged = ProtocolVersion.rejection(clientVersions: [], supported: 2 ... 4)
        #expect(ranged == .reject(code: .unsupportedVersion,
                                  reason: "no common protocol version: the client offers none, this server speaks 2 to 4"))
    }
}
