@testable import CTIOSWire

/// SplitMix64: a small seeded generator, so that a failing round trip names a seed that replays it.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random wire content: keys that are keywords (in any case), plain ASCII or any Unicode; values of every type,
/// nested up to a depth.
struct RandomWire {
    var rng: SeededRandom

    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ percent: Int) -> Bool { int(1 ... 100) <= percent }

    /// Any Unicode scalar but surrogates, biased towards ASCII.
    mutating func scalar() -> Unicode.Scalar {
        switch int(0 ... 9) {
        case 0 ... 5: Unicode.Scalar(UInt8(int(0x20 ... 0x7E)))
        case 6: Unicode.Scalar(UInt32(int(0x80 ... 0x7FF)))!
        case 7: Unicode.Scalar(UInt32(int(0x3040 ... 0x9FFF)))!  // kana and CJK
        case 8: Unicode.Scalar(UInt32(int(0x1F300 ... 0x1FAFF)))!  // emoji
        default: Unicode.Scalar(UInt32(int(0 ... 0x1F)))!  // control characters, NUL included
        }
    }

    mutating func string(maxScalars: Int = 12) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: (0 ..< int(0 ... maxScalars)).map { _ in scalar() })
        return text
    }

    /// A key: a keyword in a random case, or a string (which may have surrounding spaces: Arguments trims them).
    mutating func key() -> String {
        if chance(50) {
            let keyword = KeywordTable.v1.keywords[int(0 ... KeywordTable.v1.count - 1)].name
            return String(keyword.map { chance(50) ? Character($0.lowercased()) : $0 })
        }
        let body = string(maxScalars: 10)
        return chance(10) ? " \(body)  " : body
    }

    /// A key as it arrives: trimmed, and a keyword in Cisco's spelling.
    mutating func canonicalKey() -> String {
        let key = Arguments.trim(key())
        return KeywordTable.v1.number(for: key).map { KeywordTable.v1.keyword(for: $0)!.name } ?? key
    }

    mutating func value(depth: Int) -> ArgumentValue {
        switch int(depth > 1 ? 0 ... 5 : 0 ... 3) {
        case 0:
            switch int(0 ... 3) {
            case 0: .integer(.min)
            case 1: .integer(.max)
            case 2: .integer(Int64(int(-200 ... 200)))
            default: .integer(Int64.random(in: .min ... .max, using: &rng))
            }
        case 1, 2: .string(string(maxScalars: 30))
        case 3: .boolean(chance(50))
        case 4: .arguments(arguments(depth: depth - 1, maxCount: 4))
        default: .array((0 ..< int(0 ... 4)).map { _ in value(depth: depth - 1) })
        }
    }

    /// Up to `depth` levels of containers (1: no nested values).
    mutating func arguments(depth: Int = 4, maxCount: Int = 8) -> Arguments {
        var arguments = Arguments()
        for _ in 0 ..< int(0 ... maxCount) { arguments[key()] = value(depth: depth) }
        return arguments
    }

    mutating func u32() -> UInt32 { chance(20) ? .max : UInt32(int(0 ... 100_000)) }
    mutating func u64() -> UInt64 { chance(20) ? .max : UInt64(int(0 ... 1_000_000)) }
    mutating func position() -> LogPosition { LogPosition(epoch: u64(), sequence: u64()) }

    mutating func change() -> ObjectChange {
        let objectID = string(maxScalars: 20)
        switch int(0 ... 2) {
        case 0: return .created(objectID: objectID, properties: arguments())
        case 1:
            let removed = (0 ..< int(0 ... 3)).map { _ in canonicalKey() }
            return .updated(objectID: objectID, properties: arguments(), removed: removed)
        default: return .deleted(objectID: objectID)
        }
    }

    mutating func batch() -> ChangeBatch {
        ChangeBatch(
            epoch: u64(), sequence: u64(),
            events: (0 ..< int(0 ... 3)).map { _ in WireEvent(name: string(), arguments: arguments()) },
            changes: (0 ..< int(0 ... 4)).map { _ in change() }
        )
    }

    /// A message of the given kind with random fields.
    mutating func message(_ kind: WireKind) -> WireMessage {
        switch kind {
        case .hello:
            .hello(versions: (0 ..< int(1 ... 5)).map { _ in ProtocolVersion(rawValue: UInt16(int(1 ... 65535))) },
                   clientName: string(), heartbeatMilliseconds: u32(), resume: chance(50) ? position() : nil)
        case .welcome:
            .welcome(version: ProtocolVersion(rawValue: UInt16(int(1 ... 65535))), serverID: string(),
                     serverName: string(), position: position(), heartbeatMilliseconds: u32())
        case .reject: .reject(code: RejectCode(rawValue: UInt16(int(0 ... 65535))), reason: string(maxScalars: 60))
        case .heartbeat: .heartbeat
        case .goodbye: .goodbye(code: GoodbyeCode(rawValue: UInt16(int(0 ... 65535))), reason: string())
        case .setAgentMode:
            .setAgentMode(requestID: u32(), peripheralID: u32(), agentID: string(), instrument: string())
        case .setMonitorMode: .setMonitorMode(requestID: u32(), filter: string(maxScalars: 40))
        case .request: .request(requestID: u32(), method: string(), arguments: arguments())
        case .response:
            if chance(50) {
                .response(requestID: u32(), result: .success(arguments()))
            } else {
                .response(requestID: u32(), result: .failure(RequestFailure(
                    code: string(), reason: string(maxScalars: 40), ctiFailureCode: chance(50) ? u32() : nil)))
            }
        case .batch: .batch(batch())
        case .snapshotBegin:
            .snapshotBegin(position: position(), reason: SnapshotReason(rawValue: UInt16(int(0 ... 65535))))
        case .snapshotObjects:
            .snapshotObjects((0 ..< int(0 ... 5)).map { _ in
                SnapshotObject(objectID: string(maxScalars: 20), properties: arguments())
            })
        case .snapshotEnd: .snapshotEnd(position: position())
        case .caughtUp: .caughtUp(position: position())
        }
    }
}

