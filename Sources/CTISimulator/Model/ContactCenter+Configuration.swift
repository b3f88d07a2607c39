import GED188

extension ContactCenter {
    /// The configuration a bridge client asked for (CONFIG_REQUEST_EVENT), as CONFIG_BEGIN_EVENT, the record
    /// events (at most 10 records each) in the guide's order, and CONFIG_END_EVENT. Services are one per dialed
    /// number; devices are the dialed numbers (route points) and the agents' extensions.
    public func configurationMessages(_ information: ConfigMessageMask, type: ConfigType = .solicited) -> [GED188Message] {
        let peripheral = configuration.peripheralID
        var messages: [GED188Message] = [.configBeginEvent(ConfigBeginEvent(configType: type, configInformation: information))]
        if information.contains(.service) {
            let records = configuration.dialedNumbers.enumerated().map { offset, number in
                ServiceRecord(recordType: .add, peripheralID: peripheral, peripheralNumber: UInt32(offset + 1),
                              serviceSkillTargetID: 6_001 + UInt32(offset), peripheralName: number.number,
                              numServiceMembers: 1, serviceMembers: [number.skillGroup], servicePriorities: [1])
            }
            messages += chunks(records).map { .configServiceEvent(ConfigServiceEvent(records: $0)) }
        }
        if information.contains(.skillGroup) {
            let records = configuration.skillGroups.map {
                SkillGroupRecord(recordType: .add, peripheralID: peripheral, peripheralNumber: $0.number,
                                 skillGroupSkillTargetID: $0.skillTargetID, peripheralName: $0.name)
            }
            messages += chunks(records).map { .configSkillGroupEvent(ConfigSkillGroupEvent(records: $0)) }
        }
        if information.contains(.agent) {
            let records = configuration.agents.map {
                GED188.AgentRecord(recordType: .add, peripheralID: peripheral, agentType: $0.isSupervisor ? 1 : 0,
                            loginID: $0.id, loginName: $0.id, lastName: $0.lastName, firstName: $0.firstName,
                            extension: $0.extension, agentSkillTargetID: $0.skillTargetID,
                            numSkills: UInt16($0.skillGroups.count), skillGroupNumbers: $0.skillGroups)
            }
            messages += chunks(records).map { .configAgentEvent(ConfigAgentEvent(records: $0)) }
        }
        if information.contains(.device) {
            let routePoints = configuration.dialedNumbers.map {
                DeviceRecord(recordType: .add, peripheralID: peripheral, deviceType: .routePoint,
                             dialedNumber: $0.number, extension: $0.number)
            }
            let phones = configuration.agents.map {
                DeviceRecord(recordType: .add, peripheralID: peripheral, deviceType: .agentDeviceExtension,
                             extension: $0.extension)
            }
            messages += chunks(routePoints + phones).map { .configDeviceEvent(ConfigDeviceEvent(records: $0)) }
        }
        messages.append(.configEndEvent(ConfigEndEvent(configEndStatus: .success)))
        return messages
    }

    private func chunks<T>(_ records: [T]) -> [[T]] {
        stride(from: 0, to: records.count, by: 10).map { Array(records[$0..<min($0 + 10, records.count)]) }
    }
}
