import CTIOSCore
import CTIOSWire
import GED188

/// Turns a CIL request (a CTI OS method on an object, with its `Arguments`) into the GED-188 request that carries it
/// out, checking first what the server can check: the method exists, its object exists and the client may act on
/// it, its arguments are there. Pure: the store is read through the two closures.
///
/// Methods, by object (Cisco's CIL names):
/// - Agent (`UniqueObjectID` `agent.…`): `Login` (AgentPassword; AgentInstrument and SkillGroups optional),
///   `Logout` (ReasonCode), `SetAgentState` (AgentState, ReasonCode), `MakeCall` (DialedNumber, call data),
///   `QueryAgentState`, `MakeEmergencyCall`, `RequestSupervisorAssist`, `SuperviseCall` (SupervisoryAction and the
///   supervised call's UniqueObjectID in `CallUniqueObjectID`), `QueryAgentStatistics`.
/// - Call (`call.…`): `Answer`, `Hold`, `Retrieve`, `ClearConnection` (release), `Clear`, `MakeConsultCall`
///   (DialedNumber, ConsultType), `Transfer` and `Conference` (with the agent's other call), `SingleStepTransfer`
///   and `SingleStepConference` (DialedNumber), `Alternate`, `Reconnect`, `Deflect` (DialedNumber), `SetCallData`
///   (CallVariable1…10, CallWrapupData, ECC), `SendDTMFSignal` (DTMFString), `Snapshot`.
/// - SkillGroup (`skillgroup.…`): `QuerySkillGroupStatistics`.
struct RequestMapper {
    let peripheralID: UInt32

    /// Reads one object's properties.
    var object: (UniqueObjectID) -> Arguments?
    /// The call objects at an agent's device, in the store's order.
    var callsOfAgent: (String) -> [(id: UniqueObjectID, properties: Arguments)]

    typealias Mapped = Result<GED188Message, RequestFailure>

    static func failure(_ code: String, _ reason: String) -> Mapped {
        .failure(RequestFailure(code: code, reason: reason))
    }

    func map(method: String, arguments: Arguments, mode: ClientMode?) -> Mapped {
        guard let mode else {
            return Self.failure(RequestFailure.StandardCode.noMode, "set agent or monitor mode before \(method)")
        }
        guard case .agent(let ownAgent) = mode else {
            return Self.failure(RequestFailure.StandardCode.notPermitted, "a monitor-mode session cannot \(method)")
        }
        guard let text = arguments.string(.uniqueObjectID) else {
            return Self.failure(RequestFailure.StandardCode.invalidArguments, "\(method) needs UniqueObjectID")
        }
        guard let id = UniqueObjectID(text) else {
            return Self.failure(RequestFailure.StandardCode.invalidArguments, "UniqueObjectID '\(text)' is not an object ID")
        }
        guard let properties = object(id) else {
            return Self.failure(RequestFailure.StandardCode.noSuchObject, "no object \(id)")
        }
        switch id.kind {
        case .agent:
            guard id.agentID == ownAgent else {
                return Self.failure(RequestFailure.StandardCode.notPermitted, "agent \(ownAgent) cannot act as \(id.agentID ?? "?")")
            }
            return agentRequest(method, arguments, agent: properties, agentID: ownAgent)
        case .call:
            guard properties.string(.agentID) == ownAgent else {
                return Self.failure(RequestFailure.StandardCode.notPermitted, "\(id) is not agent \(ownAgent)'s call")
            }
            return callRequest(method, arguments, call: id, properties: properties, agentID: ownAgent)
        case .skillGroup:
            guard method == "QuerySkillGroupStatistics", let number = UInt32(id.parts[0]) else {
                return Self.failure(RequestFailure.StandardCode.unknownMethod, "a skill group has no method \(method)")
            }
            return .success(.querySkillGroupStatisticsReq(QuerySkillGroupStatisticsReq(
                peripheralID: peripheralID, skillGroupNumber: number, skillGroupID: GED188Protocol.nullID)))
        case .team:
            return Self.failure(RequestFailure.StandardCode.unknownMethod, "a team has no method \(method)")
        }
    }

    // MARK: Agent

