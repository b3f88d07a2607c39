import CTIOSCore
import GED188
import Testing

/// The button enablement table, state by state (Docs/CTIOSCore.md).
struct ButtonEnablementTests {
    static let talking: ButtonMask = [.release, .hold, .transferInit, .conferenceInit, .singleStepTransfer, .singleStepConference]

    @Test func callsByState() {
        func mask(_ state: LocalConnectionState, _ others: [LocalConnectionState] = [], agent: Bool = true) -> ButtonMask {
            ButtonEnablement.call(state: state, isAgentDevice: agent, otherStates: others, online: true)
        }
        #expect(mask(.alerting) == .answer)
        #expect(mask(.initiate) == .release)
        #expect(mask(.initiate, [.hold]) == [.release, .transferComplete, .reconnect])
        #expect(mask(.connect) == Self.talking)
        #expect(mask(.connect, [.hold]) == [.release, .transferComplete, .conferenceComplete, .alternate, .reconnect])
        #expect(mask(.hold) == [.retrieve, .release])
        #expect(mask(.hold, [.connect]) == .release)
        #expect(mask(.hold, [.hold]) == [.retrieve, .release])
        #expect(mask(.fail) == .release)
        #expect(mask(.null) == [])
        #expect(mask(.queued, agent: false) == [])
        #expect(mask(.connect, agent: false) == [], "a route point has no buttons")
        #expect(ButtonEnablement.call(state: .connect, isAgentDevice: true, otherStates: [], online: false) == .disableAll)
    }

    @Test func agentsByState() {
        func mask(_ state: AgentState, _ calls: [LocalConnectionState] = []) -> ButtonMask {
            ButtonEnablement.agent(state: state, callStates: calls, online: true)
        }
        #expect(mask(.logout) == [])
        #expect(mask(.login) == [])
        #expect(mask(.notReady) == .makeCall)
        #expect(mask(.available) == .makeCall)
        #expect(mask(.reserved, [.alerting]) == [])
        #expect(mask(.talking, [.connect]) == [])
        #expect(mask(.hold, [.hold]) == .makeCall)
        #expect(mask(.workReady) == [.makeCall, .wrapup])
        #expect(mask(.workNotReady) == [.makeCall, .wrapup])
        #expect(ButtonEnablement.agent(state: .available, callStates: [], online: false) == .disableAll)
    }

    @Test func bitValuesAreCiscos() {
        let values: [(ButtonMask, UInt32)] = [
            (.answer, 0x1), (.release, 0x2), (.hold, 0x4), (.retrieve, 0x8), (.makeCall, 0x10), (.transferInit, 0x20),
            (.transferComplete, 0x40), (.singleStepTransfer, 0x80), (.conferenceInit, 0x100), (.conferenceComplete, 0x200),
            (.singleStepConference, 0x400), (.alternate, 0x800), (.reconnect, 0x1000), (.wrapup, 0x2000),
            (.disableAll, 0x400000),
        ]
        for (mask, value) in values { #expect(mask.rawValue == value) }
        #expect("\(ButtonMask([.answer, .release]))" == "ANSWER|RELEASE")
        #expect("\(ButtonMask())" == "[]")
    }
}
