import CTIOSWire
import NIOCore

/// The objects and batches the CIL benchmark feeds a session: agents and calls with the properties the object
/// server gives them (Docs/CTIOSCore.md, "Objects"), and the batches it sends most.
enum Samples {
    static let peripheral = 5000

    static func agentID(_ index: Int) -> String { String(1001 + index) }
    static func agentObjectID(_ index: Int) -> String { "agent.\(peripheral).\(agentID(index))" }
    static func callObjectID(_ index: Int) -> String { "call.\(peripheral).\(16_777_301 + index).\(2001 + index % 10_000)" }

    /// An agent as the object server describes it: logged in to two skill groups, ready.
    static func agent(_ index: Int) -> Arguments {
        let id = agentID(index)
        return [
            "UniqueObjectID": .string(agentObjectID(index)), "PeripheralID": 5000, "AgentID": .string(id),
            "AgentExtension": .string(String(2001 + index % 10_000)), "AgentInstrument": .string(String(2001 + index % 10_000)),
            "AgentState": 3, "ReasonCode": 0,
            "SkillGroups": [["SkillGroupNumber": 101, "SkillGroupState": 3], ["SkillGroupNumber": 102, "SkillGroupState": 3]],
            "TeamID": 9001, "IsSupervisor": false, "FirstName": "Agent", "LastName": .string("Number\(id)"),
            "LoginName": .string("agent\(id)"), "AgentSkillTargetID": .integer(Int64(5000 + index)), "ButtonEnablementMask": 0x10,
        ]
    }

    /// A call connection as the object server describes it: ringing at an agent, with its caller, numbers, two call
    /// variables and an ECC variable.
    static func call(_ index: Int) -> Arguments {
        [
            "UniqueObjectID": .string(callObjectID(index)), "PeripheralID": 5000,
            "ConnectionCallID": .integer(Int64(16_777_301 + index)), "ConnectionDeviceID": .string(String(2001 + index % 10_000)),
            "LocalConnectionState": 2, "CallType": 1, "ANI": "6175550100", "DNIS": "8005551000",
            "DialedNumber": "8005551000", "CallVariable1": "account=4411", "CallVariable2": "tier=gold",
            "ECC": ["user.CustomerID": "C-99812"], "SkillGroupNumber": 101, "RouterCallKeyDay": 150_012,
            "RouterCallKeyCallID": .integer(Int64(4_000 + index)), "AgentID": .string(agentID(index % 10_000)),
            "ButtonEnablementMask": 0x1,
        ]
    }

    /// One agent state change: what a CTI Server AGENT_STATE_EVENT becomes (1 event, 1 update).
    static func agentStateBatch(agent index: Int, state: Int64, sequence: UInt64) -> WireMessage {
        let id = agentObjectID(index)
        return .batch(ChangeBatch(
            epoch: 1, sequence: sequence,
            events: [WireEvent(name: "OnAgentStateChange", arguments: [
                "UniqueObjectID": .string(id), "AgentID": .string(agentID(index)), "AgentState": .integer(state),
                "ReasonCode": 0, "StateDuration": 0,
            ])],
            changes: [.updated(objectID: id, properties: [
                "AgentState": .integer(state), "StateDuration": 0, "ButtonEnablementMask": 0x10,
            ], removed: [])]
        ))
    }

    /// A call rings (OnCallBegin, OnCallDelivered; the call created), is answered (OnCallEstablished), ends
    /// (OnCallCleared, OnCallEnd; the call deleted): three batches, five events.
    static func callBatches(call index: Int, sequence: UInt64) -> [WireMessage] {
        let id = callObjectID(index)
        let properties = call(index)
        var delivered = Arguments()
        for key in ["UniqueObjectID", "AgentID", "ANI", "DNIS", "DialedNumber", "CallVariable1", "CallVariable2"] {
            delivered[key] = properties[key]
        }
        let short: Arguments = ["UniqueObjectID": .string(id), "AgentID": properties["AgentID"]!]
        return [
            .batch(ChangeBatch(epoch: 1, sequence: sequence,
                               events: [WireEvent(name: "OnCallBegin", arguments: short),
                                        WireEvent(name: "OnCallDelivered", arguments: delivered)],
                               changes: [.created(objectID: id, properties: properties)])),
            .batch(ChangeBatch(epoch: 1, sequence: sequence,
                               events: [WireEvent(name: "OnCallEstablished", arguments: short)],
                               changes: [.updated(objectID: id, properties: ["LocalConnectionState": 3, "ButtonEnablementMask": 0x6],
                                                  removed: [])])),
            .batch(ChangeBatch(epoch: 1, sequence: sequence,
                               events: [WireEvent(name: "OnCallCleared", arguments: short),
                                        WireEvent(name: "OnCallEnd", arguments: short)],
                               changes: [.deleted(objectID: id)])),
        ]
    }
}