    private func agentRequest(_ method: String, _ arguments: Arguments, agent: Arguments, agentID: String) -> Mapped {
        let instrument = arguments.string(.agentInstrument) ?? agent.string(.agentInstrument) ?? agent.string(.agentExtension)
        switch method {
        case "Login":
            guard let password = arguments.string(.agentPassword) else {
                return Self.failure(RequestFailure.StandardCode.invalidArguments, "Login needs AgentPassword")
            }
            let groups = (arguments.array(.skillGroups) ?? []).compactMap { $0.integer }.map {
                SkillGroupSelection(number: UInt32(truncatingIfNeeded: $0), priority: 0)
            }
            return .success(.setAgentStateReq(SetAgentStateReq(
                peripheralID: peripheralID, agentState: .login, agentInstrument: instrument, agentID: agentID,
                agentPassword: Secret(password), skillGroups: groups)))
        case "Logout":
            return .success(.setAgentStateReq(SetAgentStateReq(
                peripheralID: peripheralID, agentState: .logout,
                eventReasonCode: UInt16(truncatingIfNeeded: arguments.integer(.reasonCode) ?? 0),
                agentInstrument: instrument, agentID: agentID)))
        case "SetAgentState":
            guard let state = arguments.integer(.agentState) else {
                return Self.failure(RequestFailure.StandardCode.invalidArguments, "SetAgentState needs AgentState")
            }
            return .success(.setAgentStateReq(SetAgentStateReq(
                peripheralID: peripheralID, agentState: AgentState(rawValue: UInt16(truncatingIfNeeded: state)),
                eventReasonCode: UInt16(truncatingIfNeeded: arguments.integer(.reasonCode) ?? 0),
                agentInstrument: instrument, agentID: agentID)))
        case "MakeCall":
            guard let dialed = arguments.string(.dialedNumber), !dialed.isEmpty else {
                return Self.failure(RequestFailure.StandardCode.invalidArguments, "MakeCall needs DialedNumber")
            }
            let data = CallData(arguments)
            return .success(.makeCallReq(MakeCallReq(
                peripheralID: peripheralID, agentInstrument: instrument, dialedNumber: dialed,
                callVariable1: data.variables[0], callVariable2: data.variables[1], callVariable3: data.variables[2],
                callVariable4: data.variables[3], callVariable5: data.variables[4], callVariable6: data.variables[5],
                callVariable7: data.variables[6], callVariable8: data.variables[7], callVariable9: data.variables[8],
                callVariable10: data.variables[9], callWrapupData: data.wrapup, namedVariables: data.named)))
        case "QueryAgentState":
            return .success(.queryAgentStateReq(QueryAgentStateReq(peripheralID: peripheralID, mrdID: 1, agentID: agentID)))
        case "QueryAgentStatistics":
            return .success(.queryAgentStatisticsReq(QueryAgentStatisticsReq(peripheralID: peripheralID, agentID: agentID)))
        case "MakeEmergencyCall":
            return .success(.emergencyCallReq(EmergencyCallReq(peripheralID: peripheralID, agentID: agentID,
                                                               agentInstrument: instrument)))
        case "RequestSupervisorAssist":
            return .success(.supervisorAssistReq(SupervisorAssistReq(peripheralID: peripheralID, agentID: agentID,
                                                                     agentInstrument: instrument)))
        case "SuperviseCall":
            guard let action = arguments.integer("SupervisoryAction"),
                  let target = arguments.string("CallUniqueObjectID").flatMap(UniqueObjectID.init),
                  let call = object(target), let callID = target.callID, let device = target.deviceID
            else {
                return Self.failure(RequestFailure.StandardCode.invalidArguments,
                                    "SuperviseCall needs SupervisoryAction and the supervised call's CallUniqueObjectID")
            }
            return .success(.superviseCallReq(SuperviseCallReq(
                peripheralID: peripheralID, agentConnectionCallID: callID,
                supervisoryAction: SupervisoryAction(rawValue: UInt16(truncatingIfNeeded: action)),
                agentConnectionDeviceID: device, agentID: call.string(.agentID), supervisorInstrument: instrument)))
        default:
            return Self.failure(RequestFailure.StandardCode.unknownMethod, "an agent has no method \(method)")
        }
    }

