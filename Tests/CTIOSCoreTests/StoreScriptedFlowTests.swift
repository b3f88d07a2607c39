import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// Scripted call flows on the model, its events fed to the store: after every step the store agrees with the truth
/// (agents, every call connection object, skill groups), transfers and conferences leave no orphan, and each object's
/// ButtonEnablementMask is what the step calls for.
struct StoreScriptedFlowTests {
    var lab: StoreLab
    let lab199 = ContactCenterConfiguration.labDialedNumber

    init() throws {
        lab = try StoreLab()
        lab.expectAgreement("the configuration")
    }

    @Test func theConfigurationMakesAgentSkillGroupAndTeamObjects() {
        let objects = lab.store.snapshot()
        #expect(objects.keys.filter { $0.kind == .agent }.count == 50)
        #expect(objects.keys.filter { $0.kind == .skillGroup }.count == 5)
        #expect(objects.keys.filter { $0.kind == .team }.count == 3)
        #expect(objects.keys.filter { $0.kind == .call }.isEmpty)
        let agent = lab.agent("1001")
        #expect(agent?.string(.agentID) == "1001")
        #expect(agent?.string(.agentExtension) == "2001")
        #expect(agent?.integer(.agentState) == Int64(AgentState.logout.rawValue))
        #expect(agent?.boolean(.isSupervisor) == true)
        #expect(agent?.integer(.teamID) == 9001)
        #expect(agent?.string(.firstName) == "Agent")
        #expect(agent?.string(.uniqueObjectID) == "agent.5000.1001")
        let group = lab.store[.skillGroup(peripheral: 5000, number: 101)]
        #expect(group?.string(.skillGroupName) == "Sales")
        #expect(group?.integer(.skillGroupID) == 5101)
        let team = lab.store[.team(peripheral: 5000, teamID: 9001)]
        #expect(team?.string(.teamName) == "Team 1")
        #expect(team?["TeamMembers"]?.array?.count == 17)
    }

    @Test mutating func inboundConsultTransferWithMasksAtEveryStep() throws {
        lab.login("1004")
        #expect(lab.mask(agent: "1004") == .makeCall)
        #expect(lab.lastEventNames.contains("OnAgentStateChange"))
        lab.login("1005")
        lab.expectAgreement("two logins")
        let placed = lab.inboundCall(ani: "6175550100", callVariables: ["acct-1"],
                                     named: [NamedVariable(name: "user.CustomerID", value: "C-1")])
        let callID = try #require(placed)
        lab.expectAgreement("the call rings at 1004")
        // The route point's object came and went: begin, queued, dequeued, end; then the agent's delivery.
        #expect(lab.callObjects == ["\(callID)@2004"])
        #expect(lab.lastEventNames.contains("OnCallDelivered"))
        #expect(lab.lastEventNames.contains("OnAgentPrecallEvent"))
        #expect(lab.lastEventNames.filter { $0 == "OnCallEnd" }.count == 1, "the route point's object ended")
        #expect(lab.mask(call: callID, at: "2004") == .answer)
        #expect(lab.mask(agent: "1004") == [])
        let ringing = try #require(lab.call(callID, at: "2004"))
        #expect(ringing.string(.ani) == "6175550100")
        #expect(ringing.string(.callVariable(1)) == "acct-1")
        #expect(ringing.arguments(.eccVariables)?["user.CustomerID"] == "C-1")
        #expect(ringing.string(.agentID) == "1004")
        #expect(ringing.integer(.skillGroupNumber) == 199)

        lab.answer(callID, at: "2004", as: "1004")
        lab.expectAgreement("1004 answers")
        #expect(lab.mask(call: callID, at: "2004")
                == [.release, .hold, .transferInit, .conferenceInit, .singleStepTransfer, .singleStepConference])
        #expect(lab.lastEventNames.contains("OnButtonEnablementChange"))

        lab.hold(callID, at: "2004", as: "1004")
        lab.expectAgreement("hold")
        #expect(lab.mask(call: callID, at: "2004") == [.retrieve, .release])
        #expect(lab.mask(agent: "1004") == .makeCall, "all calls held: a new call may be made")
        lab.retrieve(callID, at: "2004", as: "1004")
        lab.expectAgreement("retrieve")

        let consulted = lab.consult(callID, from: "2004", as: "1004", to: "2005")
        let consultCall = try #require(consulted)
        lab.expectAgreement("the consultation rings at 1005")
        #expect(lab.mask(call: callID, at: "2004") == .release, "held while consulting")
        #expect(lab.mask(call: consultCall, at: "2004") == [.release, .transferComplete, .reconnect])
        #expect(lab.mask(call: consultCall, at: "2005") == .answer)

