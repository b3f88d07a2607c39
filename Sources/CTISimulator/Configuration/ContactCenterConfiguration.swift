/// The contact center a simulator serves: its peripheral, skill groups, teams, agents and dialed numbers.
///
/// Every value has a default that makes sense with no configuration (``standard(agents:skillGroups:teams:)``).
/// A documented set of agents is *reserved*: the traffic generator never drives them, so desktops and tests can log
/// them in and take calls on the lab dialed number without interference.
public struct ContactCenterConfiguration: Codable, Hashable, Sendable {
    /// The peripheral (ACD) every agent, call and skill group belongs to.
    public var peripheralID: UInt32
    public var skillGroups: [SkillGroupConfiguration]
    public var teams: [TeamConfiguration]
    public var agents: [AgentConfiguration]
    public var dialedNumbers: [DialedNumberConfiguration]

    private enum CodingKeys: String, CodingKey { case peripheralID, skillGroups, teams, agents, dialedNumbers }

    /// `peripheralID` may be left out (5000); the lists are required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        peripheralID = try c.decodeIfPresent(UInt32.self, forKey: .peripheralID) ?? 5000
        skillGroups = try c.decode([SkillGroupConfiguration].self, forKey: .skillGroups)
        teams = try c.decodeIfPresent([TeamConfiguration].self, forKey: .teams) ?? []
        agents = try c.decode([AgentConfiguration].self, forKey: .agents)
        dialedNumbers = try c.decode([DialedNumberConfiguration].self, forKey: .dialedNumbers)
    }

    public init(
        peripheralID: UInt32 = 5000,
        skillGroups: [SkillGroupConfiguration],
        teams: [TeamConfiguration],
        agents: [AgentConfiguration],
        dialedNumbers: [DialedNumberConfiguration]
    ) {
        self.peripheralID = peripheralID
        self.skillGroups = skillGroups
        self.teams = teams
        self.agents = agents
        self.dialedNumbers = dialedNumbers
    }

    /// Skill group numbers 101, 102, … are the traffic's; 199 is the lab group of the reserved agents.
    public static let labSkillGroupNumber: UInt32 = 199
    /// The dialed number that routes to the lab skill group (never used by the traffic generator).
    public static let labDialedNumber = "8005550199"
    /// How many agents (the first ones) are reserved: one supervisor per team, then lab agents.
    public static let reservedAgentCount = 10

    /// The default contact center: `agents` agents (IDs 1001…, extensions 2001…, passwords `pw` + ID),
    /// `skillGroups` traffic skill groups (101…, each with a dialed number 8005550101…) plus the lab group 199,
    /// and `teams` teams (9001…). The first `teams` agents supervise one team each; they and the agents up to
    /// ``reservedAgentCount`` are reserved (lab skill group only, never driven by traffic). The others are spread
    /// over the teams and each is in two traffic skill groups.
    public static func standard(agents: Int = 50, skillGroups: Int = 4, teams: Int = 3) -> ContactCenterConfiguration {
        let names = ["Sales", "Support", "Billing", "Retention", "Claims", "Renewals", "Collections", "Technical"]
        var groups = (0..<max(skillGroups, 1)).map { index in
            SkillGroupConfiguration(
                number: 101 + UInt32(index), skillTargetID: 5101 + UInt32(index),
                name: index < names.count ? names[index] : "Group\(101 + index)")
        }
        groups.append(SkillGroupConfiguration(number: labSkillGroupNumber, skillTargetID: 5199, name: "Lab"))
        let teamCount = max(teams, 1)
        let reserved = min(max(reservedAgentCount, teamCount), agents)
        var agentList: [AgentConfiguration] = []
        for index in 0..<agents {
            let id = 1001 + index
            let team = UInt32(9001 + index % teamCount)
            let isReserved = index < reserved
            let trafficGroups = [
                groups[index % (groups.count - 1)].number,
                groups[(index + 1) % (groups.count - 1)].number,
            ]
            agentList.append(AgentConfiguration(
                id: "\(id)", extension: "\(id + 1000)", password: "pw\(id)",
                skillGroups: isReserved ? [labSkillGroupNumber] : Array(Set(trafficGroups)).sorted(),
                team: team, isSupervisor: index < teamCount, isReserved: isReserved,
                firstName: "Agent", lastName: "\(id)", skillTargetID: UInt32(id + 4000)))
        }
        let teamList = (0..<teamCount).map { index in
            TeamConfiguration(id: UInt32(9001 + index), name: "Team \(index + 1)",
                              supervisorIDs: index < agentList.count ? [agentList[index].id] : [])
        }
        var dialed = groups.filter { $0.number != labSkillGroupNumber }.map {
            DialedNumberConfiguration(number: "8005550\($0.number)", skillGroup: $0.number)
        }
        dialed.append(DialedNumberConfiguration(number: labDialedNumber, skillGroup: labSkillGroupNumber))
        return ContactCenterConfiguration(
            skillGroups: groups, teams: teamList, agents: agentList, dialedNumbers: dialed)
    }

    /// Checks the configuration; the error names the entry at fault.
    public func validate() throws(ConfigurationError) {
        var numbers = Set<UInt32>()
        for group in skillGroups where !numbers.insert(group.number).inserted {
            throw ConfigurationError(key: "skillGroups.number", "skill group \(group.number) is defined twice")
        }
        var ids = Set<String>(), extensions = Set<String>()
        for agent in agents {
            guard !agent.id.isEmpty, agent.id.utf8.count < 12 else {
                throw ConfigurationError(key: "agents.id", "agent ID '\(agent.id)' must have 1 to 11 characters")
            }
            guard ids.insert(agent.id).inserted else {
                throw ConfigurationError(key: "agents.id", "agent \(agent.id) is defined twice")
            }
            guard extensions.insert(agent.extension).inserted else {
                throw ConfigurationError(key: "agents.extension", "extension \(agent.extension) belongs to two agents")
            }
            guard !agent.extension.isEmpty, agent.extension.utf8.count < 16 else {
                throw ConfigurationError(key: "agents.extension", "extension '\(agent.extension)' must have 1 to 15 characters")
            }
            for group in agent.skillGroups where !numbers.contains(group) {
                throw ConfigurationError(key: "agents.skillGroups", "agent \(agent.id) is in unknown skill group \(group)")
            }
            if let team = agent.team, !teams.contains(where: { $0.id == team }) {
                throw ConfigurationError(key: "agents.team", "agent \(agent.id) is in unknown team \(team)")
            }
        }
        for team in teams {
            for supervisor in team.supervisorIDs where !ids.contains(supervisor) {
                throw ConfigurationError(key: "teams.supervisorIDs", "team \(team.id) names unknown supervisor \(supervisor)")
            }
        }
        var dialed = Set<String>()
        for number in dialedNumbers {
            guard dialed.insert(number.number).inserted else {
                throw ConfigurationError(key: "dialedNumbers.number", "dialed number \(number.number) is defined twice")
            }
            guard numbers.contains(number.skillGroup) else {
                throw ConfigurationError(key: "dialedNumbers.skillGroup", "dialed number \(number.number) routes to unknown skill group \(number.skillGroup)")
            }
            guard !extensions.contains(number.number) else {
                throw ConfigurationError(key: "dialedNumbers.number", "dialed number \(number.number) is also an agent extension")
            }
        }
    }
}

