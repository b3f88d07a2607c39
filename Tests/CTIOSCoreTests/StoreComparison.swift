import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188

/// One named field on which the store and the simulator's truth disagree.
struct StoreDifference: Hashable, CustomStringConvertible {
    /// `agent 1004`, `call 16777301 at 2004`, `skill group 101`, `store`.
    var object: String
    /// `AgentState`, `CallVariable3`, …; empty when the object itself is missing on one side.
    var field: String
    var store: String
    var truth: String

    var description: String { "\(object)\(field.isEmpty ? "" : " " + field): store \(store), truth \(truth)" }
}

/// Compares an object store with the simulator's ground truth, object by object, on named fields.
///
/// Agents: AgentState, ReasonCode, each skill group's state, AgentExtension, TeamID, IsSupervisor, the calls at the
/// agent's device, ButtonEnablementMask (the mask the truth's states call for). Calls: one object per connection of
/// an agent device or a route point, with LocalConnectionState, CallType, ANI, DNIS, DialedNumber,
/// CallVariable1…10, CallWrapupData, ECC, SkillGroupNumber, AgentID and ButtonEnablementMask; no other call object.
/// Skill groups: SkillGroupID, SkillGroupName, and (when asked) AgentsLoggedOn, AgentsAvail and CallsQNow.
struct StoreComparison: CustomStringConvertible {
    struct Options {
        /// Agents whose reason code the store cannot know (their state changed while events were lost, and
        /// QUERY_AGENT_STATE_CONF carries no reason code): a store value of 0 is accepted for them.
        var unknownReasonCodes: Set<String> = []
        /// Calls whose skill group the store cannot know (SNAPSHOT_CALL_CONF carries none): no store value is
        /// accepted for them.
        var unknownSkillGroups: Set<UInt32> = []
        var compareStatistics = false
        var ctiServerOnline = true
    }

    var differences: [StoreDifference]

    var isEqual: Bool { differences.isEmpty }

    var description: String {
        differences.isEmpty ? "no differences"
            : "\(differences.count) differences:\n" + differences.map { "  \($0)" }.joined(separator: "\n")
    }

    init(differences: [StoreDifference]) {
        self.differences = differences
    }

