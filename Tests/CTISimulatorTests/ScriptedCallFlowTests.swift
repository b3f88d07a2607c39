@testable import CTISimulator
import GED188
import Testing

/// A reserved agent's whole shift, driven through control requests on the pure model, with every event checked.
struct ScriptedCallFlowTests {
    var center: ContactCenter
    var time: Duration = .zero
    let agent = RequestContext(session: 1, agentID: "1004")
    let other = RequestContext(session: 2, agentID: "1005")

    init() throws {
        center = try ContactCenter(configuration: .standard(), traffic: .none, seed: 1)
        center.advance(to: .seconds(1))
        _ = center.takeEvents()
    }

    mutating func request(_ message: GED188Message, _ context: RequestContext) -> (RequestOutcome, [GED188Message]) {
        let outcome = center.handle(message, context: context)
        return (outcome, center.takeEvents().map(\.message))
    }

    mutating func login(_ id: String, _ context: RequestContext) {
        let (outcome, _) = request(.setAgentStateReq(SetAgentStateReq(
            invokeID: 1, peripheralID: 5000, agentState: .login, agentID: id, agentPassword: Secret("pw\(id)"))), context)
        #expect(outcome == .confirmed(.setAgentStateConf(SetAgentStateConf(invokeID: 1))))
        let (ready, _) = request(.setAgentStateReq(SetAgentStateReq(invokeID: 2, peripheralID: 5000, agentState: .available)), context)
        #expect(ready == .confirmed(.setAgentStateConf(SetAgentStateConf(invokeID: 2))))
    }

    static func states(_ events: [GED188Message]) -> [AgentState] {
        events.compactMap { if case .agentStateEvent(let e) = $0 { e.agentState } else { nil } }
    }

    static func names(_ events: [GED188Message]) -> [String] { events.map { $0.type.name ?? "?" } }

    @Test mutating func loginNeedsTheRightPassword() {
        let (outcome, events) = request(.setAgentStateReq(SetAgentStateReq(
            invokeID: 9, peripheralID: 5000, agentState: .login, agentID: "1004", agentPassword: Secret("wrong"))), agent)
        #expect(outcome == .controlFailure(.invalidPasswordSpecified))
        #expect(events.isEmpty)
        let (other, _) = request(.setAgentStateReq(SetAgentStateReq(
            invokeID: 9, peripheralID: 5000, agentState: .login, agentID: "1005", agentPassword: Secret("pw1005"))), agent)
        #expect(other == .controlFailure(.privilegeViolationOnSpecifiedDevice), "a CLIENT_EVENTS session acts only for its agent")
        #expect(center.requestLog.entries.map(\.confirmed) == [false, false])
    }