/// A skill group: calls queue to it and it routes them to its agents.
public struct SkillGroupConfiguration: Codable, Hashable, Sendable {
    /// The number the peripheral knows it by (SkillGroupNumber).
    public var number: UInt32
    /// The Unified CCE skill target ID (SkillGroupID).
    public var skillTargetID: UInt32
    public var name: String
    /// Seconds of wrap-up (work ready) after a call from this group; 0 for none.
    public var wrapUpSeconds: Double

    public init(number: UInt32, skillTargetID: UInt32, name: String, wrapUpSeconds: Double = 0) {
        self.number = number
        self.skillTargetID = skillTargetID
        self.name = name
        self.wrapUpSeconds = wrapUpSeconds
    }

    private enum CodingKeys: String, CodingKey { case number, skillTargetID, name, wrapUpSeconds }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(UInt32.self, forKey: .number)
        skillTargetID = try c.decodeIfPresent(UInt32.self, forKey: .skillTargetID) ?? 5000 + number
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? "Group\(number)"
        wrapUpSeconds = try c.decodeIfPresent(Double.self, forKey: .wrapUpSeconds) ?? 0
    }
}

/// A team of agents and its supervisors.
public struct TeamConfiguration: Codable, Hashable, Sendable {
    public var id: UInt32
    public var name: String
    /// The agents who supervise this team (they are members too).
    public var supervisorIDs: [String]