    init(_ store: ObjectStore, _ truth: GroundTruth, routePoints: Set<String>, options: Options = Options()) {
        var differences: [StoreDifference] = []
        let peripheral = truth.peripheralID
        let online = truth.peripheralOnline && options.ctiServerOnline
        let objects = store.snapshot()

        // Every connection at each device, for the masks.
        var atDevice: [String: [(call: UInt32, state: LocalConnectionState)]] = [:]
        for call in truth.calls {
            for connection in call.connections { atDevice[connection.deviceID, default: []].append((call.id, connection.state)) }
        }

        func check(_ object: String, _ field: String, _ store: String, _ truth: String) {
            if store != truth { differences.append(StoreDifference(object: object, field: field, store: store, truth: truth)) }
        }

        var callsAtDevice: [String: [UInt32]] = [:]
        for id in objects.keys where id.kind == .call { callsAtDevice[id.deviceID!, default: []].append(id.callID!) }

        // Agents
        var expected = Set<UniqueObjectID>()
        for agent in truth.agents {
            let id = UniqueObjectID.agent(peripheral: peripheral, agentID: agent.id)
            expected.insert(id)
            let object = "agent \(agent.id)"
            guard let properties = objects[id] else {
                differences.append(StoreDifference(object: object, field: "", store: "absent", truth: "present"))
                continue
            }
            check(object, "AgentState", Self.agentState(properties.integer(.agentState)), "\(agent.state)")
            let reason = Self.text(properties.integer(.reasonCode))
            // A reason code the store cannot know shows as 0.
            if !(options.unknownReasonCodes.contains(agent.id) && reason == "0") {
                check(object, "ReasonCode", reason, "\(agent.reasonCode)")
            }
            var storeGroups: [UInt32: String] = [:]
            for value in properties.array(.skillGroups) ?? [] {
                guard let nested = value.arguments, let number = nested.integer(.skillGroupNumber) else { continue }
                storeGroups[UInt32(number)] = Self.agentState(nested.integer(.skillGroupState))
            }
            var truthGroups: [UInt32: String] = [:]
            for group in agent.skillGroups { truthGroups[group.number] = "\(group.state)" }
            for number in Set(storeGroups.keys).union(truthGroups.keys).sorted() {
                check(object, "skill group \(number) state", storeGroups[number] ?? "absent", truthGroups[number] ?? "absent")
            }
            check(object, "AgentExtension", Self.text(properties.string(.agentExtension)), Self.text(agent.extension))
            check(object, "TeamID", Self.text(properties.integer(.teamID)), Self.text(agent.team.map(Int64.init)))
            check(object, "IsSupervisor", Self.text(properties.boolean(.isSupervisor)), "\(agent.isSupervisor)")
            let storeCalls = (callsAtDevice[agent.extension] ?? []).sorted()
            check(object, "calls", "\(storeCalls)", "\(agent.calls.sorted())")
            let states = (atDevice[agent.extension] ?? []).map(\.state)
            check(object, "ButtonEnablementMask", Self.mask(properties.integer(.buttonEnablementMask)),
                  "\(ButtonEnablement.agent(state: agent.state, callStates: states, online: online))")
        }

        // Calls: one object per connection of an agent device or a route point.
        for call in truth.calls {
            for connection in call.connections where connection.agentID != nil || routePoints.contains(connection.deviceID) {
                let id = UniqueObjectID.call(peripheral: peripheral, callID: call.id, device: connection.deviceID)
                expected.insert(id)
                let object = "call \(call.id) at \(connection.deviceID)"
                guard let properties = objects[id] else {
                    differences.append(StoreDifference(object: object, field: "", store: "absent",
                                                       truth: "present (\(connection.state))"))
                    continue
                }
                check(object, "LocalConnectionState", Self.connectionState(properties.integer(.localConnectionState)),
                      "\(connection.state)")
                check(object, "CallType", Self.callType(properties.integer(.callType)), "\(call.type)")
                check(object, "ANI", Self.quoted(properties.string(.ani)), Self.quoted(call.ani))
                check(object, "DNIS", Self.quoted(properties.string(.dnis)), Self.quoted(call.dnis))
                check(object, "DialedNumber", Self.quoted(properties.string(.dialedNumber)), Self.quoted(call.dialedNumber))
                for index in 0..<10 {
                    let truthValue = index < call.callVariables.count ? call.callVariables[index] : nil
                    check(object, "CallVariable\(index + 1)", Self.quoted(properties.string(Keyword.callVariable(index + 1))),
                          Self.quoted(truthValue))
                }
                check(object, "CallWrapupData", Self.quoted(properties.string(.callWrapupData)), Self.quoted(call.callWrapupData))
                check(object, "ECC", Self.ecc(properties.arguments(.eccVariables)),
                      Self.ecc(call.namedVariables, call.namedArrays))
                // A skill group the store cannot know is absent.
                if !(options.unknownSkillGroups.contains(call.id) && properties.integer(.skillGroupNumber) == nil) {
                    check(object, "SkillGroupNumber", Self.text(properties.integer(.skillGroupNumber)),
                          Self.text(call.skillGroup.map(Int64.init)))
                }
                check(object, "AgentID", Self.text(properties.string(.agentID)), Self.text(connection.agentID))
                let others = (atDevice[connection.deviceID] ?? []).filter { $0.call != call.id }.map(\.state)
                check(object, "ButtonEnablementMask", Self.mask(properties.integer(.buttonEnablementMask)),
                      "\(ButtonEnablement.call(state: connection.state, isAgentDevice: connection.agentID != nil, otherStates: others, online: online))")
            }
        }
        for (id, properties) in objects.sorted(by: { $0.key < $1.key }) where id.kind == .call && !expected.contains(id) {
            differences.append(StoreDifference(
                object: "call \(id.callID!) at \(id.deviceID!)", field: "",
                store: "present (\(Self.connectionState(properties.integer(.localConnectionState))))", truth: "absent"))
        }
        for id in objects.keys.sorted() where id.kind == .agent && !expected.contains(id) {
            differences.append(StoreDifference(object: "agent \(id.agentID!)", field: "", store: "present", truth: "absent"))
        }

        // Skill groups
        for group in truth.skillGroups {
            let id = UniqueObjectID.skillGroup(peripheral: peripheral, number: group.number)
            let object = "skill group \(group.number)"
            guard let properties = objects[id] else {
                differences.append(StoreDifference(object: object, field: "", store: "absent", truth: "present"))
                continue
            }
            check(object, "SkillGroupID", Self.text(properties.integer(.skillGroupID)), "\(group.skillTargetID)")
            check(object, "SkillGroupName", Self.quoted(properties.string(.skillGroupName)), Self.quoted(group.name))
            if options.compareStatistics {
                check(object, "AgentsLoggedOn", Self.text(properties.integer(.agentsLoggedOn)), "\(group.agentsLoggedOn)")
                check(object, "AgentsAvail", Self.text(properties.integer(.agentsAvailable)), "\(group.agentsAvailable)")
                check(object, "CallsQNow", Self.text(properties.integer(.callsQueuedNow)), "\(group.queuedCalls.count)")
            }
        }
        self.differences = differences
    }

    // MARK: Formatting

    static func text<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "absent" }
    static func quoted(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "absent" }
    static func agentState(_ value: Int64?) -> String { value.map { "\(AgentState(rawValue: UInt16($0)))" } ?? "absent" }
    static func connectionState(_ value: Int64?) -> String {
        value.map { "\(LocalConnectionState(rawValue: UInt16($0)))" } ?? "absent"
    }
    static func callType(_ value: Int64?) -> String { value.map { "\(CallType(rawValue: UInt16($0)))" } ?? "absent" }
    static func mask(_ value: Int64?) -> String { value.map { "\(ButtonMask(rawValue: UInt32($0)))" } ?? "absent" }

    /// ECC as sorted `name="value"` and `name[index]="value"` items.
    static func ecc(_ variables: [NamedVariable], _ arrays: [NamedArrayElement]) -> String {
        let items = variables.map { "\($0.name)=\"\($0.value)\"" } + arrays.map { "\($0.name)[\($0.index)]=\"\($0.value)\"" }
        return "[" + items.sorted().joined(separator: ", ") + "]"
    }

    static func ecc(_ value: Arguments?) -> String {
        var variables: [NamedVariable] = []
        var arrays: [NamedArrayElement] = []
        for (name, element) in value ?? Arguments() {
            if let text = element.string {
                variables.append(NamedVariable(name: name, value: text))
            } else if let values = element.array {
                for (index, item) in values.enumerated() where item.string?.isEmpty == false {
                    arrays.append(NamedArrayElement(name: name, index: UInt8(index), value: item.string!))
                }
            }
        }
        return ecc(variables, arrays)
    }
}