    @Test mutating func inboundCallHoldConsultTransferAndWrapUp() throws {
        login("1004", agent)
        login("1005", other)
        let placed = center.placeInboundCall(dialedNumber: ContactCenterConfiguration.labDialedNumber, ani: "6175550100",
                                                          callVariables: ["acct-1"])
        let callID = try #require(placed)
        let arrival = center.takeEvents().map(\.message)
        #expect(Self.names(arrival) == ["BEGIN_CALL_EVENT", "CALL_QUEUED_EVENT", "AGENT_STATE_EVENT", "AGENT_PRE_CALL_EVENT",
                                        "CALL_DEQUEUED_EVENT", "CALL_DELIVERED_EVENT", "CALL_CONNECTION_CLEARED_EVENT"])
        // 1004 became available first, so it is the longest available.
        guard case .callDeliveredEvent(let delivered) = arrival[5] else { Issue.record("no delivery"); return }
        #expect(delivered.connectionDeviceID == "2004")
        #expect(delivered.localConnectionState == .alerting)
        #expect(delivered.ani == "6175550100")
        #expect(delivered.callVariable1 == "acct-1")

        let (answer, answered) = request(.answerCallReq(AnswerCallReq(
            invokeID: 3, peripheralID: 5000, connectionCallID: callID, connectionDeviceIDType: .static, connectionDeviceID: "2004")), agent)
        #expect(answer == .confirmed(.answerCallConf(AnswerCallConf(invokeID: 3))))
        #expect(Self.names(answered) == ["CALL_ESTABLISHED_EVENT", "AGENT_STATE_EVENT"])
        #expect(Self.states(answered) == [.talking])

        let (_, held) = request(.holdCallReq(HoldCallReq(invokeID: 4, peripheralID: 5000, connectionCallID: callID,
                                                          connectionDeviceID: "2004")), agent)
        #expect(Self.names(held) == ["CALL_HELD_EVENT", "AGENT_STATE_EVENT"])
        #expect(Self.states(held) == [.hold])
        let (_, retrieved) = request(.retrieveCallReq(RetrieveCallReq(invokeID: 5, peripheralID: 5000, heldConnectionCallID: callID,
                                                                       heldConnectionDeviceID: "2004")), agent)
        #expect(Self.states(retrieved) == [.talking])

        // Consult 1005, then transfer: the customer and 1005 stay on the original call.
        let (consulted, consultEvents) = request(.consultationCallReq(ConsultationCallReq(
            invokeID: 6, peripheralID: 5000, activeConnectionCallID: callID, consultType: .transfer,
            activeConnectionDeviceID: "2004", dialedNumber: "2005")), agent)
        guard case .confirmed(.consultationCallConf(let conf)) = consulted else { Issue.record("\(consulted)"); return }
        let consultCall = conf.newConnectionCallID
        #expect(Self.names(consultEvents) == ["CALL_HELD_EVENT", "AGENT_STATE_EVENT", "BEGIN_CALL_EVENT",
                                              "CALL_SERVICE_INITIATED_EVENT", "CALL_ORIGINATED_EVENT", "AGENT_STATE_EVENT",
                                              "CALL_DELIVERED_EVENT", "AGENT_STATE_EVENT"])
        let (_, consultAnswered) = request(.answerCallReq(AnswerCallReq(
            invokeID: 7, peripheralID: 5000, connectionCallID: consultCall, connectionDeviceID: "2005")), other)
        #expect(Self.names(consultAnswered) == ["CALL_ESTABLISHED_EVENT", "AGENT_STATE_EVENT"])

        let (transferred, transferEvents) = request(.transferCallReq(TransferCallReq(
            invokeID: 8, peripheralID: 5000, activeConnectionCallID: consultCall, heldConnectionCallID: callID,
            activeConnectionDeviceID: "2004", heldConnectionDeviceID: "2004")), agent)
        guard case .confirmed(.transferCallConf(let transferConf)) = transferred else { Issue.record("\(transferred)"); return }
        #expect(transferConf.newConnectionCallID == callID)
        #expect(Self.names(transferEvents) == ["CALL_TRANSFERRED_EVENT", "END_CALL_EVENT", "AGENT_STATE_EVENT"])
        #expect(Self.states(transferEvents) == [.workReady])
        let truth = center.groundTruth()
        let call = try #require(truth.calls.first { $0.id == callID })
        #expect(call.connections.map(\.deviceID) == ["6175550100", "2005"], "1005 now holds the original call")
        #expect(truth.calls.count == 1)
        #expect(truth.agents.first { $0.id == "1005" }?.calls == [callID])

        // The caller hangs up: 1005 goes to wrap-up, then asks for Not Ready, then logs out.
        center.releaseExternalParty(callID: callID)
        let release = center.takeEvents().map(\.message)
        #expect(Self.names(release) == ["CALL_CONNECTION_CLEARED_EVENT", "CALL_CLEARED_EVENT", "END_CALL_EVENT", "AGENT_STATE_EVENT"])
        let (_, notReady) = request(.setAgentStateReq(SetAgentStateReq(
            invokeID: 10, peripheralID: 5000, agentState: .notReady, eventReasonCode: 12)), other)
        #expect(Self.states(notReady) == [.notReady])
        let (_, logout) = request(.setAgentStateReq(SetAgentStateReq(
            invokeID: 11, peripheralID: 5000, agentState: .logout, eventReasonCode: 3)), other)
        #expect(Self.states(logout) == [.logout])
        #expect(center.groundTruth().calls.isEmpty)
        #expect(center.requestLog.entries.allSatisfy { $0.confirmed })
    }

    @Test mutating func conferenceKeepsEveryoneOnTheFirstCall() throws {
        login("1004", agent)
        login("1005", other)
        let placed = center.placeInboundCall(dialedNumber: ContactCenterConfiguration.labDialedNumber, ani: "6175550111")
        let callID = try #require(placed)
        _ = center.takeEvents()
        _ = request(.answerCallReq(AnswerCallReq(invokeID: 1, peripheralID: 5000, connectionCallID: callID, connectionDeviceID: "2004")), agent)
        let (consulted, _) = request(.consultationCallReq(ConsultationCallReq(
            invokeID: 2, peripheralID: 5000, activeConnectionCallID: callID, consultType: .conference,
            activeConnectionDeviceID: "2004", dialedNumber: "2005")), agent)
        guard case .confirmed(.consultationCallConf(let conf)) = consulted else { Issue.record("\(consulted)"); return }
        _ = request(.answerCallReq(AnswerCallReq(invokeID: 3, peripheralID: 5000, connectionCallID: conf.newConnectionCallID,
                                                 connectionDeviceID: "2005")), other)
        let (conferenced, events) = request(.conferenceCallReq(ConferenceCallReq(
            invokeID: 4, peripheralID: 5000, heldConnectionCallID: callID, activeConnectionCallID: conf.newConnectionCallID,
            activeConnectionDeviceID: "2004", heldConnectionDeviceID: "2004")), agent)
        guard case .confirmed(.conferenceCallConf(let conferenceConf)) = conferenced else { Issue.record("\(conferenced)"); return }
        #expect(conferenceConf.connectedParties.map(\.deviceID) == ["6175550111", "2004", "2005"])
        #expect(Self.names(events).starts(with: ["CALL_CONFERENCED_EVENT", "END_CALL_EVENT"]))
        let truth = center.groundTruth()
        #expect(truth.calls.map(\.id) == [callID])
        #expect(truth.agents.filter { ["1004", "1005"].contains($0.id) }.map(\.state) == [.talking, .talking])
        // 1004 leaves; the customer and 1005 stay connected.
        _ = request(.clearConnectionReq(ClearConnectionReq(invokeID: 5, peripheralID: 5000, connectionCallID: callID,
                                                           connectionDeviceID: "2004")), agent)
        #expect(center.groundTruth().calls.first?.connections.map(\.deviceID) == ["6175550111", "2005"])
    }

    @Test mutating func aReservedAgentThatDoesNotAnswerGoesNotReadyAndTheCallRequeues() throws {
        login("1004", agent)
        let placed = center.placeInboundCall(dialedNumber: ContactCenterConfiguration.labDialedNumber, ani: "6175550122")
        let callID = try #require(placed)
        _ = center.takeEvents()
        center.advance(to: .seconds(1) + .seconds(center.traffic.ringNoAnswerSeconds) + .milliseconds(1))
        let events = center.takeEvents().map(\.message)
        #expect(Self.names(events).prefix(3) == ["CALL_DIVERTED_EVENT", "AGENT_STATE_EVENT", "CALL_QUEUED_EVENT"])
        let agent = try #require(center.groundTruth().agents.first { $0.id == "1004" })
        #expect(agent.state == .notReady)
        #expect(agent.reasonCode == 32_767)
        #expect(center.groundTruth().skillGroups.first { $0.number == 199 }?.queuedCalls == [callID])
    }

    @Test mutating func requestsOnCallsTheAgentIsNotOnFail() {
        login("1004", agent)
        let (outcome, events) = request(.holdCallReq(HoldCallReq(invokeID: 3, peripheralID: 5000, connectionCallID: 99,
                                                                  connectionDeviceID: "2004")), agent)
        #expect(outcome == .controlFailure(.invalidCstaConnectionIdentifier))
        #expect(events.isEmpty)
        let (wrongPeripheral, _) = request(.holdCallReq(HoldCallReq(invokeID: 4, peripheralID: 1, connectionCallID: 99)), agent)
        #expect(wrongPeripheral == .failure(.invalidPeripheralId))
    }
}
