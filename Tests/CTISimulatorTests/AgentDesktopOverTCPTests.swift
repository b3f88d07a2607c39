import CTIOSTestKit
import CTISimulator
import GED188
import Testing

/// A reserved agent's shift against a real simulator over TCP: two CLIENT_EVENTS sessions (agents 1004 and 1005),
/// every request answered, every event's fields checked, and the request log proving each acknowledged request took
/// effect exactly once.
struct AgentDesktopOverTCPTests {
    static func desktop(_ agentID: String, on simulator: LiveSimulator) async throws -> (GED188TestClient, OpenConf) {
        let client = try await simulator.connect()
        let conf = try await client.open(OpenReq(
            invokeID: 1, idleTimeout: 60, peripheralID: 5000,
            servicesRequested: [.clientEvents, .clientControl, .callDataUpdate],
            callMsgMask: .allDefined, agentStateMask: .allDefined,
            clientID: "desk-\(agentID)", clientPassword: "", agentID: agentID))
        return (client, conf)
    }

    /// Sends a request and waits for its confirmation (or fails with the CONTROL_FAILURE_CONF).
    static func request<T>(_ client: GED188TestClient, _ message: GED188Message, expecting name: String,
                           _ match: @escaping @Sendable (GED188Message) -> T?) async throws -> T {
        try await client.send(message)
        let invokeID = message.invokeID
        return try await client.waitFor("\(name) for InvokeID \(invokeID ?? 0)") { reply in
            if case .controlFailureConf(let failure) = reply, failure.invokeID == invokeID {
                Issue.record("\(name) refused: \(failure.failureCode)")
                return nil
            }
            return match(reply)
        }
    }

    static func agentState(_ client: GED188TestClient, _ state: AgentState) async throws -> AgentStateEvent {
        try await client.waitFor("AGENT_STATE_EVENT \(state)") {
            if case .agentStateEvent(let event) = $0, event.agentState == state { event } else { nil }
        }
    }

