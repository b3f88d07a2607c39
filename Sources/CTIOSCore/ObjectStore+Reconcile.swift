import CTIOSWire
import GED188

extension ObjectStore {
    /// The changes that turn `old` into `new`, in object ID order: created objects with all their properties,
    /// updated ones with only the keys whose values changed (and the keys that went), deleted ones.
    public static func diff(from old: [UniqueObjectID: Arguments], to new: [UniqueObjectID: Arguments]) -> [ObjectChange] {
        var ids = Array(new.keys)
        for id in old.keys where new[id] == nil { ids.append(id) }
        ids.sort()
        var changes: [ObjectChange] = []
        for id in ids {
            switch (old[id], new[id]) {
            case (nil, let properties?):
                changes.append(.created(objectID: id.description, properties: properties))
            case (_?, nil):
                changes.append(.deleted(objectID: id.description))
            case (let before?, let after?):
                guard before != after else { continue }
                var changed = Arguments()
                var removed: [String] = []
                for (key, value) in after where before[key] != value { changed.setValue(value, for: key) }
                for (key, _) in before where !after.contains(key) { removed.append(key) }
                changes.append(.updated(objectID: id.description, properties: changed, removed: removed))
            case (nil, nil):
                continue
            }
        }
        return changes
    }

    /// Makes the store equal to what the CTI Server reports after a (re)connect, as one batch: the smallest
    /// changes (``diff(from:to:)``) and the CTI OS events a client would have seen had it watched the calls and
    /// agents change (OnCallEnd for a call object that vanished, OnCallBegin and a state event for one that
    /// appeared, one state event for a connection whose state moved, OnCallDataUpdate for changed call data, one
    /// OnAgentStateChange for an agent whose state, reason or skill groups changed, OnSkillGroupStatisticsUpdated,
    /// OnNewAgentTeamMember, OnButtonEnablementChange, and OnCTIOSFailure when the link or peripheral state moved).
    /// The CTI Server link is online afterwards. Returns `nil` when the store already was equal.
    public mutating func reconcile(with snapshot: CTIServerSnapshot) -> ChangeBatch? {
        if domainIsStale { rebuildDomain() }
        let target = reconciled(with: snapshot)
        let changes = Self.diff(from: objects, to: target.objects)
        var events = Self.reconciliationEvents(from: objects, to: target.objects, changes: changes)
        let wasOnline = (peripheralOnline, ctiServerOnline)
        objects = target.objects
        domain = target.domain
        peripheralOnline = target.peripheralOnline
        ctiServerOnline = true
        transaction.reset()
        if wasOnline.1 != ctiServerOnline { raiseFailure(.ctiServerOnline, message: "CTI Server online") }
        if wasOnline.0 != peripheralOnline {
            raiseFailure(peripheralOnline ? .peripheralOnline : .peripheralOffline,
                         message: "peripheral \(configuration.peripheralID) \(peripheralOnline ? "online" : "offline")")
        }
        events = transaction.main + events
        transaction.reset()
        guard !changes.isEmpty || !events.isEmpty else { return nil }
        return stamp(events: events, changes: changes)
    }

