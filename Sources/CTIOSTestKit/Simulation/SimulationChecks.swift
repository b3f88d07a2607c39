import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188

/// The property checks, pure: each takes what it compares and returns the differences, each naming the property,
/// the subject, the field and both values. ``SimulatedWorld`` calls them at every settle point; tests call them on
/// data with one field made wrong (the twins).
public enum SimulationChecks {
    /// A client's cache against its server's store (what the server says the client may see), exactly: an object
    /// only in the cache is a phantom; one missing, or any property that differs, is a cache that is not the truth.
    public static func compare(cache: [String: Arguments], store: [UniqueObjectID: Arguments], subject: String,
                               at: Duration = .zero) -> [SimulationViolation] {
        var violations: [SimulationViolation] = []
        let server = Dictionary(uniqueKeysWithValues: store.map { ($0.key.description, $0.value) })
        for id in Set(cache.keys).union(server.keys).sorted() {
            switch (cache[id], server[id]) {
            case (.some, nil):
                violations.append(SimulationViolation(.noPhantoms, subject: "\(subject) \(id)", expected: "absent (not in the server's store)",
                                                      actual: "present", at: at))
            case (nil, .some):
                violations.append(SimulationViolation(.cacheEqualsTruth, subject: "\(subject) \(id)", expected: "present (in the server's store)",
                                                      actual: "absent", at: at))
            case (let mine?, let theirs?):
                for key in Set(mine.keys).union(theirs.keys).sorted() where mine[key] != theirs[key] {
                    violations.append(SimulationViolation(.cacheEqualsTruth, subject: "\(subject) \(id)", field: key,
                                                          expected: theirs[key].map { "\($0)" } ?? "absent",
                                                          actual: mine[key].map { "\($0)" } ?? "absent", at: at))
                }
            case (nil, nil):
                break
            }
        }
        return violations
    }

    /// A client's cache against the simulator's truth, on named fields, for `agents` (their objects and the call
    /// connections at their extensions): each agent present with its `AgentState` and `ReasonCode` (0 accepted, see
    /// below); each call
    /// connection present with its `LocalConnectionState`, `ANI`, `DNIS`, `DialedNumber` and `CallVariable1`…`10`;
    /// a call connection at one of their extensions that the truth does not have is a phantom.
    public static func compare(cache: [String: Arguments], truth: GroundTruth, agents: Set<String>, subject: String,
                               at: Duration = .zero) -> [SimulationViolation] {
        var violations: [SimulationViolation] = []
        func note(_ object: String, _ field: String, mine: String, theirs: String) {
            guard mine != theirs else { return }
            violations.append(SimulationViolation(.cacheEqualsTruth, subject: "\(subject) \(object)", field: field,
                                                  expected: theirs, actual: mine, at: at))
        }
        let peripheral = truth.peripheralID
        var devices: Set<String> = []
        for agent in truth.agents where agents.contains(agent.id) {
            devices.insert(agent.extension)
            let id = UniqueObjectID.agent(peripheral: peripheral, agentID: agent.id).description
            guard let object = cache[id] else {
                note(id, "", mine: "absent", theirs: "present")
                continue
            }
            note(id, "AgentState", mine: object.integer(.agentState).map { "\($0)" } ?? "absent", theirs: "\(agent.state.rawValue)")
            // QUERY_AGENT_STATE_CONF carries no reason code (`CTIServerSnapshot.Agent.reasonCode`): a store rebuilt
            // from a CTI Server snapshot has 0 for an agent whose state changed while it did not see the events. So a
            // 0 is accepted for the truth's code; any other value must be the truth's.
            let reason = object.integer(.reasonCode)
            if reason != 0 || agent.reasonCode == 0 {
                note(id, "ReasonCode", mine: reason.map { "\($0)" } ?? "absent", theirs: "\(agent.reasonCode)")
            }
        }
        var expected: Set<String> = []
        for call in truth.calls {
            for connection in call.connections where devices.contains(connection.deviceID) {
                let id = UniqueObjectID.call(peripheral: peripheral, callID: call.id, device: connection.deviceID).description
                expected.insert(id)
                guard let object = cache[id] else {
                    note(id, "", mine: "absent", theirs: "present")
                    continue
                }
                note(id, "LocalConnectionState", mine: object.integer(.localConnectionState).map { "\($0)" } ?? "absent",
                     theirs: "\(connection.state.rawValue)")
                func text(_ key: String, _ value: String?) {
                    let theirs = value ?? "", mine = object[key]?.string ?? ""
                    note(id, key, mine: mine.isEmpty ? "absent" : mine, theirs: theirs.isEmpty ? "absent" : theirs)
                }
                text("ANI", call.ani)
                text("DNIS", call.dnis)
                text("DialedNumber", call.dialedNumber)
                for index in 0..<10 {
                    text("CallVariable\(index + 1)", index < call.callVariables.count ? call.callVariables[index] : nil)
                }
            }
        }
        for id in cache.keys.sorted() where !expected.contains(id) {
            guard let object = UniqueObjectID(id), object.kind == .call, let device = object.deviceID, devices.contains(device) else { continue }
            violations.append(SimulationViolation(.noPhantoms, subject: "\(subject) \(id)", expected: "absent (the simulator has no such call)",
                                                  actual: "present", at: at))
        }
        return violations
    }

