import DequeModule
import GED188

extension ContactCenter {
    /// Logs an agent in to its skill groups: LOGIN, then NOT_READY.
    mutating func login(_ index: Int, skillGroups: [UInt32]) {
        agents[index].loggedInSkillGroups = skillGroups.isEmpty ? agents[index].configuration.skillGroups : skillGroups
        agents[index].sessionID = nextSessionID
        nextSessionID &+= 1
        statistics[agents[index].id, default: AgentStatistics()].loggedInAt = now
        setAgentState(index, .login)
        setAgentState(index, .notReady)
    }

    /// Moves an agent to `state` and reports it (AGENT_STATE_EVENT). Pending timers of the agent become stale.
    mutating func setAgentState(_ index: Int, _ state: AgentState, reason: UInt16 = 0) {
        let previous = agents[index].state
        statistics[agents[index].id, default: AgentStatistics()].leave(previous, after: now - agents[index].stateSince)
        agents[index].state = state
        agents[index].stateSince = now
        agents[index].reasonCode = (state == .notReady || state == .logout) ? reason : 0
        agents[index].timerGeneration &+= 1
        agents[index].availableSince = state == .available ? now : nil
        if state == .logout {
            agents[index].loggedInSkillGroups = []
            agents[index].afterCallState = nil
        }
        emit(.agentStateEvent(agentStateEvent(index)), agents: [agents[index].id])
        if state == .available {
            for group in agents[index].loggedInSkillGroups { becameAvailable(index, in: group) }
            for group in agents[index].loggedInSkillGroups { routeQueuedCalls(skillGroup: group) }
        }
    }

    private mutating func becameAvailable(_ index: Int, in group: UInt32) {
        availableAgents[group, default: []].append(AvailableEntry(agent: index, since: now))
        // Drop stale entries now and then, so a group nobody routes from does not grow without bound.
        if let count = availableAgents[group]?.count, count > 2 * agents.count + 16 {
            availableAgents[group] = Deque(availableAgents[group]!.filter { isAvailable($0, in: group) })
        }
    }

    func isAvailable(_ entry: AvailableEntry, in group: UInt32) -> Bool {
        let agent = agents[entry.agent]
        return agent.state == .available && agent.availableSince == entry.since && agent.loggedInSkillGroups.contains(group)
    }

    /// The agent's state in one of its skill groups: the call's group shows the call, the others BUSY_OTHER.
    func agentState(_ index: Int, inSkillGroup group: UInt32) -> AgentState {
        let agent = agents[index]
        switch agent.state {
        case .talking, .hold, .reserved:
            return agent.activeSkillGroup == nil || agent.activeSkillGroup == group ? agent.state : .busyOther
        default:
            return agent.state
        }
    }

    /// AGENT_STATE_EVENT for the agent's current state.
    func agentStateEvent(_ index: Int) -> AgentStateEvent {
        let agent = agents[index]
        let groups = agent.loggedInSkillGroups
        let primary = agent.activeSkillGroup ?? groups.first
        let primaryGroup = primary.flatMap { skillGroups[$0] }
        return AgentStateEvent(
            monitorID: 0,
            peripheralID: configuration.peripheralID,
            sessionID: agent.sessionID,
            peripheralType: .enterpriseAgent,
            skillGroupState: primary.map { agentState(index, inSkillGroup: $0) } ?? agent.state,
            stateDuration: 0,
            skillGroupNumber: primary ?? GED188Protocol.nullID,
            skillGroupID: primaryGroup?.skillTargetID ?? GED188Protocol.nullID,
            skillGroupPriority: 0,
            agentState: agent.state,
            eventReasonCode: agent.reasonCode,
            mrdID: 1,
            numTasks: UInt32(agent.calls.count),
            agentMode: 1,
            maxTaskLimit: 1,
            icmAgentID: Int32(bitPattern: agent.configuration.skillTargetID),
            agentAvailabilityStatus: agent.state == .available ? 1 : 0,
            departmentID: 0,
            agentID: agent.id,
            agentExtension: agent.configuration.extension,
            agentInstrument: agent.instrument,
            duration: nil,
            fltSkillGroups: groups.map { number in
                FltSkillGroup(number: Int32(bitPattern: number), id: skillGroups[number]?.skillTargetID,
                              priority: 0, state: agentState(index, inSkillGroup: number))
            }
        )
    }

    /// After a call changes at an agent's device: the agent's state follows its calls; with no call left it goes
    /// to wrap-up, to the state it asked for during the call, or back to where it was.
    mutating func refreshAgentState(_ index: Int) {
        let device = agents[index].instrument
        agents[index].calls.removeAll { calls[$0]?.connection(at: device) == nil }
        let states = agents[index].calls.compactMap { calls[$0]?.connection(at: device)?.state }
        let current = agents[index].state
        let next: AgentState
        if states.contains(.connect) || states.contains(.initiate) {
            next = .talking
        } else if states.contains(.hold) {
            next = .hold
        } else if states.contains(.alerting) {
            next = .reserved
        } else {
            guard [.talking, .hold, .reserved].contains(current) else { return }
            afterLastCall(index)
            return
        }
        let groupsBefore = agents[index].loggedInSkillGroups.map { agentState(index, inSkillGroup: $0) }
        if let call = agents[index].calls.last, let group = calls[call]?.skillGroup {
            agents[index].activeSkillGroup = group
        }
        if next != current {
            setAgentState(index, next)
        } else if agents[index].loggedInSkillGroups.map({ agentState(index, inSkillGroup: $0) }) != groupsBefore {
            // Same state, other call: the skill groups' states moved (the call's group shows the call).
            emit(.agentStateEvent(agentStateEvent(index)), agents: [agents[index].id])
        }
    }

    /// The agent's last call ended.
    mutating func afterLastCall(_ index: Int) {
        let group = agents[index].activeSkillGroup
        agents[index].activeSkillGroup = nil
        if let requested = agents[index].afterCallState {
            let reason = agents[index].afterCallReason
            agents[index].afterCallState = nil
            setAgentState(index, requested, reason: reason)
        } else if agents[index].configuration.isReserved || traffic.meanWrapUpSeconds > 0
                    || (group.flatMap { skillGroups[$0]?.wrapUpSeconds } ?? 0) > 0 {
            setAgentState(index, .workReady)
        } else {
            setAgentState(index, .available)
        }
        planAfterCall(agentIndex: index)
    }
}

/// Per-agent counters for QUERY_AGENT_STATISTICS_CONF (times in seconds).
struct AgentStatistics: Sendable {
    var loggedInAt: Duration = .zero
    var availableTime: Duration = .zero
    var notReadyTime: Duration = .zero
    var talkTime: Duration = .zero
    var holdTime: Duration = .zero
    var wrapUpTime: Duration = .zero
    var handledCalls: UInt32 = 0
    var outboundCalls: UInt32 = 0
    var heldCalls: UInt32 = 0
    var internalCalls: UInt32 = 0

    mutating func leave(_ state: AgentState, after time: Duration) {
        switch state {
        case .available: availableTime += time
        case .notReady: notReadyTime += time
        case .talking: talkTime += time
        case .hold: holdTime += time
        case .workReady, .workNotReady: wrapUpTime += time
        default: break
        }
    }
}
