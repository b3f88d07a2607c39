import CTIOSWire

/// The seed corpus: a few valid frames of every kind (`FuzzCTIOSWire --write-corpus DIR`).
enum Seeds {
    static let agent = "agent.5000.1001"

    static let messages: [WireMessage] = [
        .hello(versions: [1], clientName: "cil", heartbeatMilliseconds: 5000, resume: nil),
        .hello(versions: [2, 1], clientName: "agent-desktop 1001@host", heartbeatMilliseconds: 0,
               resume: LogPosition(epoch: 2, sequence: 300)),
        .welcome(version: 1, serverID: "A", serverName: "ctios-a", position: LogPosition(epoch: 3, sequence: 1000),
                 heartbeatMilliseconds: 5000),
        .reject(code: .unsupportedVersion, reason: "no common protocol version: the client offers 2, this server speaks 1"),
        .reject(code: .notReady, reason: "catching up"),
        .heartbeat,
        .goodbye(code: .slowClient, reason: "queue full"),
        .goodbye(code: .protocolError, reason: "unknown frame kind at offset 4"),
        .setAgentMode(requestID: 1, peripheralID: 5000, agentID: "1001", instrument: "2001"),
        .setMonitorMode(requestID: 2, filter: "UniqueObjectID=agent.5000.*;AgentState=3,4"),
        .request(requestID: 3, method: "Login", arguments: [
            "UniqueObjectID": .string(agent), "AgentID": "1001", "AgentPassword": "1234", "AgentInstrument": "2001",
            "PeripheralID": 5000,
        ]),
        .request(requestID: 4, method: "SetCallData", arguments: [
            "UniqueObjectID": "call.5000.16777301.2001", "CallVariable1": "account=4411",
            "ECC": ["user.CustomerID": "C-99812", "user.Tags": ["gold", "vip", 3, true]],
        ]),
        .response(requestID: 3, result: .success([:])),
        .response(requestID: 4, result: .success(["UniqueObjectID": "call.5000.16777301.2001", "Ok": true])),
        .response(requestID: 5, result: .failure(RequestFailure(code: "CTIFailure", reason: "refused",
                                                                ctiFailureCode: 36))),
        .response(requestID: 6, result: .failure(RequestFailure(code: "InvalidState", reason: "not ringing"))),
        .batch(ChangeBatch(epoch: 1, sequence: 42,
            events: [WireEvent(name: "OnAgentStateChange", arguments: ["UniqueObjectID": .string(agent), "AgentState": 3])],
            changes: [.updated(objectID: agent, properties: ["AgentState": 3, "StateDuration": 0], removed: ["ReasonCode"])])),
        .batch(ChangeBatch(epoch: 2, sequence: 1 << 40,
            events: [WireEvent(name: "OnCallDelivered", arguments: ["UniqueObjectID": "call.5000.7.2001", "ANI": "6175550100"])],
            changes: [
                .created(objectID: "call.5000.7.2001", properties: [
                    "UniqueObjectID": "call.5000.7.2001", "ConnectionCallID": 7, "Parties": ["2001", "6175550100"],
                    "Nested": ["a": ["b": [-1, .integer(.min), .integer(.max)]]], "Größe": "ü", "名前": "🙂",
                ]),
                .deleted(objectID: "call.5000.6.2001"),
            ])),
        .snapshotBegin(position: LogPosition(epoch: 1, sequence: 42), reason: .resumePointNotInHistory),
        .snapshotObjects([
            SnapshotObject(objectID: agent, properties: ["AgentState": 2, "SkillGroups": [101, 102]]),
            SnapshotObject(objectID: "skillgroup.5000.101", properties: ["AgentsLoggedOn": 5, "SkillGroupName": "Sales"]),
        ]),
        .snapshotEnd(position: LogPosition(epoch: 1, sequence: 42)),
        .caughtUp(position: LogPosition(epoch: 1, sequence: 42)),
    ]
}