    @Test func aWholeShift() async throws {
        try await LiveSimulator.with { simulator in
            let (desk, conf) = try await Self.desktop("1004", on: simulator)
            #expect(conf.agentState == .logout)
            #expect(conf.agentID == "1004")
            #expect(conf.agentInstrument == "2004")
            #expect(conf.servicesGranted == [.clientEvents, .clientControl, .callDataUpdate])
            #expect(conf.sessionType == .active)
            let monitorID = conf.monitorID
            #expect(monitorID != 0)
            let (other, _) = try await Self.desktop("1005", on: simulator)

            // Log in and go ready.
            _ = try await Self.request(desk, .setAgentStateReq(SetAgentStateReq(
                invokeID: 2, peripheralID: 5000, agentState: .login, agentInstrument: "2004", agentID: "1004",
                agentPassword: Secret("pw1004"))), expecting: "SET_AGENT_STATE_CONF") {
                if case .setAgentStateConf(let c) = $0, c.invokeID == 2 { c } else { nil }
            }
            let notReady = try await Self.agentState(desk, .notReady)
            #expect(notReady.monitorID == monitorID)
            #expect(notReady.agentID == "1004")
            #expect(notReady.fltSkillGroups.map(\.number) == [Int32(ContactCenterConfiguration.labSkillGroupNumber)])
            _ = try await Self.request(desk, .setAgentStateReq(SetAgentStateReq(invokeID: 3, peripheralID: 5000, agentState: .available)),
                                       expecting: "SET_AGENT_STATE_CONF") { if case .setAgentStateConf(let c) = $0, c.invokeID == 3 { c } else { nil } }
            _ = try await Self.agentState(desk, .available)
            // 1005 logs in and stays Not Ready: it takes no queued call, but 1004 can consult it.
            _ = try await Self.request(other, .setAgentStateReq(SetAgentStateReq(
                invokeID: 2, peripheralID: 5000, agentState: .login, agentID: "1005", agentPassword: Secret("pw1005"))),
                                       expecting: "SET_AGENT_STATE_CONF") { if case .setAgentStateConf(let c) = $0, c.invokeID == 2 { c } else { nil } }

            // A call on the lab number: reserved, pre-call, delivered.
            let placed = try await simulator.placeCall(ani: "6175550100", callVariables: ["acct-77", "gold"])
            let callID = try #require(placed)
            let reserved = try await Self.agentState(desk, .reserved)
            #expect(reserved.skillGroupNumber == ContactCenterConfiguration.labSkillGroupNumber)
            let preCall = try await desk.waitFor("AGENT_PRE_CALL_EVENT") { if case .agentPreCallEvent(let e) = $0 { e } else { nil } }
            #expect(preCall.agentInstrument == "2004")
            #expect(preCall.ani == "6175550100")
            #expect(preCall.callVariable1 == "acct-77")
            #expect(preCall.monitorID == monitorID)
            let delivered = try await desk.waitFor("CALL_DELIVERED_EVENT") { if case .callDeliveredEvent(let e) = $0 { e } else { nil } }
            #expect(delivered.connectionCallID == callID)
            #expect(delivered.connectionDeviceID == "2004")
            #expect(delivered.localConnectionState == .alerting)
            #expect(delivered.alertingDeviceID == "2004")
            #expect(delivered.callingDeviceID == "6175550100")
            #expect(delivered.dnis == ContactCenterConfiguration.labDialedNumber)
            #expect(delivered.callVariable2 == "gold")
            #expect(delivered.monitorID == monitorID)

            // Answer, hold, retrieve.
            _ = try await Self.request(desk, .answerCallReq(AnswerCallReq(
                invokeID: 4, peripheralID: 5000, connectionCallID: callID, connectionDeviceID: "2004")),
                                       expecting: "ANSWER_CALL_CONF") { if case .answerCallConf(let c) = $0, c.invokeID == 4 { c } else { nil } }
            let established = try await desk.waitFor("CALL_ESTABLISHED_EVENT") { if case .callEstablishedEvent(let e) = $0 { e } else { nil } }
            #expect(established.answeringDeviceID == "2004")
            #expect(established.localConnectionState == .connect)
            _ = try await Self.agentState(desk, .talking)
            _ = try await Self.request(desk, .holdCallReq(HoldCallReq(
                invokeID: 5, peripheralID: 5000, connectionCallID: callID, connectionDeviceID: "2004")),
                                       expecting: "HOLD_CALL_CONF") { if case .holdCallConf(let c) = $0, c.invokeID == 5 { c } else { nil } }
            let held = try await desk.waitFor("CALL_HELD_EVENT") { if case .callHeldEvent(let e) = $0 { e } else { nil } }
            #expect(held.holdingDeviceID == "2004")
            #expect(held.localConnectionState == .hold)
            _ = try await Self.agentState(desk, .hold)
            _ = try await Self.request(desk, .retrieveCallReq(RetrieveCallReq(
                invokeID: 6, peripheralID: 5000, heldConnectionCallID: callID, heldConnectionDeviceID: "2004")),
                                       expecting: "RETRIEVE_CALL_CONF") { if case .retrieveCallConf(let c) = $0, c.invokeID == 6 { c } else { nil } }
            _ = try await Self.agentState(desk, .talking)

            // Consult 1005 and transfer: 1005 now holds the original call (its connection changed).
            let consult = try await Self.request(desk, .consultationCallReq(ConsultationCallReq(
                invokeID: 7, peripheralID: 5000, activeConnectionCallID: callID, consultType: .transfer,
                activeConnectionDeviceID: "2004", dialedNumber: "2005")), expecting: "CONSULTATION_CALL_CONF") {
                if case .consultationCallConf(let c) = $0, c.invokeID == 7 { c } else { nil }
            }
            #expect(consult.newConnectionDeviceID == "2004")
            let ringing = try await other.waitFor("CALL_DELIVERED_EVENT at 2005") {
                if case .callDeliveredEvent(let e) = $0, e.connectionDeviceID == "2005" { e } else { nil }
            }
            #expect(ringing.connectionCallID == consult.newConnectionCallID)
            _ = try await Self.request(other, .answerCallReq(AnswerCallReq(
                invokeID: 8, peripheralID: 5000, connectionCallID: consult.newConnectionCallID, connectionDeviceID: "2005")),
                                       expecting: "ANSWER_CALL_CONF") { if case .answerCallConf(let c) = $0, c.invokeID == 8 { c } else { nil } }
            let transfer = try await Self.request(desk, .transferCallReq(TransferCallReq(
                invokeID: 9, peripheralID: 5000, activeConnectionCallID: consult.newConnectionCallID,
                heldConnectionCallID: callID, activeConnectionDeviceID: "2004", heldConnectionDeviceID: "2004")),
                                                  expecting: "TRANSFER_CALL_CONF") {
                if case .transferCallConf(let c) = $0, c.invokeID == 9 { c } else { nil }
            }
            #expect(transfer.newConnectionCallID == callID)
            #expect(Set(transfer.connectedParties.map(\.deviceID)) == ["6175550100", "2005"])
            let transferred = try await other.waitFor("CALL_TRANSFERRED_EVENT") { if case .callTransferredEvent(let e) = $0 { e } else { nil } }
            #expect(transferred.primaryCallID == callID)
            #expect(transferred.secondaryCallID == consult.newConnectionCallID)
            #expect(transferred.transferringDeviceID == "2004")
            let wrapUp = try await Self.agentState(desk, .workReady)
            #expect(wrapUp.agentID == "1004")

            // The caller hangs up on 1005, who wraps up, then everyone logs out.
            let released = try await simulator.releaseCaller(callID)
            #expect(released)
            let cleared = try await other.waitFor("CALL_CLEARED_EVENT") { if case .callClearedEvent(let e) = $0 { e } else { nil } }
            #expect(cleared.connectionCallID == callID)
            _ = try await other.waitFor("END_CALL_EVENT") { if case .endCallEvent(let e) = $0, e.connectionCallID == callID { e } else { nil } }
            _ = try await Self.agentState(other, .workReady)
            _ = try await Self.request(desk, .setAgentStateReq(SetAgentStateReq(invokeID: 10, peripheralID: 5000, agentState: .notReady, eventReasonCode: 5)),
                                       expecting: "SET_AGENT_STATE_CONF") { if case .setAgentStateConf(let c) = $0, c.invokeID == 10 { c } else { nil } }
            let reason = try await Self.agentState(desk, .notReady)
            #expect(reason.eventReasonCode == 5)
            _ = try await Self.request(desk, .setAgentStateReq(SetAgentStateReq(invokeID: 11, peripheralID: 5000, agentState: .logout, eventReasonCode: 2)),
                                       expecting: "SET_AGENT_STATE_CONF") { if case .setAgentStateConf(let c) = $0, c.invokeID == 11 { c } else { nil } }
            _ = try await Self.agentState(desk, .logout)

            let truth = try await simulator.truth()
            #expect(truth.calls.isEmpty)
            #expect(truth.agents.first { $0.id == "1004" }?.state == .logout)
            #expect(truth.agents.first { $0.id == "1005" }?.state == .workReady)

            // Every confirmed request is in the log once, with its session and InvokeID.
            let log = try await simulator.requestLog()
            let deskSession = log.first { $0.invokeID == 4 }?.session
            let deskInvokeIDs = log.filter { $0.session == deskSession }.map(\.invokeID)
            #expect(deskInvokeIDs == [2, 3, 4, 5, 6, 7, 9, 10, 11])
            #expect(log.allSatisfy { $0.confirmed })
            await desk.close()
            await other.close()
        }
    }

