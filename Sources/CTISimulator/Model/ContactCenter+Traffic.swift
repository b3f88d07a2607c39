import GED188

/// What the model has planned for a later time.
enum ScheduledAction: Sendable {
    /// The next traffic call arrives.
    case arrival
    /// A traffic agent logs in and goes ready.
    case trafficLogin(agent: Int)
    /// A traffic agent answers a ringing call.
    case autoAnswer(agent: Int, call: UInt32, generation: UInt64)
    /// A traffic call's talk time is over: the caller hangs up.
    case callerHangsUp(call: UInt32, generation: UInt64)
    /// A traffic agent's wrap-up is over: it takes a break now and then, otherwise it goes ready.
    case wrapUpEnd(agent: Int, generation: UInt64)
    /// A traffic agent's break is over: it goes ready.
    case agentReady(agent: Int, generation: UInt64)
    /// A call rang unanswered for too long.
    case ringNoAnswer(agent: Int, call: UInt32, generation: UInt64)
    /// An external party answers an outbound call.
    case externalAnswer(call: UInt32, device: String, generation: UInt64)
}

extension ContactCenter {
    mutating func scheduleStart() {
        // Traffic agents log in over the first second, in configuration order. Nothing happens at model time zero
        // itself, so a simulator whose clock is held at zero has sent no event yet.
        let trafficAgents = agents.indices.filter { !agents[$0].configuration.isReserved }
        for (order, index) in trafficAgents.enumerated() {
            scheduler.schedule(.trafficLogin(agent: index),
                               at: .milliseconds(1 + Int64(order * 1_000 / max(trafficAgents.count, 1))))
        }
        scheduleNextArrival()
    }

    mutating func scheduleNextArrival() {
        guard traffic.callsPerSecond > 0 else { return }
        let gap = random.exponential(mean: .seconds(1 / traffic.callsPerSecond))
        // (at least 1 µs: an arrival is never due at the time it is scheduled)
        scheduler.schedule(.arrival, at: now + gap)
    }

    /// Changes the traffic profile from now on (the admin API's call rate).
    public mutating func setTraffic(_ profile: TrafficProfile) {
        let wasIdle = traffic.callsPerSecond <= 0
        traffic = profile
        if wasIdle { scheduleNextArrival() }
    }

    mutating func perform(_ action: ScheduledAction) {
        switch action {
        case .arrival:
            scheduleNextArrival()
            trafficArrival()
        case .trafficLogin(let index):
            guard !agents[index].isLoggedIn else { return }
            login(index, skillGroups: agents[index].configuration.skillGroups)
            setAgentState(index, .available)
        case .autoAnswer(let index, let callID, let generation):
            guard agents[index].timerGeneration == generation else { return }
            _ = answer(agentIndex: index, callID: callID)
        case .callerHangsUp(let callID, let generation):
            guard let call = calls[callID], call.timerGeneration == generation else { return }
            releaseExternalParty(callID: callID)
        case .wrapUpEnd(let index, let generation):
            guard agents[index].timerGeneration == generation, agents[index].calls.isEmpty,
                  agents[index].isLoggedIn else { return }
            takeBreakOrGetReady(agentIndex: index)
        case .agentReady(let index, let generation):
            guard agents[index].timerGeneration == generation, agents[index].calls.isEmpty,
                  agents[index].isLoggedIn else { return }
            setAgentState(index, .available)
        case .ringNoAnswer(let index, let callID, let generation):
            guard agents[index].timerGeneration == generation,
                  calls[callID]?.connection(at: agents[index].instrument)?.state == .alerting else { return }
            ringNoAnswer(agentIndex: index, callID: callID)
        case .externalAnswer(let callID, let device, let generation):
            guard let call = calls[callID], call.timerGeneration == generation,
                  call.connection(at: device)?.state == .alerting else { return }
            establish(callID: callID, device: device)
        }
    }

    /// A traffic call on a random traffic dialed number, from a random caller, with some call data.
    mutating func trafficArrival() {
        let numbers = configuration.dialedNumbers.filter { $0.skillGroup != ContactCenterConfiguration.labSkillGroupNumber }
        guard !numbers.isEmpty else { return }
        let dialed = numbers[Int.random(in: 0..<numbers.count, using: &random)]
        let ani = "617555" + String(Int.random(in: 1_000...9_999, using: &random))
        var variables = [String?](repeating: nil, count: 10)
        variables[0] = "acct-" + String(Int.random(in: 10_000...99_999, using: &random))
        variables[1] = ["gold", "silver", "bronze"][Int.random(in: 0..<3, using: &random)]
        let named = [NamedVariable(name: "user.CustomerID", value: "C-" + String(Int.random(in: 100_000...999_999, using: &random)))]
        _ = placeInboundCall(dialedNumber: dialed.number, ani: ani, callVariables: variables, namedVariables: named)
    }

    /// What a traffic agent does when a call starts ringing at it.
    mutating func plan(ringingCall callID: UInt32, at index: Int) {
        let generation = agents[index].timerGeneration
        if agents[index].configuration.isReserved {
            scheduler.schedule(.ringNoAnswer(agent: index, call: callID, generation: generation),
                               at: now + .seconds(traffic.ringNoAnswerSeconds))
        } else {
            let delay = random.uniform(.seconds(traffic.minimumAnswerSeconds)...(.seconds(traffic.maximumAnswerSeconds)))
            scheduler.schedule(.autoAnswer(agent: index, call: callID, generation: generation), at: now + delay)
        }
    }

    /// What happens once a traffic call is answered by a traffic agent: the caller hangs up after the talk time.
    mutating func planTalk(callID: UInt32) {
        guard let call = calls[callID], call.type == .acdIn || call.type == .prerouteAcdIn,
              call.agentIDs.allSatisfy({ agentIndex(id: $0).map { !agents[$0].configuration.isReserved } ?? false })
        else { return }
        scheduler.schedule(.callerHangsUp(call: callID, generation: call.timerGeneration),
                           at: now + random.exponential(mean: .seconds(traffic.meanHandleSeconds)))
    }

    /// A traffic agent's last call ended: wrap up if its state says so, then take a break now and then, or get ready.
    mutating func planAfterCall(agentIndex index: Int) {
        guard !agents[index].configuration.isReserved else { return }
        if agents[index].state == .workReady || agents[index].state == .workNotReady {
            let wrapUp = random.exponential(mean: .seconds(max(traffic.meanWrapUpSeconds, 0.001)))
            scheduler.schedule(.wrapUpEnd(agent: index, generation: agents[index].timerGeneration), at: now + wrapUp)
        } else if agents[index].state != .notReady {
            takeBreakOrGetReady(agentIndex: index)
        }
    }

    mutating func takeBreakOrGetReady(agentIndex index: Int) {
        if random.unit() < traffic.notReadyProbability {
            setAgentState(index, .notReady, reason: 1)
            scheduler.schedule(.agentReady(agent: index, generation: agents[index].timerGeneration),
                               at: now + random.exponential(mean: .seconds(traffic.meanNotReadySeconds)))
        } else {
            setAgentState(index, .available)
        }
    }
}
