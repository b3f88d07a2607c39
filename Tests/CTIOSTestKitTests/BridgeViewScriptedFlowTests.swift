import CTIOSTestKit
import CTISimulator
import GED188
import Testing

/// The scripted call flows of the simulator's own tests, watched by a bridge view: after every step the view,
/// built from the events alone, agrees with the model's truth.
struct BridgeViewScriptedFlowTests {
    var lab: ModelLab

    init() throws {
        lab = try ModelLab()
        lab.expectAgreement("the start")
    }

    @Test mutating func consultAndTransfer() throws {
        lab.login("1004")
        lab.login("1005")
        lab.expectAgreement("two logins")
        let placed = lab.inboundCall(ani: "6175550100", callVariables: ["acct-1"])
        let callID = try #require(placed)
        lab.expectAgreement("the call rings at 1004")
        #expect(lab.view.calls[callID]?.connections.map(\.deviceID) == ["6175550100", "2004"])
        lab.answer(callID, at: "2004", as: "1004")
        lab.expectAgreement("1004 answers")
        lab.request(.holdCallReq(HoldCallReq(invokeID: 4, peripheralID: lab.peripheral, connectionCallID: callID,
                                             connectionDeviceID: "2004")), as: "1004")
        lab.expectAgreement("hold")
        lab.request(.retrieveCallReq(RetrieveCallReq(invokeID: 5, peripheralID: lab.peripheral, heldConnectionCallID: callID,
                                                     heldConnectionDeviceID: "2004")), as: "1004")
        lab.expectAgreement("retrieve")
        let consulted = lab.consult(callID, from: "2004", as: "1004", to: "2005")
        let consultCall = try #require(consulted)
        lab.expectAgreement("the consultation call rings at 1005")
        lab.answer(consultCall, at: "2005", as: "1005")
        lab.expectAgreement("1005 answers the consultation")
        let transferred = lab.request(.transferCallReq(TransferCallReq(
            invokeID: 8, peripheralID: lab.peripheral, activeConnectionCallID: consultCall, heldConnectionCallID: callID,
            activeConnectionDeviceID: "2004", heldConnectionDeviceID: "2004")), as: "1004")
        guard case .confirmed(.transferCallConf) = transferred else { Issue.record("\(transferred)"); return }
        lab.expectAgreement("the transfer")
        #expect(lab.view.calls.keys.sorted() == [callID])
        #expect(lab.view.calls[callID]?.connections == [
            .init(deviceID: "6175550100", state: .connect), .init(deviceID: "2005", state: .connect),
        ])
        lab.center.releaseExternalParty(callID: callID)
        lab.sync()
        lab.expectAgreement("the caller hangs up")
        #expect(lab.view.calls.isEmpty)
        lab.request(.setAgentStateReq(SetAgentStateReq(invokeID: 10, peripheralID: lab.peripheral, agentState: .notReady,
                                                       eventReasonCode: 12)), as: "1005")
        lab.expectAgreement("1005 goes Not Ready")
        #expect(lab.view.agents["1005"]?.reasonCode == 12)
        lab.request(.setAgentStateReq(SetAgentStateReq(invokeID: 11, peripheralID: lab.peripheral, agentState: .logout,
                                                       eventReasonCode: 3)), as: "1005")
        lab.expectAgreement("1005 logs out")
        #expect(lab.view.agents["1005"]?.skillGroups.isEmpty == true)
    }

    @Test mutating func transferWhileTheConsultationRings() throws {
        lab.login("1004")
        lab.login("1005")
        let placed = lab.inboundCall(ani: "6175550101")
        let callID = try #require(placed)
        lab.answer(callID, at: "2004", as: "1004")
        let consulted = lab.consult(callID, from: "2004", as: "1004", to: "2005")
        let consultCall = try #require(consulted)
        let transferred = lab.request(.transferCallReq(TransferCallReq(
            invokeID: 8, peripheralID: lab.peripheral, activeConnectionCallID: consultCall, heldConnectionCallID: callID,
            activeConnectionDeviceID: "2004", heldConnectionDeviceID: "2004")), as: "1004")
        guard case .confirmed(.transferCallConf) = transferred else { Issue.record("\(transferred)"); return }
        lab.expectAgreement("the transfer of a ringing consultation")
        #expect(lab.view.calls[callID]?.state(of: "2005") == .alerting)
        lab.answer(callID, at: "2005", as: "1005")
        lab.expectAgreement("1005 answers the transferred call")
    }

    @Test mutating func conference() throws {
        lab.login("1004")
        lab.login("1005")
        let placed = lab.inboundCall(ani: "6175550111")
        let callID = try #require(placed)
        lab.answer(callID, at: "2004", as: "1004")
        let consulted = lab.consult(callID, from: "2004", as: "1004", to: "2005", type: .conference)
        let consultCall = try #require(consulted)
        lab.answer(consultCall, at: "2005", as: "1005")
        lab.expectAgreement("the consultation is answered")
        let conferenced = lab.request(.conferenceCallReq(ConferenceCallReq(
            invokeID: 4, peripheralID: lab.peripheral, heldConnectionCallID: callID, activeConnectionCallID: consultCall,
            activeConnectionDeviceID: "2004", heldConnectionDeviceID: "2004")), as: "1004")
        guard case .confirmed(.conferenceCallConf) = conferenced else { Issue.record("\(conferenced)"); return }
        lab.expectAgreement("the conference")
        #expect(lab.view.calls[callID]?.connections.map(\.state) == [.connect, .connect, .connect])
        lab.request(.clearConnectionReq(ClearConnectionReq(invokeID: 5, peripheralID: lab.peripheral, connectionCallID: callID,
                                                           connectionDeviceID: "2004")), as: "1004")
        lab.expectAgreement("1004 leaves the conference")
        lab.center.releaseExternalParty(callID: callID)
        lab.sync()
        lab.expectAgreement("the caller hangs up")
    }

    @Test mutating func ringNoAnswerRequeuesTheCall() throws {
        lab.login("1004")
        let placed = lab.inboundCall(ani: "6175550122")
        let callID = try #require(placed)
        lab.advance(by: .seconds(lab.center.traffic.ringNoAnswerSeconds) + .milliseconds(1))
        lab.expectAgreement("ring no answer")
        #expect(lab.view.agents["1004"]?.state == .notReady)
        #expect(lab.view.agents["1004"]?.reasonCode == 32_767)
        #expect(lab.view.calls[callID]?.connections == [
            .init(deviceID: "6175550122", state: .connect), .init(deviceID: ContactCenterConfiguration.labDialedNumber, state: .queued),
        ])
        lab.login("1005")
        lab.expectAgreement("1005 gets the requeued call")
        lab.answer(callID, at: "2005", as: "1005")
        lab.expectAgreement("1005 answers")
    }

    @Test(arguments: [SupervisoryAction.supervisorBargeIn, .supervisorIntercept])
    mutating func supervisorJoinsACall(action: SupervisoryAction) throws {
        lab.login("1001")  // supervisor of team 9001
        lab.request(.setAgentStateReq(SetAgentStateReq(invokeID: 9, peripheralID: lab.peripheral, agentState: .notReady,
                                                       eventReasonCode: 5)), as: "1001")
        lab.login("1004")  // team 9001
        let placed = lab.inboundCall(ani: "6175550133")
        let callID = try #require(placed)
        lab.answer(callID, at: "2004", as: "1004")
        lab.expectAgreement("1004 talks")
        let monitor = lab.request(.superviseCallReq(SuperviseCallReq(
            invokeID: 20, peripheralID: lab.peripheral, supervisoryAction: .supervisorMonitor, agentID: "1004",
            supervisorInstrument: "2001")), as: "1001")
        guard case .confirmed(.superviseCallConf) = monitor else { Issue.record("\(monitor)"); return }
        lab.expectAgreement("the supervisor monitors")
        let join = lab.request(.superviseCallReq(SuperviseCallReq(
            invokeID: 21, peripheralID: lab.peripheral, supervisoryAction: action, agentID: "1004",
            supervisorInstrument: "2001")), as: "1001")
        guard case .confirmed(.superviseCallConf) = join else { Issue.record("\(join)"); return }
        lab.expectAgreement("\(action)")
        #expect(lab.view.calls[callID]?.state(of: "2001") == .connect)
        let clear = lab.request(.superviseCallReq(SuperviseCallReq(
            invokeID: 22, peripheralID: lab.peripheral, supervisoryAction: .supervisorClear, agentID: "1004",
            supervisorInstrument: "2001")), as: "1001")
        if action == .supervisorBargeIn {
            guard case .confirmed(.superviseCallConf) = clear else { Issue.record("\(clear)"); return }
        }
        lab.expectAgreement("the supervisor leaves")
        lab.center.releaseExternalParty(callID: callID)
        lab.sync()
        lab.expectAgreement("the caller hangs up")
    }

    @Test mutating func callDataUpdates() throws {
        lab.login("1004")
        let placed = lab.inboundCall(
            ani: "6175550144", callVariables: ["acct-9", nil, "three"],
            named: [NamedVariable(name: "user.A", value: "1"), NamedVariable(name: "user.B", value: "2")],
            arrays: [NamedArrayElement(name: "user.List", index: 0, value: "x")])
        let callID = try #require(placed)
        lab.expectAgreement("the call with data rings")
        lab.answer(callID, at: "2004", as: "1004")
        let set = lab.request(.setCallDataReq(SetCallDataReq(
            invokeID: 30, peripheralID: lab.peripheral, connectionCallID: callID, connectionDeviceID: "2004",
            callVariable1: nil, callVariable2: "second", callVariable10: "tenth", callWrapupData: "sold",
            namedVariables: [NamedVariable(name: "user.A", value: "changed")],
            namedArrays: [NamedArrayElement(name: "user.List", index: 1, value: "y")])), as: "1004")
        #expect(set == .confirmed(.setCallDataConf(SetCallDataConf(invokeID: 30))))
        lab.expectAgreement("SET_CALL_DATA")
        #expect(lab.view.calls[callID]?.callVariables[1] == "second")
        #expect(lab.view.calls[callID]?.callWrapupData == "sold")
    }

    @Test mutating func outboundCallsDeflectionAndSingleStepTransfer() throws {
        lab.login("1004")
        lab.login("1005")
        let made = lab.request(.makeCallReq(MakeCallReq(invokeID: 40, peripheralID: lab.peripheral, agentInstrument: "2004",
                                                        dialedNumber: "6175550155")), as: "1004")
        guard case .confirmed(.makeCallConf(let conf)) = made else { Issue.record("\(made)"); return }
        lab.expectAgreement("MAKE_CALL to an external number")
        lab.advance(by: .seconds(lab.center.traffic.externalAnswerSeconds))
        lab.expectAgreement("the external party answers")
        #expect(lab.view.calls[conf.newConnectionCallID]?.connections.map(\.state) == [.connect, .connect])
        let transfer = lab.request(.transferCallReq(TransferCallReq(
            invokeID: 41, peripheralID: lab.peripheral, activeConnectionCallID: conf.newConnectionCallID,
            heldConnectionCallID: GED188Protocol.nullID, activeConnectionDeviceID: "2004", dialedNumber: "2005")), as: "1004")
        guard case .confirmed(.transferCallConf) = transfer else { Issue.record("\(transfer)"); return }
        lab.expectAgreement("single-step transfer to 1005")
        lab.login("1006")
        let deflect = lab.request(.deflectCallReq(DeflectCallReq(
            invokeID: 42, peripheralID: lab.peripheral, connectionCallID: conf.newConnectionCallID,
            connectionDeviceID: "2005", calledDeviceID: "2006")), as: "1005")
        #expect(deflect == .confirmed(.deflectCallConf(DeflectCallConf(invokeID: 42))))
        lab.expectAgreement("1005 deflects to 1006")
        lab.answer(conf.newConnectionCallID, at: "2006", as: "1006")
        lab.expectAgreement("1006 answers")
        let internalCall = lab.request(.makeCallReq(MakeCallReq(invokeID: 43, peripheralID: lab.peripheral,
                                                                agentInstrument: "2004", dialedNumber: "2005")), as: "1004")
        guard case .confirmed(.makeCallConf(let second)) = internalCall else { Issue.record("\(internalCall)"); return }
        lab.expectAgreement("an internal call rings")
        lab.answer(second.newConnectionCallID, at: "2005", as: "1005")
        lab.expectAgreement("the internal call is answered")
        lab.request(.clearCallReq(ClearCallReq(invokeID: 44, peripheralID: lab.peripheral,
                                               connectionCallID: second.newConnectionCallID, connectionDeviceID: "2004")), as: "1004")
        lab.expectAgreement("CLEAR_CALL")
    }
}
