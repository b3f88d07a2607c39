import CTIOSTestKit
import CTISimulator
import GED188
import Testing

/// Flows where the simulator's events and its truth once disagreed, found by the bridge view; each is now a
/// regression test of the simulator.
struct SimulatorInconsistencyTests {
    /// A consultation call to a skill group that has no available agent queues; transferring it merges the queued
    /// route point connection into the held call, which leaves every queue: the call keeps a QUEUED connection that
    /// CALL_TRANSFERRED does not list (its parties exclude queued connections) and that nothing will ever route.
    @Test func transferringAQueuedConsultationStrandsTheRoutePoint() throws {
        var lab = try ModelLab()
        lab.login("1004")
        let placed = lab.inboundCall(ani: "6175550177")
        let callID = try #require(placed)
        lab.answer(callID, at: "2004", as: "1004")
        // No one else in the lab group is available: the consultation queues.
        let consulted = lab.consult(callID, from: "2004", as: "1004", to: ContactCenterConfiguration.labDialedNumber)
        let consultCall = try #require(consulted)
        lab.expectAgreement("the consultation queues")
        #expect(lab.view.calls[consultCall]?.state(of: ContactCenterConfiguration.labDialedNumber) == .queued)
        let transferred = lab.request(.transferCallReq(TransferCallReq(
            invokeID: 8, peripheralID: lab.peripheral, activeConnectionCallID: consultCall, heldConnectionCallID: callID,
            activeConnectionDeviceID: "2004", heldConnectionDeviceID: "2004")), as: "1004")
        guard case .confirmed(.transferCallConf) = transferred else { Issue.record("\(transferred)"); return }
        let truth = lab.center.groundTruth()
        let comparison = lab.view.compare(with: truth, expectingEveryEvent: true)
        #expect(comparison.isEqual, "\(comparison)")
        let queued = truth.calls.first { $0.id == callID }?.connections.filter { $0.state == .queued } ?? []
        let inQueue = truth.skillGroups.contains { $0.queuedCalls.contains(callID) }
        #expect(queued.isEmpty || inQueue, "call \(callID) has \(queued.map(\.deviceID)) QUEUED but is in no queue")
    }

    /// An agent in two skill groups talks on a consultation call (no skill group: both groups show TALKING). The
    /// transfer makes the ACD call its call, so the model's per-skill-group states change (the call's group TALKING,
    /// the other BUSY_OTHER) while the agent state stays TALKING, and no AGENT_STATE_EVENT tells anyone.
    @Test func aTransferChangesSkillGroupStatesWithoutAnAgentStateEvent() throws {
        var configuration = ContactCenterConfiguration.standard()
        let index = try #require(configuration.agents.firstIndex { $0.id == "1005" })
        configuration.agents[index].skillGroups = [101, ContactCenterConfiguration.labSkillGroupNumber]
        var lab = try ModelLab(configuration: configuration)
        lab.login("1004")
        lab.login("1005")
        lab.request(.setAgentStateReq(SetAgentStateReq(invokeID: 3, peripheralID: lab.peripheral, agentState: .notReady)),
                    as: "1005")
        let placed = lab.inboundCall(ani: "6175550188")
        let callID = try #require(placed)
        lab.answer(callID, at: "2004", as: "1004")
        let consulted = lab.consult(callID, from: "2004", as: "1004", to: "2005")
        let consultCall = try #require(consulted)
        lab.answer(consultCall, at: "2005", as: "1005")
        lab.expectAgreement("1005 talks on the consultation")
        lab.request(.transferCallReq(TransferCallReq(
            invokeID: 8, peripheralID: lab.peripheral, activeConnectionCallID: consultCall, heldConnectionCallID: callID,
            activeConnectionDeviceID: "2004", heldConnectionDeviceID: "2004")), as: "1004")
        let comparison = lab.comparison()
        #expect(comparison.isEqual, "\(comparison)")
    }

    /// A single-step transfer of an inbound call to an external number: CALL_REACHED_NETWORK names the call's first
    /// connection (the caller, CONNECT all along) with LocalConnectionState INITIATE. The view ignores that state
    /// (it only adds the called party), so it still agrees; the event alone says something false.
    @Test func reachedNetworkReportsAConnectedCallerAsInitiate() throws {
        var lab = try ModelLab()
        lab.login("1004")
        let placed = lab.inboundCall(ani: "6175550199")
        let callID = try #require(placed)
        lab.answer(callID, at: "2004", as: "1004")
        let outcome = lab.center.handle(.transferCallReq(TransferCallReq(
            invokeID: 9, peripheralID: lab.peripheral, activeConnectionCallID: callID,
            heldConnectionCallID: GED188Protocol.nullID, activeConnectionDeviceID: "2004", dialedNumber: "6175550000")),
            context: RequestContext(session: 1, agentID: "1004"))
        guard case .confirmed(.transferCallConf) = outcome else { Issue.record("\(outcome)"); return }
        let events = lab.center.takeEvents().map(\.message)
        lab.view.apply(events)
        lab.expectAgreement("the single-step transfer out")
        let reached = events.compactMap { if case .callReachedNetworkEvent(let event) = $0 { event } else { nil } }
        let event = try #require(reached.first)
        let truthState = lab.center.groundTruth().calls.first { $0.id == callID }?.connections
            .first { $0.deviceID == event.connectionDeviceID }?.state
        #expect(event.localConnectionState == truthState)
    }
}
