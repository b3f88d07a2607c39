import CTIOSWire
import GED188

/// The store's typed view of the contact center: what apply works on. The objects clients see are rendered from
/// it, one change at a time.
struct Domain: Sendable {
    var agents: [String: AgentRecord] = [:]
    /// Agent devices (instruments and configured extensions) → the agent, when known ("" when not).
    var agentDevices: [String: String] = [:]
    var routePoints: Set<String> = []
    var calls: [UInt32: CallRecord] = [:]
    /// The calls with a connection at each agent device or route point, in the order they arrived there.
    var deviceCalls: [String: [UInt32]] = [:]
    var skillGroups: [UInt32: SkillGroupRecord] = [:]
    var teams: [UInt32: TeamRecord] = [:]

    init() {}

    /// What kind of device this is: an agent's (with the agent, if known), a route point, or `nil` (external).
    func kind(of device: String) -> DeviceKind? {
        if let agent = agentDevices[device] { return .agent(agent.isEmpty ? nil : agent) }
        if routePoints.contains(device) { return .routePoint }
        return nil
    }

    /// A new connection record at `device`, or `nil` for an external device.
    func newConnection(_ device: String, _ state: LocalConnectionState) -> ConnectionRecord? {
        switch kind(of: device) {
        case .agent(let agentID): ConnectionRecord(device: device, state: state, agentID: agentID, isAgentDevice: true)
        case .routePoint: ConnectionRecord(device: device, state: state, agentID: nil, isAgentDevice: false)
        case nil: nil
        }
    }

    /// The states of the connections at `device` on every call.
    func states(at device: String) -> [LocalConnectionState] {
        (deviceCalls[device] ?? []).compactMap { calls[$0]?.connection(device)?.state }
    }

    /// Rebuilds the typed view from the objects (a backup that applied a primary's batches). Everything the objects
    /// hold comes back; route points without a call are learned again from the next events or snapshot.
    init(objects: [UniqueObjectID: Arguments]) {
        for (id, properties) in objects.sorted(by: { $0.key < $1.key }) {
            switch id.kind {
            case .agent:
                guard let agent = AgentRecord(properties: properties) else { continue }
                agents[agent.id] = agent
                if let instrument = agent.instrument { agentDevices[instrument] = agent.id }
                if let agentExtension = agent.agentExtension, agentDevices[agentExtension] == nil {
                    agentDevices[agentExtension] = agent.id
                }
            case .skillGroup:
                if let group = SkillGroupRecord(properties: properties) { skillGroups[group.number] = group }
            case .team:
                if let team = TeamRecord(properties: properties) { teams[team.id] = team }
            case .call:
                guard let part = CallRecord(properties: properties, objectID: id) else { continue }
                if var call = calls[part.id] {
                    call.connections += part.connections
                    calls[part.id] = call
                } else {
                    calls[part.id] = part
                }
            }
        }
        for team in teams.values {
            for member in team.members where member.isSupervisor {
                agents[member.agentID]?.teamSupervisor = true
            }
        }
        for id in calls.keys.sorted() {
            for connection in calls[id]!.connections {
                deviceCalls[connection.device, default: []].append(id)
                if !connection.isAgentDevice { routePoints.insert(connection.device) }
            }
        }
    }
}

/// An agent device or a route point.
enum DeviceKind: Hashable {
    case agent(String?)
    case routePoint
}
