import GED188

/// The contact center as a CTI Server reports it after a (re)connect: what the store is made equal to
/// (``ObjectStore/reconcile(with:)``).
///
/// The server gathers it from the CTI Server's own answers: the configuration (CONFIG_BEGIN_EVENT …
/// CONFIG_END_EVENT), each team (AGENT_TEAM_CONFIG_EVENT), each agent (QUERY_AGENT_STATE_CONF), each device's calls
/// (SNAPSHOT_DEVICE_CONF, which says which calls to ask about) and each call (SNAPSHOT_CALL_CONF), skill group
/// statistics (QUERY_SKILL_GROUP_STATISTICS_CONF), and whether the peripheral is online (OPEN_CONF, SYSTEM_EVENT).
public struct CTIServerSnapshot: Sendable {
    /// An agent, from QUERY_AGENT_STATE_CONF.
    public struct Agent: Hashable, Sendable {
        /// The CTI Server's answer about the agent.
        public var conf: QueryAgentStateConf
        /// The reason code, when the snapshot knows it. QUERY_AGENT_STATE_CONF carries none: the store then keeps
        /// the reason code it had while the agent's state is unchanged, and 0 when it changed.
        public var reasonCode: UInt16?

        /// An agent as QUERY_AGENT_STATE_CONF reports it, with its reason code when something else knows it.
        public init(_ conf: QueryAgentStateConf, reasonCode: UInt16? = nil) {
            self.conf = conf
            self.reasonCode = reasonCode
        }
    }

    /// The configuration messages (CONFIG_*_EVENT) and team configurations (AGENT_TEAM_CONFIG_EVENT), in order.
    /// Empty: the store keeps the configuration it has.
    public var configuration: [GED188Message]
    /// Every agent (QUERY_AGENT_STATE_CONF), logged in or not.
    public var agents: [Agent]
    /// SNAPSHOT_CALL_CONF of every call (each names its call in its CallDevice groups).
    public var calls: [SnapshotCallConf]
    /// QUERY_SKILL_GROUP_STATISTICS_CONF; a skill group without one keeps the statistics it had.
    public var skillGroupStatistics: [QuerySkillGroupStatisticsConf]
    /// Whether the peripheral is online (OPEN_CONF, SYSTEM_EVENT).
    public var peripheralOnline: Bool

    /// A snapshot from its parts.
    public init(configuration: [GED188Message] = [], agents: [Agent] = [], calls: [SnapshotCallConf] = [],
                skillGroupStatistics: [QuerySkillGroupStatisticsConf] = [], peripheralOnline: Bool = true) {
        self.configuration = configuration
        self.agents = agents
        self.calls = calls
        self.skillGroupStatistics = skillGroupStatistics
        self.peripheralOnline = peripheralOnline
    }

    /// A snapshot from the messages the CTI Server sent, in any order: configuration and team events, the
    /// confirmations of the snapshot and statistics queries, OPEN_CONF and SYSTEM_EVENT (whether the peripheral is
    /// online; the last one wins). Anything else (SNAPSHOT_DEVICE_CONF, other confirmations, failures) is skipped.
    public init<Messages: Sequence<GED188Message>>(messages: Messages, peripheralID: UInt32) {
        self.init()
        for message in messages {
            switch message {
            case .configBeginEvent, .configEndEvent, .configAgentEvent, .configSkillGroupEvent, .configDeviceEvent,
                 .configServiceEvent, .agentTeamConfigEvent:
                configuration.append(message)
            case .queryAgentStateConf(let conf): agents.append(Agent(conf))
            case .snapshotCallConf(let conf): calls.append(conf)
            case .querySkillGroupStatisticsConf(let conf): skillGroupStatistics.append(conf)
            case .openConf(let conf): peripheralOnline = conf.peripheralOnline
            case .systemEvent(let event) where event.systemEventArg1 == peripheralID:
                if event.systemEventID == .peripheralOnline { peripheralOnline = true }
                if event.systemEventID == .peripheralOffline { peripheralOnline = false }
            default: continue
            }
        }
    }

    /// The calls to ask about (SNAPSHOT_CALL_REQ) after the devices' SNAPSHOT_DEVICE_CONFs, each once, in order.
    public static func callIDs<Confs: Sequence<SnapshotDeviceConf>>(in deviceSnapshots: Confs) -> [UInt32] {
        var seen = Set<UInt32>()
        var ids: [UInt32] = []
        for conf in deviceSnapshots {
            for call in conf.calls {
                guard let id = call.connectionCallID, seen.insert(id).inserted else { continue }
                ids.append(id)
            }
        }
        return ids
    }
}
