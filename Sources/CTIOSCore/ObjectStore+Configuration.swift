import CTIOSWire
import GED188

// Configuration (CONFIG_*_EVENT), teams (AGENT_TEAM_CONFIG_EVENT) and skill group statistics.

extension ObjectStore {
    mutating func applyConfigAgents(_ event: ConfigAgentEvent) {
        for record in event.records {
            if let peripheral = record.peripheralID, !isOurs(peripheral) { continue }
            guard let id = record.loginID, !id.isEmpty else { continue }
            if record.recordType == .delete {
                removeAgent(id)
                continue
            }
            if let old = record.oldLoginID, !old.isEmpty, old != id, domain.agents[old] != nil { removeAgent(old) }
            changeAgent(id) { agent in
                if let value = record.firstName { agent.firstName = value }
                if let value = record.lastName { agent.lastName = value }
                if let value = record.loginName { agent.loginName = value }
                if let value = record.extension, !value.isEmpty { agent.agentExtension = value }
                if let value = record.agentSkillTargetID, value != GED188Protocol.nullID { agent.skillTargetID = value }
                // AgentType 1: a supervisor.
                if let type = record.agentType { agent.configuredSupervisor = type == 1 }
            }
        }
    }

    mutating func removeAgent(_ id: String) {
        guard let agent = domain.agents[id] else { return }
        touchAgent(id)
        domain.agents[id] = nil
        for device in [agent.instrument, agent.agentExtension].compactMap({ $0 }) where domain.agentDevices[device] == id {
            domain.agentDevices[device] = ""
        }
    }

    mutating func applyConfigSkillGroups(_ event: ConfigSkillGroupEvent) {
        for record in event.records {
            if let peripheral = record.peripheralID, !isOurs(peripheral) { continue }
            guard let number = record.peripheralNumber else { continue }
            if record.recordType == .delete {
                removeSkillGroup(number)
                continue
            }
            if let old = record.oldPeripheralNumber, old != number, old != GED188Protocol.nullID { removeSkillGroup(old) }
            touchSkillGroup(number)
            var group = domain.skillGroups[number] ?? SkillGroupRecord(number: number)
            if let id = record.skillGroupSkillTargetID, id != GED188Protocol.nullID { group.skillGroupID = id }
            if let name = record.peripheralName { group.name = name }
            domain.skillGroups[number] = group
        }
    }

    mutating func removeSkillGroup(_ number: UInt32) {
        guard domain.skillGroups[number] != nil else { return }
        touchSkillGroup(number)
        domain.skillGroups[number] = nil
    }

    /// Route points and agent devices: no object of their own, but they decide which connections have one.
    mutating func applyConfigDevices(_ event: ConfigDeviceEvent) {
        for record in event.records {
            if let peripheral = record.peripheralID, !isOurs(peripheral) { continue }
            switch record.deviceType {
            case .routePoint?:
                for device in [record.dialedNumber, record.extension].compactMap({ $0 }) where !device.isEmpty {
                    if record.recordType == .delete { domain.routePoints.remove(device) } else { domain.routePoints.insert(device) }
                }
            case .agentDeviceExtension?:
                guard let device = record.extension, !device.isEmpty else { continue }
                if record.recordType == .delete {
                    if domain.agentDevices[device] == "" { domain.agentDevices[device] = nil }
                } else if domain.agentDevices[device] == nil {
                    domain.agentDevices[device] = ""
                }
            default:
                continue
            }
        }
    }