    @Test func aDeskMayNotActForAnotherAgent() async throws {
        try await LiveSimulator.with { simulator in
            let (desk, _) = try await Self.desktop("1004", on: simulator)
            try await desk.send(.setAgentStateReq(SetAgentStateReq(
                invokeID: 2, peripheralID: 5000, agentState: .login, agentID: "1006", agentPassword: Secret("pw1006"))))
            let failure = try await desk.waitFor("CONTROL_FAILURE_CONF") { if case .controlFailureConf(let f) = $0 { f } else { nil } }
            #expect(failure.invokeID == 2)
            #expect(failure.failureCode == .privilegeViolationOnSpecifiedDevice)
            try await desk.send(.setAgentStateReq(SetAgentStateReq(
                invokeID: 3, peripheralID: 5000, agentState: .login, agentID: "1004", agentPassword: Secret("nope"))))
            let wrongPassword = try await desk.waitFor("CONTROL_FAILURE_CONF") { if case .controlFailureConf(let f) = $0 { f } else { nil } }
            #expect(wrongPassword.failureCode == .invalidPasswordSpecified)
            let log = try await simulator.requestLog()
            #expect(log.map(\.confirmed) == [false, false], "refused requests are logged, and changed nothing")
            #expect(try await simulator.truth().version == 0)
        }
    }
}