    /// Every request made before `before` has exactly one answer.
    public static func checkAnswers(_ requests: [SimulatedWorld.RequestRecord], madeBefore before: Duration,
                                    at: Duration = .zero) -> [SimulationViolation] {
        var violations: [SimulationViolation] = []
        for record in requests.sorted(by: { ($0.desk, $0.handle) < ($1.desk, $1.handle) }) where record.answers.count != 1 {
            guard record.answers.count > 1 || record.issuedAt < before else { continue }
            violations.append(SimulationViolation(.answeredOnce, subject: "request \(record.handle) of desk \(record.desk) (\(record.method))",
                                                  field: "answers", expected: "1",
                                                  actual: "\(record.answers.count)\(record.answers.isEmpty ? " (made at \(Fault.text(record.issuedAt)))" : ": \(record.answers)")",
                                                  at: at))
        }
        return violations
    }

    /// The GED-188 requests the desks' methods become; one of them that took effect must be one a desk made.
    public static let deskRequests: Set<String> = ["SET_AGENT_STATE_REQ", "ANSWER_CALL_REQ", "CLEAR_CONNECTION_REQ"]

    /// Against the simulator's request log: a request answered with success took effect exactly once; none took
    /// effect twice; one answered as never carried out (a failure whose outcome is known) took no effect; and
    /// nothing a desk could ask took effect unless a desk asked it.
    public static func checkEffects(requests: [SimulatedWorld.RequestKey: SimulatedWorld.RequestRecord],
                                    attribution: [SimulatedWorld.InvokeKey: SimulatedWorld.RequestKey],
                                    log: [RequestLog.Entry], at: Duration = .zero) -> [SimulationViolation] {
        var violations: [SimulationViolation] = []
        var effects: [SimulatedWorld.RequestKey: [RequestLog.Entry]] = [:]
        for entry in log where entry.confirmed {
            guard let key = attribution[SimulatedWorld.InvokeKey(session: entry.session, invokeID: entry.invokeID)] else {
                if deskRequests.contains(entry.request) {
                    violations.append(SimulationViolation(.effectOnce, subject: "log entry \(entry.sequence) (\(entry.request), session \(entry.session), InvokeID \(entry.invokeID))",
                                                          field: "origin", expected: "a desk's request", actual: "none: \(entry.effect)", at: at))
                }
                continue
            }
            effects[key, default: []].append(entry)
        }
        for key in requests.keys.sorted() {
            guard let record = requests[key], record.method != "SetMode" else { continue }
            let count = effects[key]?.count ?? 0
            let subject = "\(key) (\(record.method))"
            let effect = effects[key].map { $0.map { "#\($0.sequence) \($0.effect)" }.joined(separator: ", ") } ?? "none"
            switch record.answers.first {
            case .success?:
                if count != 1 {
                    violations.append(SimulationViolation(.effectOnce, subject: subject, field: "effects", expected: "1 (it was acknowledged)",
                                                          actual: "\(count): \(effect)", at: at))
                }
            case .failure(let error)? where !error.outcomeIsUnknown:
                if count != 0 {
                    violations.append(SimulationViolation(.effectOnce, subject: subject, field: "effects",
                                                          expected: "0 (it failed: \(error.code))", actual: "\(count): \(effect)", at: at))
                }
            case .failure?, nil:
                if count > 1 {
                    violations.append(SimulationViolation(.effectOnce, subject: subject, field: "effects", expected: "at most 1",
                                                          actual: "\(count): \(effect)", at: at))
                }
            }
        }
        return violations
    }

    /// Whether a position is on a store's history: the store is at or past it in the same epoch, or its backlog
    /// holds it (a backup that took over continues the same history in a new epoch).
    public static func holds(_ position: LogPosition, on store: ObjectStore) -> Bool {
        if store.epoch == position.epoch, store.sequence >= position.sequence { return true }
        return store.batches(after: position.epoch, sequence: position.sequence) != nil
    }
}