    public init(id: UInt32, name: String, supervisorIDs: [String]) {
        self.id = id
        self.name = name
        self.supervisorIDs = supervisorIDs
    }
}

/// An agent: identity, device, skill groups and team.
public struct AgentConfiguration: Codable, Hashable, Sendable {
    public var id: String
    /// The agent's phone extension; also the instrument (AgentInstrument) and the connection device ID of its calls.
    public var `extension`: String
    public var password: String
    public var skillGroups: [UInt32]
    public var team: UInt32?
    public var isSupervisor: Bool
    /// Reserved agents are never driven by the traffic generator.
    public var isReserved: Bool
    public var firstName: String
    public var lastName: String
    /// The Unified CCE skill target ID (ICMAgentID).
    public var skillTargetID: UInt32

    public init(
        id: String, extension: String, password: String, skillGroups: [UInt32], team: UInt32?,
        isSupervisor: Bool = false, isReserved: Bool = false, firstName: String = "", lastName: String = "",
        skillTargetID: UInt32 = 0
    ) {
        self.id = id
        self.extension = `extension`
        self.password = password
        self.skillGroups = skillGroups
        self.team = team
        self.isSupervisor = isSupervisor
        self.isReserved = isReserved
        self.firstName = firstName
        self.lastName = lastName
        self.skillTargetID = skillTargetID
    }

    private enum CodingKeys: String, CodingKey {
        case id, `extension`, password, skillGroups, team, isSupervisor, isReserved, firstName, lastName, skillTargetID
    }

    /// `id`, `extension` and `password` are required; the rest may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        self.extension = try c.decode(String.self, forKey: .extension)
        password = try c.decode(String.self, forKey: .password)
        skillGroups = try c.decodeIfPresent([UInt32].self, forKey: .skillGroups) ?? []
        team = try c.decodeIfPresent(UInt32.self, forKey: .team)
        isSupervisor = try c.decodeIfPresent(Bool.self, forKey: .isSupervisor) ?? false
        isReserved = try c.decodeIfPresent(Bool.self, forKey: .isReserved) ?? false
        firstName = try c.decodeIfPresent(String.self, forKey: .firstName) ?? ""
        lastName = try c.decodeIfPresent(String.self, forKey: .lastName) ?? ""
        skillTargetID = try c.decodeIfPresent(UInt32.self, forKey: .skillTargetID) ?? 0
    }

    /// The agent's instrument (device) is its extension.
    public var instrument: String { `extension` }
}

/// A number callers dial, routed to a skill group.
public struct DialedNumberConfiguration: Codable, Hashable, Sendable {
    public var number: String
    public var skillGroup: UInt32

    public init(number: String, skillGroup: UInt32) {
        self.number = number
        self.skillGroup = skillGroup
    }
}

/// A configuration value is invalid; `key` names it.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var key: String
    public var message: String

    public init(key: String, _ message: String) {
        self.key = key
        self.message = message
    }

    public var description: String { "configuration key \(key): \(message)" }
}