/// A run of batches encoded once, whose sequence numbers are rewritten in place for each copy, so that a server
/// can send millions of valid batches (the CIL checks that sequences increase) without encoding any.
///
/// Every sequence is kept in [2^21, 2^28), where a varint is exactly 4 bytes, so rewriting it never moves a byte.
struct BatchTemplate {
    /// The first sequence number of a stream (the snapshot's position is the one before).
    static let firstSequence: UInt64 = 1 << 21
    static let lastSequence: UInt64 = (1 << 28) - 1

    let bytes: ByteBuffer
    /// Where each frame's sequence varint starts, from the start of ``bytes``.
    let sequenceOffsets: [Int]
    let events: Int
    var frames: Int { sequenceOffsets.count }

    init(_ messages: [WireMessage]) throws {
        var buffer = ByteBuffer()
        var offsets: [Int] = []
        var events = 0
        for message in messages {
            guard case .batch(var batch) = message else { preconditionFailure("a template holds batches only") }
            batch.epoch = 1
            batch.sequence = Self.firstSequence
            events += batch.events.count
            let start = buffer.writerIndex
            try WireMessage.batch(batch).encode(into: &buffer)
            // length u32be, kind, epoch varint (1 byte for epoch 1), then the sequence.
            let offset = start + 4 + 1 + 1
            precondition(buffer.getBytes(at: offset, length: 4) == Self.varint4(Self.firstSequence), "unexpected batch layout")
            offsets.append(offset)
        }
        var check = ByteBuffer()
        check.writeInteger(Self.varint4Word(Self.firstSequence + 12_345), endianness: .big)
        precondition(Array(check.readableBytesView) == Self.varint4(Self.firstSequence + 12_345))
        bytes = buffer
        sequenceOffsets = offsets
        self.events = events
    }

    /// A copy of the run whose frames carry `first`, `first + 1`, …
    func copy(startingAt first: UInt64, into buffer: inout ByteBuffer) {
        let base = buffer.writerIndex
        var bytes = self.bytes
        buffer.writeBuffer(&bytes)
        for (index, offset) in sequenceOffsets.enumerated() {
            buffer.setInteger(Self.varint4Word(first + UInt64(index)), at: base + offset, endianness: .big)
        }
    }

    /// ``varint4(_:)`` as one big-endian word, written without an array.
    @inline(__always)
    static func varint4Word(_ value: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: (value & 0x7f) | 0x80) << 24 | UInt32(truncatingIfNeeded: ((value >> 7) & 0x7f) | 0x80) << 16
            | UInt32(truncatingIfNeeded: ((value >> 14) & 0x7f) | 0x80) << 8 | UInt32(truncatingIfNeeded: (value >> 21) & 0x7f)
    }

    static func varint4(_ value: UInt64) -> [UInt8] {
        precondition(value >= firstSequence && value <= lastSequence)
        return [UInt8(value & 0x7f) | 0x80, UInt8((value >> 7) & 0x7f) | 0x80, UInt8((value >> 14) & 0x7f) | 0x80,
                UInt8((value >> 21) & 0x7f)]
    }
}

/// The two streams the benchmark sends.
enum Workload: String, CaseIterable {
    /// Agent state changes, round-robin over the agents of the snapshot: 1 event and 1 update per batch.
    case agentState = "agent-state"
    /// Calls that ring, are answered and end: 3 batches and 5 events per call, with 1 to 3 calls in the cache.
    case callFlow = "call-flow"

    /// The agents the snapshot holds before the stream starts.
    static let agents = 200

    func template() throws -> BatchTemplate {
        switch self {
        case .agentState:
            // Each agent goes not ready, then ready: the run leaves every agent as it found it.
            let messages = (0..<Self.agents).map { Samples.agentStateBatch(agent: $0, state: 2, sequence: 0) }
                + (0..<Self.agents).map { Samples.agentStateBatch(agent: $0, state: 3, sequence: 0) }
            return try BatchTemplate(messages)
        case .callFlow:
            // Calls overlap: the next one rings before the last one ends.
            var messages: [WireMessage] = []
            let calls = 100
            let perCall = (0..<calls).map { Samples.callBatches(call: $0, sequence: 0) }
            for index in 0..<calls {
                messages.append(perCall[index][0])
                if index > 0 { messages.append(perCall[index - 1][2]) }
                messages.append(perCall[index][1])
            }
            messages.append(perCall[calls - 1][2])
            return try BatchTemplate(messages)
        }
    }

    /// The snapshot the session starts from.
    var snapshot: [SnapshotObject] {
        (0..<Self.agents).map { SnapshotObject(objectID: Samples.agentObjectID($0), properties: Samples.agent($0)) }
    }
}