/// Samples used by several suites: what a server sends most.
enum Samples {
    static let agent = "agent.5000.1001"

    /// An agent state change: one event, one updated object with a few properties.
    static let agentStateBatch = ChangeBatch(
        epoch: 1, sequence: 42,
        events: [WireEvent(name: "OnAgentStateChange", arguments: ["UniqueObjectID": .string(agent), "AgentState": 3])],
        changes: [.updated(objectID: agent, properties: ["AgentState": 3, "StateDuration": 0], removed: ["ReasonCode"])]
    )

    /// One of every kind.
    static let everyKind: [WireMessage] = [
        .hello(versions: [1], clientName: "cil", heartbeatMilliseconds: 5000,
               resume: LogPosition(epoch: 2, sequence: 300)),
        .welcome(version: 1, serverID: "A", serverName: "ctios-a", position: LogPosition(epoch: 3, sequence: 1000),
                 heartbeatMilliseconds: 5000),
        .reject(code: .unsupportedVersion, reason: "no"),
        .heartbeat,
        .goodbye(code: .slowClient, reason: "slow"),
        .setAgentMode(requestID: 1, peripheralID: 5000, agentID: "1001", instrument: "2001"),
        .setMonitorMode(requestID: 2, filter: "UniqueObjectID=agent.5000.*"),
        .request(requestID: 300, method: "SetAgentState",
                 arguments: ["UniqueObjectID": .string(agent), "AgentState": 3, "ReasonCode": -2, "Note": true]),
        .response(requestID: 7, result: .success([:])),
        .response(requestID: 7, result: .failure(RequestFailure(code: "InvalidState", reason: "not ringing",
                                                                ctiFailureCode: 13))),
        .batch(agentStateBatch),
        .snapshotBegin(position: LogPosition(epoch: 1, sequence: 42), reason: .initial),
        .snapshotObjects([SnapshotObject(objectID: "skillgroup.5000.101", properties: [
            "SkillGroupNumber": 101, "AgentsLoggedOn": 5, "Nested": .arguments(["a": [1, "x", false]]),
        ])]),
        .snapshotEnd(position: LogPosition(epoch: 1, sequence: 42)),
        .caughtUp(position: LogPosition(epoch: 1, sequence: 42)),
    ]
}
