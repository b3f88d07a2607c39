import GED188

/// What the CTI link gathered after a (re)connect: the configuration, the answers to every snapshot query, and
/// the team configurations, as the CTI Server sent them. The store reconciles itself with it.
public struct CollectedSnapshot: Sendable {
    /// CONFIG_BEGIN … CONFIG_END, in order.
    public var configuration: [GED188Message] = []
    /// QUERY_AGENT_STATE_CONF, SNAPSHOT_DEVICE_CONF, SNAPSHOT_CALL_CONF, LIST_AGENT_TEAM_CONF,
    /// MONITOR_AGENT_TEAM_START_CONF, QUERY_SKILL_GROUP_STATISTICS_CONF and the failures among them, in order.
    public var answers: [GED188Message] = []
    /// AGENT_TEAM_CONFIG_EVENTs.
    public var teams: [GED188Message] = []
    /// When OPEN_CONF arrived (model of the link's clock).
    public var openedAt: Duration = .zero
    /// Calls already asked about (SNAPSHOT_CALL_REQ).
    var queriedCalls: Set<UInt32> = []

    public init() {}

    /// The agent records of the configuration.
    public var agents: [AgentRecord] {
        configuration.flatMap { message -> [AgentRecord] in
            if case .configAgentEvent(let event) = message { return event.records }
            return []
        }.filter { $0.recordType != .delete && $0.loginID != nil }
    }

    /// The route points (dialed numbers) of the configuration.
    public var routePoints: [String] {
        configuration.flatMap { message -> [String] in
            guard case .configDeviceEvent(let event) = message else { return [] }
            return event.records.filter { $0.deviceType == .routePoint && $0.recordType != .delete }
                .compactMap { $0.dialedNumber ?? $0.extension }
        }
    }

    /// The skill group numbers of the configuration.
    public var skillGroupNumbers: [UInt32] {
        configuration.flatMap { message -> [UInt32] in
            guard case .configSkillGroupEvent(let event) = message else { return [] }
            return event.records.filter { $0.recordType != .delete }.compactMap(\.peripheralNumber)
        }
    }
}