    mutating func applyTeamConfig(_ event: AgentTeamConfigEvent) {
        guard isOurs(event.peripheralID) else { return }
        let id = event.teamID
        touchTeam(id)
        var team = domain.teams[id] ?? TeamRecord(id: id)
        if let name = event.agentTeamName { team.name = name }
        let before = team.members
        let listed = event.agents.compactMap { member in
            // AgentFlags: 0x1 primary supervisor, 0x4 supervisor.
            member.agentID.map { TeamMemberRecord(agentID: $0, isSupervisor: (member.flags ?? 0) & 0x5 != 0) }
        }
        switch event.configOperation {
        case .addAgent:
            for member in listed {
                if let index = team.members.firstIndex(where: { $0.agentID == member.agentID }) {
                    team.members[index] = member
                } else {
                    team.members.append(member)
                }
            }
        case .removeAgent:
            team.members.removeAll { member in listed.contains { $0.agentID == member.agentID } }
        default:
            team.members = listed
        }
        domain.teams[id] = team
        let objectID = UniqueObjectID.team(peripheral: configuration.peripheralID, teamID: id)
        var affected = before.map(\.agentID)
        for member in team.members where !affected.contains(member.agentID) { affected.append(member.agentID) }
        for agentID in affected {
            let isMember = team.members.contains { $0.agentID == agentID }
            let supervises = domain.teams.values.contains { $0.members.contains { $0.agentID == agentID && $0.isSupervisor } }
            let known = domain.agents[agentID]
            guard isMember || known != nil else { continue }
            let teamID = isMember ? id : (known?.teamID == id ? nil : known?.teamID)
            if known == nil || known?.teamID != teamID || known?.teamSupervisor != supervises {
                changeAgent(agentID) { agent in
                    agent.teamID = teamID
                    agent.teamSupervisor = supervises
                }
            }
            let wasMember = before.contains { $0.agentID == agentID }
            guard wasMember != isMember else { continue }
            var arguments = Arguments()
            arguments[.uniqueObjectID] = .string(objectID.description)
            arguments[.messageID] = .integer(Int64(MessageType.agentTeamConfigEvent.rawValue))
            arguments[.peripheralID] = .integer(Int64(configuration.peripheralID))
            arguments[.teamID] = .integer(Int64(id))
            Self.put(&arguments, .teamName, team.name)
            arguments[.agentID] = .string(agentID)
            arguments[Key.configOperation] = .integer(isMember ? 1 : 2)
            arguments[.isSupervisor] = .boolean(team.members.first { $0.agentID == agentID }?.isSupervisor ?? false)
            transaction.main.append(WireEvent(name: EventName.onNewAgentTeamMember.rawValue, arguments: arguments))
        }
    }

    mutating func applySkillGroupStatistics(_ conf: QuerySkillGroupStatisticsConf) {
        guard isOurs(conf.peripheralID) else { return }
        var number = conf.skillGroupNumber
        if number == GED188Protocol.nullID {
            guard let found = domain.skillGroups.values.first(where: { $0.skillGroupID == conf.skillGroupID }) else { return }
            number = found.number
        }
        let statistics = SkillGroupRecord.statisticsFields.map { $0.field(conf) }
        var group = domain.skillGroups[number] ?? SkillGroupRecord(number: number)
        if group.skillGroupID == nil, conf.skillGroupID != GED188Protocol.nullID { group.skillGroupID = conf.skillGroupID }
        guard group != domain.skillGroups[number] || group.statistics != statistics else { return }
        touchSkillGroup(number)
        group.statistics = statistics
        domain.skillGroups[number] = group
        let objectID = UniqueObjectID.skillGroup(peripheral: configuration.peripheralID, number: number)
        var arguments = Arguments()
        arguments[.uniqueObjectID] = .string(objectID.description)
        arguments[.messageID] = .integer(Int64(MessageType.querySkillGroupStatisticsConf.rawValue))
        arguments[.peripheralID] = .integer(Int64(configuration.peripheralID))
        arguments[.skillGroupNumber] = .integer(Int64(number))
        if let id = group.skillGroupID { arguments[.skillGroupID] = .integer(Int64(id)) }
        for (index, field) in SkillGroupRecord.statisticsFields.enumerated() {
            arguments.setValue(.integer(Int64(statistics[index])), for: field.key)
        }
        transaction.main.append(WireEvent(name: EventName.onSkillGroupStatisticsUpdated.rawValue, arguments: arguments))
    }
}
