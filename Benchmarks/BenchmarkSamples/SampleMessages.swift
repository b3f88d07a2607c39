import GED188

/// Messages as a Unified CCE peripheral sends them: an agent state change with its skill group, and a delivered
/// call with its caller, dialed number and call variables.
public enum SampleMessages {
    public static let agentStateEvent = AgentStateEvent(
        monitorID: 0, peripheralID: 5000, sessionID: 0, peripheralType: .enterpriseAgent, skillGroupState: .available,
        stateDuration: 42, skillGroupNumber: 101, skillGroupID: 5101, skillGroupPriority: 0, agentState: .available,
        eventReasonCode: 0, mrdID: 1, numTasks: 0, agentMode: 1, maxTaskLimit: 1, icmAgentID: 5001,
        agentAvailabilityStatus: 1, departmentID: 0, agentID: "1001", agentExtension: "2001", agentInstrument: "2001"
    )

    public static let callDeliveredEvent = CallDeliveredEvent(
        monitorID: 0, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .static,
        connectionCallID: 16_777_301, lineHandle: 0, lineType: .inboundAcd, serviceNumber: 0xFFFF_FFFF,
        serviceID: 0xFFFF_FFFF, skillGroupNumber: 101, skillGroupID: 5101, skillGroupPriority: 0,
        alertingDeviceType: .deviceIdentifier, callingDeviceType: .external, calledDeviceType: .deviceIdentifier,
        lastRedirectDeviceType: .notApplicable, localConnectionState: .alerting, eventCause: .newCall,
        connectionDeviceID: "2001", alertingDeviceID: "2001", callingDeviceID: "6175550100", calledDeviceID: "8005551000",
        ani: "6175550100", dnis: "8005551000", dialedNumber: "8005551000",
        callVariable1: "account=4411", callVariable2: "tier=gold",
        namedVariables: [NamedVariable(name: "user.CustomerID", value: "C-99812")]
    )
}