    // MARK: Call

    private func callRequest(_ method: String, _ arguments: Arguments, call id: UniqueObjectID, properties: Arguments,
                             agentID: String) -> Mapped {
        guard let callID = id.callID, let device = id.deviceID else {
            return Self.failure(RequestFailure.StandardCode.invalidArguments, "\(id) is not a call")
        }
        let state = properties.integer(.localConnectionState).map { LocalConnectionState(rawValue: UInt16(truncatingIfNeeded: $0)) }
        /// The agent's other call: the held one when this one is active, and the reverse.
        func otherCall() -> (id: UniqueObjectID, callID: UInt32)? {
            callsOfAgent(agentID).first { $0.id != id }.flatMap { other in other.id.callID.map { (other.id, $0) } }
        }
        func dialed() -> String? { arguments.string(.dialedNumber).flatMap { $0.isEmpty ? nil : $0 } }
        switch method {
        case "Answer":
            return .success(.answerCallReq(AnswerCallReq(
                peripheralID: peripheralID, connectionCallID: callID, connectionDeviceIDType: .static,
                connectionDeviceID: device)))
        case "Hold":
            return .success(.holdCallReq(HoldCallReq(
                peripheralID: peripheralID, connectionCallID: callID, connectionDeviceIDType: .static, connectionDeviceID: device)))
        case "Retrieve":
            return .success(.retrieveCallReq(RetrieveCallReq(
                peripheralID: peripheralID, heldConnectionCallID: callID, heldConnectionDeviceIDType: .static,
                heldConnectionDeviceID: device)))
        case "ClearConnection", "Release":
            return .success(.clearConnectionReq(ClearConnectionReq(
                peripheralID: peripheralID, connectionCallID: callID, connectionDeviceIDType: .static, connectionDeviceID: device)))
        case "Clear":
            return .success(.clearCallReq(ClearCallReq(
                peripheralID: peripheralID, connectionCallID: callID, connectionDeviceIDType: .static, connectionDeviceID: device)))
        case "MakeConsultCall":
            guard let number = dialed() else {
                return Self.failure(RequestFailure.StandardCode.invalidArguments, "MakeConsultCall needs DialedNumber")
            }
            let data = CallData(arguments)
            return .success(.consultationCallReq(ConsultationCallReq(
                peripheralID: peripheralID, activeConnectionCallID: callID, activeConnectionDeviceIDType: .static,
                consultType: ConsultType(rawValue: UInt16(truncatingIfNeeded: arguments.integer("ConsultType") ?? 0)),
                activeConnectionDeviceID: device, dialedNumber: number,
                callVariable1: data.variables[0], callVariable2: data.variables[1], callVariable3: data.variables[2],
                callVariable4: data.variables[3], callVariable5: data.variables[4], callVariable6: data.variables[5],
                callVariable7: data.variables[6], callVariable8: data.variables[7], callVariable9: data.variables[8],
                callVariable10: data.variables[9], callWrapupData: data.wrapup, namedVariables: data.named)))
        case "Transfer", "Conference", "Alternate", "Reconnect":
            guard let other = otherCall() else {
                return Self.failure(RequestFailure.StandardCode.invalidState, "\(method) needs a second call at \(device)")
            }
            // The call the method is invoked on may be either one: the held one is the one on hold.
            let thisHeld = state == .hold
            let held = thisHeld ? callID : other.callID
            let active = thisHeld ? other.callID : callID
            switch method {
            case "Transfer":
                return .success(.transferCallReq(TransferCallReq(
                    peripheralID: peripheralID, activeConnectionCallID: active, heldConnectionCallID: held,
                    activeConnectionDeviceIDType: .static, heldConnectionDeviceIDType: .static,
                    activeConnectionDeviceID: device, heldConnectionDeviceID: device)))
            case "Conference":
                return .success(.conferenceCallReq(ConferenceCallReq(
                    peripheralID: peripheralID, heldConnectionCallID: held, activeConnectionCallID: active,
                    activeConnectionDeviceID: device, heldConnectionDeviceID: device)))
            case "Alternate":
                return .success(.alternateCallReq(AlternateCallReq(
                    peripheralID: peripheralID, activeConnectionCallID: active, otherConnectionCallID: held,
                    activeConnectionDeviceID: device, otherConnectionDeviceID: device)))
            default:
                return .success(.reconnectCallReq(ReconnectCallReq(
                    peripheralID: peripheralID, activeConnectionCallID: active, heldConnectionCallID: held,
                    activeConnectionDeviceID: device, heldConnectionDeviceID: device)))
            }
        case "SingleStepTransfer":
            guard let number = dialed() else {
                return Self.failure(RequestFailure.StandardCode.invalidArguments, "SingleStepTransfer needs DialedNumber")
            }
            return .success(.transferCallReq(TransferCallReq(
                peripheralID: peripheralID, activeConnectionCallID: callID, heldConnectionCallID: GED188Protocol.nullID,
                activeConnectionDeviceIDType: .static, heldConnectionDeviceIDType: .notApplicable,
                activeConnectionDeviceID: device, dialedNumber: number)))
        case "SingleStepConference":
            guard let number = dialed() else {
                return Self.failure(RequestFailure.StandardCode.invalidArguments, "SingleStepConference needs DialedNumber")
            }
            return .success(.conferenceCallReq(ConferenceCallReq(
                peripheralID: peripheralID, heldConnectionCallID: GED188Protocol.nullID, activeConnectionCallID: callID,
                activeConnectionDeviceID: device, dialedNumber: number)))
        case "Deflect":
            guard let number = dialed() else {
                return Self.failure(RequestFailure.StandardCode.invalidArguments, "Deflect needs DialedNumber")
            }
            return .success(.deflectCallReq(DeflectCallReq(
                peripheralID: peripheralID, connectionCallID: callID, connectionDeviceIDType: .static,
                calledDeviceType: .deviceIdentifier, connectionDeviceID: device, calledDeviceID: number)))
        case "SetCallData":
            let data = CallData(arguments)
            return .success(.setCallDataReq(SetCallDataReq(
                peripheralID: peripheralID, connectionDeviceIDType: .static, connectionCallID: callID,
                callType: CallType(rawValue: UInt16(truncatingIfNeeded: properties.integer(.callType) ?? 0xFFFF)),
                connectionDeviceID: device,
                callVariable1: data.variables[0], callVariable2: data.variables[1], callVariable3: data.variables[2],
                callVariable4: data.variables[3], callVariable5: data.variables[4], callVariable6: data.variables[5],
                callVariable7: data.variables[6], callVariable8: data.variables[7], callVariable9: data.variables[8],
                callVariable10: data.variables[9], callWrapupData: data.wrapup, namedVariables: data.named)))
        case "SendDTMFSignal":
            guard let digits = arguments.string("DTMFString"), !digits.isEmpty else {
                return Self.failure(RequestFailure.StandardCode.invalidArguments, "SendDTMFSignal needs DTMFString")
            }
            return .success(.sendDTMFSignalReq(SendDTMFSignalReq(
                peripheralID: peripheralID, connectionCallID: callID, connectionDeviceIDType: .static,
                connectionDeviceID: device, dtmfString: digits)))
        case "Snapshot":
            return .success(.snapshotCallReq(SnapshotCallReq(
                peripheralID: peripheralID, connectionCallID: callID, connectionDeviceIDType: .static, connectionDeviceID: device)))
        default:
            return Self.failure(RequestFailure.StandardCode.unknownMethod, "a call has no method \(method)")
        }
    }
}

/// The call data a request may carry: CallVariable1…10, CallWrapupData, ECC (a nested set of name → string).
struct CallData {
    var variables: [String?] = Array(repeating: nil, count: 10)
    var wrapup: String?
    var named: [NamedVariable] = []

    init(_ arguments: Arguments) {
        for index in 0..<10 { variables[index] = arguments.string(.callVariable(index + 1)) }
        wrapup = arguments.string(.callWrapupData)
        if let ecc = arguments.arguments(.eccVariables) {
            named = ecc.compactMap { key, value in value.string.map { NamedVariable(name: key, value: $0) } }
        }
    }
}
