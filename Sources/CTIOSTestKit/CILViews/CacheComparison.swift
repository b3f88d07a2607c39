import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188

/// One named field on which a session's cache and the truth disagree.
public struct CacheDifference: Hashable, Sendable, CustomStringConvertible {
    /// `agent.5000.1004`, `call.5000.16777301.2004`.
    public var object: String
    /// The property (`AgentState`, `ANI`, …); empty when the object itself is on one side only.
    public var field: String
    public var cache: String
    public var truth: String
    public init(object: String, field: String, cache: String, truth: String) {
        self.object = object
        self.field = field
        self.cache = cache
        self.truth = truth
    }

    public var description: String { "\(object)\(field.isEmpty ? "" : " " + field): cache \(cache), truth \(truth)" }
}

/// The cache against the server's store: every object on either side and, for each, every property on either
/// side, by value.
public func compare(cache: [UniqueObjectID: Arguments], server: [UniqueObjectID: Arguments]) -> [CacheDifference] {
    var differences: [CacheDifference] = []
    for id in Set(cache.keys).union(server.keys).sorted() {
        switch (cache[id], server[id]) {
        case (nil, .some):
            differences.append(CacheDifference(object: id.description, field: "", cache: "absent", truth: "present"))
        case (.some, nil):
            differences.append(CacheDifference(object: id.description, field: "", cache: "present", truth: "absent"))
        case (let mine?, let theirs?):
            for key in Set(mine.keys).union(theirs.keys).sorted() where mine[key] != theirs[key] {
                differences.append(CacheDifference(object: id.description, field: key,
                                                   cache: mine[key].map { "\($0)" } ?? "absent",
                                                   truth: theirs[key].map { "\($0)" } ?? "absent"))
            }
        case (nil, nil):
            break
        }
    }
    return differences
}

/// The cache against the simulator's truth, on named fields, for the given agents (their objects, and the call
/// connections at their extensions):
/// - each agent: present; `AgentState`; `ReasonCode`;
/// - each call connection at one of their extensions: present on both sides (a connection on one side only is a
///   missing or phantom call); `LocalConnectionState`; `ANI`, `DNIS`, `DialedNumber`, `CallVariable1`…`10` (a value
///   the truth has must be the cache's; an empty one must be absent or empty in the cache).
public func compare(cache: [UniqueObjectID: Arguments], simulator truth: GroundTruth, agents: Set<String>) -> [CacheDifference] {
    var differences: [CacheDifference] = []
    func note(_ object: String, _ field: String, _ mine: String, _ theirs: String) {
        if mine != theirs { differences.append(CacheDifference(object: object, field: field, cache: mine, truth: theirs)) }
    }
    let peripheral = truth.peripheralID
    var devices: [String: String] = [:]
    for agent in truth.agents where agents.contains(agent.id) {
        devices[agent.extension] = agent.id
        let id = UniqueObjectID.agent(peripheral: peripheral, agentID: agent.id)
        guard let object = cache[id] else {
            note(id.description, "", "absent", "present")
            continue
        }
        note(id.description, "AgentState", object.integer(.agentState).map { "\($0)" } ?? "absent", "\(agent.state.rawValue)")
        note(id.description, "ReasonCode", object.integer(.reasonCode).map { "\($0)" } ?? "absent", "\(agent.reasonCode)")
    }
    var expected: Set<UniqueObjectID> = []
    for call in truth.calls {
        for connection in call.connections where devices[connection.deviceID] != nil {
            let id = UniqueObjectID.call(peripheral: peripheral, callID: call.id, device: connection.deviceID)
            expected.insert(id)
            guard let object = cache[id] else {
                note(id.description, "", "absent", "present")
                continue
            }
            note(id.description, "LocalConnectionState", object.integer(.localConnectionState).map { "\($0)" } ?? "absent",
                 "\(connection.state.rawValue)")
            func text(_ key: String, _ value: String?) {
                let theirs = value ?? ""
                let mine = object[key]?.string ?? ""
                note(id.description, key, mine.isEmpty ? "absent" : mine, theirs.isEmpty ? "absent" : theirs)
            }
            text("ANI", call.ani)
            text("DNIS", call.dnis)
            text("DialedNumber", call.dialedNumber)
            for index in 0..<10 {
                text("CallVariable\(index + 1)", index < call.callVariables.count ? call.callVariables[index] : nil)
            }
        }
    }
    for id in cache.keys where id.kind == .call && devices[id.deviceID ?? ""] != nil && !expected.contains(id) {
        note(id.description, "", "present", "absent")
    }
    return differences.sorted { ($0.object, $0.field) < ($1.object, $1.field) }
}