    /// A store built from the snapshot alone (with this store's configuration when the snapshot brings none), with
    /// what the snapshot cannot say carried over from this store.
    func reconciled(with snapshot: CTIServerSnapshot) -> ObjectStore {
        var fresh = ObjectStore(configuration: Configuration(peripheralID: configuration.peripheralID,
                                                             backlogMaximumBatches: 0, backlogMaximumBytes: 0))
        fresh.peripheralOnline = snapshot.peripheralOnline
        if snapshot.configuration.isEmpty {
            fresh.domain.agentDevices = domain.agentDevices
            fresh.domain.routePoints = domain.routePoints
            fresh.domain.teams = domain.teams
            fresh.domain.skillGroups = domain.skillGroups
            for (id, agent) in domain.agents {
                var kept = AgentRecord(id: id)
                kept.agentExtension = agent.agentExtension
                kept.instrument = agent.instrument
                kept.teamID = agent.teamID
                kept.configuredSupervisor = agent.configuredSupervisor
                kept.teamSupervisor = agent.teamSupervisor
                kept.firstName = agent.firstName
                kept.lastName = agent.lastName
                kept.loginName = agent.loginName
                kept.skillTargetID = agent.skillTargetID
                fresh.domain.agents[id] = kept
            }
            fresh.objects = fresh.renderAll()
        } else {
            for message in snapshot.configuration { _ = fresh.apply(message) }
        }
        for agent in snapshot.agents {
            // The reason code: the snapshot's, else this store's while the state is the same.
            var reason = agent.reasonCode
            if reason == nil, let id = fresh.agentID(agent.conf.agentID, instrument: agent.conf.agentInstrument),
               let known = domain.agents[id], known.state == agent.conf.agentState {
                reason = known.reasonCode
            }
            fresh.transaction.reset()
            fresh.applyAgentStateConf(agent.conf, reasonCode: reason ?? 0)
            _ = fresh.commit()
        }
        for conf in snapshot.calls {
            fresh.transaction.reset()
            fresh.applySnapshotCall(conf)
            // SNAPSHOT_CALL_CONF has no skill group: keep the one this store knew.
            if let id = conf.callDevices.lazy.compactMap(\.connectionCallID).first,
               let group = domain.calls[id]?.skillGroupNumber, fresh.domain.calls[id]?.skillGroupNumber == nil {
                fresh.domain.calls[id]?.skillGroupNumber = group
            }
            _ = fresh.commit()
        }
        for conf in snapshot.skillGroupStatistics { _ = fresh.apply(.querySkillGroupStatisticsConf(conf)) }
        return fresh
    }

    /// Every object rendered from the typed view (masks worked out first).
    mutating func renderAll() -> [UniqueObjectID: Arguments] {
        transaction.reset()
        transaction.refreshAllMasks = true
        _ = commit()
        var rendered: [UniqueObjectID: Arguments] = [:]
        for agent in domain.agents.values {
            var writer = PropertyWriter(full: true)
            agent.write(&writer, since: nil, objectID: agentObjectID(agent.id))
            rendered[agentObjectID(agent.id)] = writer.properties
        }
        for call in domain.calls.values {
            for connection in call.connections {
                let id = callObjectID(call.id, connection.device)
                var writer = PropertyWriter(full: true)
                call.write(&writer, connection: connection, since: nil, objectID: id)
                rendered[id] = writer.properties
            }
        }
        for group in domain.skillGroups.values {
            let id = UniqueObjectID.skillGroup(peripheral: configuration.peripheralID, number: group.number)
            var writer = PropertyWriter(full: true)
            group.write(&writer, since: nil, objectID: id)
            rendered[id] = writer.properties
        }
        for team in domain.teams.values {
            let id = UniqueObjectID.team(peripheral: configuration.peripheralID, teamID: team.id)
            var writer = PropertyWriter(full: true)
            team.write(&writer, since: nil, objectID: id)
            rendered[id] = writer.properties
        }
        return rendered
    }

