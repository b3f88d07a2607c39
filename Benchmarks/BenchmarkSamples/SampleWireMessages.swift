import CTIOSWire

/// What a CTI OS server sends most: an agent state change (a few changed properties and one event) and a delivered
/// call (a new call object with its caller, numbers and call variables, and its event).
public enum SampleWireMessages {
    static let agent = "agent.5000.1001"
    static let call = "call.5000.16777301.2001"

    public static let agentStateBatch = WireMessage.batch(ChangeBatch(
        epoch: 1, sequence: 1_234_567,
        events: [WireEvent(name: "OnAgentStateChange", arguments: [
            "UniqueObjectID": .string(agent), "AgentState": 3, "ReasonCode": 0,
        ])],
        changes: [.updated(objectID: agent, properties: [
            "AgentState": 3, "StateDuration": 0, "ButtonEnablementMask": 0x10,
        ], removed: ["ReasonCode"])]
    ))

    public static let callDeliveredBatch = WireMessage.batch(ChangeBatch(
        epoch: 1, sequence: 1_234_568,
        events: [WireEvent(name: "OnCallDelivered", arguments: [
            "UniqueObjectID": .string(call), "ANI": "6175550100", "DNIS": "8005551000", "CallType": 1,
        ])],
        changes: [
            .created(objectID: call, properties: [
                "UniqueObjectID": .string(call), "PeripheralID": 5000, "ConnectionCallID": 16_777_301,
                "ConnectionDeviceID": "2001", "LocalConnectionState": 2, "CallType": 1, "ANI": "6175550100",
                "DNIS": "8005551000", "DialedNumber": "8005551000", "CallingDeviceID": "6175550100",
                "CalledDeviceID": "8005551000", "AlertingDeviceID": "2001", "SkillGroupNumber": 101,
                "CallVariable1": "account=4411", "CallVariable2": "tier=gold",
                "ECC": ["user.CustomerID": "C-99812"],
            ]),
            .updated(objectID: agent, properties: ["ButtonEnablementMask": 0x1], removed: []),
        ]
    ))
}