        lab.answer(consultCall, at: "2005", as: "1005")
        lab.expectAgreement("1005 answers the consultation")
        #expect(lab.mask(call: consultCall, at: "2004")
                == [.release, .transferComplete, .conferenceComplete, .alternate, .reconnect])

        let transferred = lab.request(.transferCallReq(TransferCallReq(
            invokeID: 8, peripheralID: lab.peripheral, activeConnectionCallID: consultCall, heldConnectionCallID: callID,
            activeConnectionDeviceID: "2004", heldConnectionDeviceID: "2004")), as: "1004")
        guard case .confirmed(.transferCallConf) = transferred else { Issue.record("\(transferred)"); return }
        lab.expectAgreement("the transfer")
        // 1005's connection moved from the consultation to the customer's call: a delete and a create, no orphan.
        #expect(lab.callObjects == ["\(callID)@2005"])
        let changes = lab.lastBatches.flatMap(\.changes)
        #expect(changes.contains(.deleted(objectID: "call.5000.\(consultCall).2005")))
        #expect(changes.contains { if case .created(let id, _) = $0 { id == "call.5000.\(callID).2005" } else { false } })
        #expect(lab.call(callID, at: "2005")?.string(.callVariable(1)) == "acct-1", "the customer's call data")
        #expect(lab.mask(call: callID, at: "2005")
                == [.release, .hold, .transferInit, .conferenceInit, .singleStepTransfer, .singleStepConference])
        #expect(lab.mask(agent: "1004") == [.makeCall, .wrapup], "1004 wraps up")
        #expect(lab.lastEventNames.contains("OnCallTransferred"))

        lab.center.releaseExternalParty(callID: callID)
        lab.sync()
        lab.expectAgreement("the caller hangs up")
        #expect(lab.callObjects.isEmpty)
        #expect(lab.lastEventNames.contains("OnCallCleared"))
        #expect(lab.lastEventNames.contains("OnCallEnd"))
        lab.setState("1005", .notReady, reason: 12)
        lab.expectAgreement("1005 goes Not Ready")
        #expect(lab.agent("1005")?.integer(.reasonCode) == 12)
        lab.setState("1005", .logout, reason: 3)
        lab.expectAgreement("1005 logs out")
        #expect(lab.agent("1005")?.array(.skillGroups)?.isEmpty == true)
        #expect(lab.mask(agent: "1005") == [])
    }

    @Test mutating func transferWhileTheConsultationRings() throws {
        lab.login("1004")
        lab.login("1005")
        let result1 = lab.inboundCall(ani: "6175550101")
        let callID = try #require(result1)
        lab.answer(callID, at: "2004", as: "1004")
        let result2 = lab.consult(callID, from: "2004", as: "1004", to: "2005")
        let consultCall = try #require(result2)
        let transferred = lab.request(.transferCallReq(TransferCallReq(
            invokeID: 8, peripheralID: lab.peripheral, activeConnectionCallID: consultCall, heldConnectionCallID: callID,
            activeConnectionDeviceID: "2004", heldConnectionDeviceID: "2004")), as: "1004")
        guard case .confirmed(.transferCallConf) = transferred else { Issue.record("\(transferred)"); return }
        lab.expectAgreement("the transfer of a ringing consultation")
        #expect(lab.callObjects == ["\(callID)@2005"])
        #expect(lab.mask(call: callID, at: "2005") == .answer)
        lab.answer(callID, at: "2005", as: "1005")
        lab.expectAgreement("1005 answers the transferred call")
    }

    @Test mutating func conferenceAndLeavingIt() throws {
        lab.login("1004")
        lab.login("1005")
        let result3 = lab.inboundCall(ani: "6175550111")
        let callID = try #require(result3)
        lab.answer(callID, at: "2004", as: "1004")
        let result4 = lab.consult(callID, from: "2004", as: "1004", to: "2005", type: .conference)
        let consultCall = try #require(result4)
        lab.answer(consultCall, at: "2005", as: "1005")
        let conferenced = lab.request(.conferenceCallReq(ConferenceCallReq(
            invokeID: 4, peripheralID: lab.peripheral, heldConnectionCallID: callID, activeConnectionCallID: consultCall,
            activeConnectionDeviceID: "2004", heldConnectionDeviceID: "2004")), as: "1004")
        guard case .confirmed(.conferenceCallConf) = conferenced else { Issue.record("\(conferenced)"); return }
        lab.expectAgreement("the conference")
        #expect(lab.callObjects == ["\(callID)@2004", "\(callID)@2005"])
        #expect(lab.lastEventNames.filter { $0 == "OnCallConferenced" }.count >= 2)
        let full: ButtonMask = [.release, .hold, .transferInit, .conferenceInit, .singleStepTransfer, .singleStepConference]
        #expect(lab.mask(call: callID, at: "2004") == full)
        #expect(lab.mask(call: callID, at: "2005") == full)
        lab.request(.clearConnectionReq(ClearConnectionReq(invokeID: 5, peripheralID: lab.peripheral, connectionCallID: callID,
                                                           connectionDeviceID: "2004")), as: "1004")
        lab.expectAgreement("1004 leaves the conference")
        #expect(lab.callObjects == ["\(callID)@2005"])
        lab.center.releaseExternalParty(callID: callID)
        lab.sync()
        lab.expectAgreement("the caller hangs up")
        #expect(lab.callObjects.isEmpty)
    }

    @Test mutating func ringNoAnswerRequeuesTheCall() throws {
        lab.login("1004")
        let result5 = lab.inboundCall(ani: "6175550122")
        let callID = try #require(result5)
        lab.advance(by: .seconds(lab.center.traffic.ringNoAnswerSeconds) + .milliseconds(1))
        lab.expectAgreement("ring no answer")
        #expect(lab.callObjects == ["\(callID)@\(lab199)"], "back at the route point, queued")
        #expect(lab.call(callID, at: lab199)?.integer(.localConnectionState) == Int64(LocalConnectionState.queued.rawValue))
        #expect(lab.mask(call: callID, at: lab199) == [], "a route point has no buttons")
        #expect(lab.agent("1004")?.integer(.reasonCode) == 32_767)
        #expect(lab.lastEventNames.contains("OnCallDiverted"))
        lab.login("1005")
        lab.expectAgreement("1005 gets the requeued call")
        lab.answer(callID, at: "2005", as: "1005")
        lab.expectAgreement("1005 answers")
    }

    @Test(arguments: [SupervisoryAction.supervisorBargeIn, .supervisorIntercept])
    mutating func supervisorJoinsACall(action: SupervisoryAction) throws {
        lab.login("1001")
        lab.setState("1001", .notReady, reason: 5)
        lab.login("1004")
        let result6 = lab.inboundCall(ani: "6175550133")
        let callID = try #require(result6)
        lab.answer(callID, at: "2004", as: "1004")
        let monitor = lab.request(.superviseCallReq(SuperviseCallReq(
            invokeID: 20, peripheralID: lab.peripheral, supervisoryAction: .supervisorMonitor, agentID: "1004",
            supervisorInstrument: "2001")), as: "1001")
        guard case .confirmed(.superviseCallConf) = monitor else { Issue.record("\(monitor)"); return }
        lab.expectAgreement("the supervisor monitors")
        #expect(lab.callObjects == ["\(callID)@2001", "\(callID)@2004"])
        let join = lab.request(.superviseCallReq(SuperviseCallReq(
            invokeID: 21, peripheralID: lab.peripheral, supervisoryAction: action, agentID: "1004",
            supervisorInstrument: "2001")), as: "1001")
        guard case .confirmed(.superviseCallConf) = join else { Issue.record("\(join)"); return }
        lab.expectAgreement("\(action)")
        lab.request(.superviseCallReq(SuperviseCallReq(
            invokeID: 22, peripheralID: lab.peripheral, supervisoryAction: .supervisorClear, agentID: "1004",
            supervisorInstrument: "2001")), as: "1001")
        lab.expectAgreement("the supervisor leaves")
        lab.center.releaseExternalParty(callID: callID)
        lab.sync()
        lab.expectAgreement("the caller hangs up")
        #expect(lab.callObjects.isEmpty)
    }

    @Test mutating func callDataUpdates() throws {
        lab.login("1004")
        let result7 = lab.inboundCall(
            ani: "6175550144", callVariables: ["acct-9", nil, "three"],
            named: [NamedVariable(name: "user.A", value: "1"), NamedVariable(name: "user.B", value: "2")],
            arrays: [NamedArrayElement(name: "user.List", index: 0, value: "x")])
        let callID = try #require(result7)
        lab.expectAgreement("the call with data rings")
        lab.answer(callID, at: "2004", as: "1004")
        let set = lab.request(.setCallDataReq(SetCallDataReq(
            invokeID: 30, peripheralID: lab.peripheral, connectionCallID: callID, connectionDeviceID: "2004",
            callVariable1: nil, callVariable2: "second", callVariable10: "tenth", callWrapupData: "sold",
            namedVariables: [NamedVariable(name: "user.A", value: "changed")],
            namedArrays: [NamedArrayElement(name: "user.List", index: 1, value: "y")])), as: "1004")
        #expect(set == .confirmed(.setCallDataConf(SetCallDataConf(invokeID: 30))))
        lab.expectAgreement("SET_CALL_DATA")
        #expect(lab.lastEventNames.contains("OnCallDataUpdate"))
        // Only the changed keys travel.
        let update = lab.lastBatches.flatMap(\.changes).compactMap { change -> Arguments? in
            if case .updated(_, let properties, _) = change { properties } else { nil }
        }.first
        #expect(update.map { Set($0.keys) } == ["CallVariable2", "CallVariable10", "CallWrapupData", "ECC"])
        let ecc = try #require(lab.call(callID, at: "2004")?.arguments(.eccVariables))
        #expect(ecc["user.A"] == "changed")
        #expect(ecc["user.List"] == .array(["x", "y"]))
    }

    @Test mutating func outboundCallsDeflectionAndSingleStepTransfer() throws {
        lab.login("1004")
        lab.login("1005")
        let made = lab.request(.makeCallReq(MakeCallReq(invokeID: 40, peripheralID: lab.peripheral, agentInstrument: "2004",
                                                        dialedNumber: "6175550155")), as: "1004")
        guard case .confirmed(.makeCallConf(let conf)) = made else { Issue.record("\(made)"); return }
        let outbound = conf.newConnectionCallID
        // MAKE_CALL out: no event the store sees carries the call's skill group until the far end answers.
        lab.expectAgreement("MAKE_CALL to an external number", .init(unknownSkillGroups: [outbound]))
        #expect(lab.mask(call: outbound, at: "2004") == .release)
        lab.advance(by: .seconds(lab.center.traffic.externalAnswerSeconds))
        lab.expectAgreement("the external party answers")
        let transfer = lab.request(.transferCallReq(TransferCallReq(
            invokeID: 41, peripheralID: lab.peripheral, activeConnectionCallID: outbound,
            heldConnectionCallID: GED188Protocol.nullID, activeConnectionDeviceID: "2004", dialedNumber: "2005")), as: "1004")
        guard case .confirmed(.transferCallConf) = transfer else { Issue.record("\(transfer)"); return }
        lab.expectAgreement("single-step transfer to 1005")
        #expect(lab.callObjects == ["\(outbound)@2005"])
        lab.login("1006")
        let deflect = lab.request(.deflectCallReq(DeflectCallReq(
            invokeID: 42, peripheralID: lab.peripheral, connectionCallID: outbound,
            connectionDeviceID: "2005", calledDeviceID: "2006")), as: "1005")
        #expect(deflect == .confirmed(.deflectCallConf(DeflectCallConf(invokeID: 42))))
        lab.expectAgreement("1005 deflects to 1006")
        lab.answer(outbound, at: "2006", as: "1006")
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
        #expect(lab.callObjects == ["\(outbound)@2006"])
    }

    @Test mutating func aQueuedConsultationTransferredKeepsItsRoutePoint() throws {
        lab.login("1004")
        let result8 = lab.inboundCall(ani: "6175550177")
        let callID = try #require(result8)
        lab.answer(callID, at: "2004", as: "1004")
        let result9 = lab.consult(callID, from: "2004", as: "1004", to: lab199)
        let consultCall = try #require(result9)
        lab.expectAgreement("the consultation queues")
        #expect(lab.callObjects == ["\(callID)@2004", "\(consultCall)@2004", "\(consultCall)@\(lab199)"])
        let transferred = lab.request(.transferCallReq(TransferCallReq(
            invokeID: 8, peripheralID: lab.peripheral, activeConnectionCallID: consultCall, heldConnectionCallID: callID,
            activeConnectionDeviceID: "2004", heldConnectionDeviceID: "2004")), as: "1004")
        guard case .confirmed(.transferCallConf) = transferred else { Issue.record("\(transferred)"); return }
        lab.expectAgreement("the transfer of a queued consultation")
        #expect(lab.callObjects == ["\(callID)@\(lab199)"])
        lab.login("1005")
        lab.expectAgreement("1005 gets the transferred call from the queue")
        #expect(lab.callObjects == ["\(callID)@2005"])
    }
}