    /// The events a client would have seen, worked out from the objects before and after.
    static func reconciliationEvents(from old: [UniqueObjectID: Arguments], to new: [UniqueObjectID: Arguments],
                                     changes: [ObjectChange]) -> [WireEvent] {
        var begins: [WireEvent] = []
        var main: [WireEvent] = []
        var buttons: [WireEvent] = []
        var ends: [WireEvent] = []
        func event(_ name: EventName, _ properties: Arguments, _ keys: [Keyword]) -> WireEvent {
            var arguments = Arguments()
            arguments[.uniqueObjectID] = properties[.uniqueObjectID]
            for key in keys { if let value = properties[key] { arguments[key] = value } }
            return WireEvent(name: name.rawValue, arguments: arguments)
        }
        let callKeys: [Keyword] = [.peripheralID, .connectionCallID, .connectionDeviceID, .localConnectionState, .agentID]
        let agentKeys: [Keyword] = [.peripheralID, .agentID, .agentExtension, .agentInstrument, .agentState, .reasonCode]
        let contextKeys: [String] = [Keyword.callType.name, Keyword.ani.name, Keyword.dnis.name, Keyword.dialedNumber.name,
                                     Keyword.callerEnteredDigits.name, Keyword.callWrapupData.name,
                                     Keyword.eccVariables.name] + Key.callVariables
        func stateEvent(_ state: Int64?, previous: Int64?) -> EventName? {
            switch state.map({ LocalConnectionState(rawValue: UInt16(clamping: $0)) }) {
            case .alerting?: .onCallDelivered
            case .connect?: previous == Int64(LocalConnectionState.hold.rawValue) ? .onCallRetrieved : .onCallEstablished
            case .hold?: .onCallHeld
            case .queued?: .onCallQueuedEvent
            case .initiate?: .onCallServiceInitiated
            case .fail?: .onCallFailed
            default: nil
            }
        }
        func buttonEvent(_ properties: Arguments) {
            buttons.append(event(.onButtonEnablementChange, properties, [.agentID, .buttonEnablementMask]))
        }
        for change in changes {
            guard let id = UniqueObjectID(change.objectID) else { continue }
            switch (change, id.kind) {
            case (.deleted, .call):
                if let properties = old[id] { ends.append(event(.onCallEnd, properties, callKeys)) }
            case (.created(_, let properties), .call):
                begins.append(event(.onCallBegin, properties, callKeys + [.callType]))
                if let name = stateEvent(properties.integer(.localConnectionState), previous: nil) {
                    main.append(event(name, properties, callKeys))
                }
                if (properties.integer(.buttonEnablementMask) ?? 0) != 0 { buttonEvent(properties) }
            case (.updated(_, let changed, let removed), .call):
                guard let properties = new[id] else { continue }
                if let state = changed.integer(.localConnectionState),
                   let name = stateEvent(state, previous: old[id]?.integer(.localConnectionState)) {
                    main.append(event(name, properties, callKeys))
                }
                if contextKeys.contains(where: { changed.contains($0) || removed.contains($0) }) {
                    main.append(event(.onCallDataUpdate, properties, callKeys + [.callType, .ani, .dnis, .dialedNumber]))
                }
                if changed.contains(Keyword.buttonEnablementMask.name) { buttonEvent(properties) }
            case (.created(_, let properties), .agent):
                main.append(event(.onAgentStateChange, properties, agentKeys))
                if (properties.integer(.buttonEnablementMask) ?? 0) != 0 { buttonEvent(properties) }
            case (.updated(_, let changed, _), .agent):
                guard let properties = new[id] else { continue }
                if changed.contains(Keyword.agentState.name) || changed.contains(Keyword.reasonCode.name)
                    || changed.contains(Keyword.skillGroups.name) {
                    main.append(event(.onAgentStateChange, properties, agentKeys))
                }
                if changed.contains(Keyword.buttonEnablementMask.name) { buttonEvent(properties) }
            case (.created(_, let properties), .skillGroup), (.updated(_, let properties, _), .skillGroup):
                let statistics = SkillGroupRecord.statisticsFields.map(\.key)
                guard statistics.contains(where: { properties.contains($0) }), let current = new[id] else { continue }
                main.append(event(.onSkillGroupStatisticsUpdated, current,
                                  [.peripheralID, .skillGroupNumber, .skillGroupID]
                                      + statistics.map { Keyword($0) }))
            case (.created, .team), (.updated, .team):
                guard let current = new[id], let team = TeamRecord(properties: current) else { continue }
                let before = old[id].flatMap(TeamRecord.init(properties:))?.members.map(\.agentID) ?? []
                for member in team.members where !before.contains(member.agentID) {
                    var arguments = Arguments()
                    arguments[.uniqueObjectID] = .string(id.description)
                    arguments[.teamID] = .integer(Int64(team.id))
                    if let name = team.name { arguments[.teamName] = .string(name) }
                    arguments[.agentID] = .string(member.agentID)
                    arguments[Key.configOperation] = .integer(1)
                    arguments[.isSupervisor] = .boolean(member.isSupervisor)
                    main.append(WireEvent(name: EventName.onNewAgentTeamMember.rawValue, arguments: arguments))
                }
            case (.deleted, _):
                continue
            }
        }
        return begins + main + buttons + ends
    }
}
