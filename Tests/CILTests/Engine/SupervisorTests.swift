@testable import CIL
import CTIOSTestKit
import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// A supervisor's session: its team's agents and their calls come as monitored events.
struct SupervisorTests {
    @Test func aSupervisorSeesItsTeamMembersEventsAsMonitoredOnes() throws {
        var lab = try AgentDesktopTests.availableAgent("1004")
        let supervisor = lab.addDesk(seed: 9)
        lab.connect(supervisor)
        _ = lab.setAgent(supervisor, "1001")
        _ = lab.call(supervisor, "Login", ["UniqueObjectID": "agent.5000.1001", "AgentPassword": "pw1001", "SkillGroups": [199]])
        lab.run(for: .milliseconds(100))
        #expect(lab.objects(supervisor).keys.contains(UniqueObjectID.agent(peripheral: 5000, agentID: "1004")),
                "1004 is in team 9001, which 1001 supervises")
        _ = lab.takeEvents(supervisor)
        _ = lab.core.placeInboundCall(dialedNumber: ContactCenterConfiguration.labDialedNumber, ani: "5551234",
                                      callVariables: [], now: lab.now)
        lab.run(for: .milliseconds(100))
        let events = lab.takeEvents(supervisor)
        let delivered = try #require(events.first { $0.name == .onCallDelivered })
        #expect(delivered.isMonitored)
        #expect(delivered.arguments.string(.agentID) == "1004")
        let state = try #require(events.first { $0.name == .onAgentStateChange })
        #expect(state.isMonitored)
        #expect(!events.contains { $0.category == .buttonEnablement && !$0.isMonitored },
                "1004's buttons are not the supervisor's")
        #expect(lab.desks[supervisor].engine.currentCall == nil, "another agent's call is not the supervisor's current call")
        let truth = compare(cache: lab.objects(supervisor), server: lab.server.store.visibleObjects(for: .agent("1001")))
        #expect(truth.isEmpty, "\(truth)")
    }
}
