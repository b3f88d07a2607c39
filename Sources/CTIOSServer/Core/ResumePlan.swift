import CTIOSCore
import CTIOSWire
import GED188

/// How a client that asked to resume from a log position is brought up to date when it sets its mode.
///
/// A resume replays only what the client missed, so it must know exactly which objects the client had at that
/// position. The store keeps no old property values, only the batches since; so this is exact only when the mode's
/// visibility depends on object IDs alone and did not change in between:
/// - agent mode, when no missed batch can have changed the scope (a login or logout, other skill groups, devices
///   or supervisor flag, a team for a supervisor);
/// - monitor mode whose filter tests `UniqueObjectID` alone.
/// Anything else gets a snapshot: correct first, quick second.
enum ResumePlan: Equatable {
    /// Filter these batches for a view that holds `known`, then send `caughtUp`.
    case replay(known: Set<UniqueObjectID>, batches: [ChangeBatch])
    case snapshot(SnapshotReason)
}

extension ObjectStore {
    func resumePlan(from position: LogPosition, mode: ClientMode) -> ResumePlan {
        guard let missed = batches(after: position.epoch, sequence: position.sequence) else {
            return .snapshot(.resumePointNotInHistory)
        }
        let visibleByID: (UniqueObjectID) -> Bool
        switch mode {
        case .agent(let agentID):
            let scope = agentScope(for: agentID)
            if missed.contains(where: { changesScope($0, scope, agentID: agentID) }) { return .snapshot(.resynchronize) }
            visibleByID = scope.contains
        case .monitor(let filter):
            guard filter.clauses.allSatisfy({ $0.key.lowercased() == "uniqueobjectid" }) else {
                return .snapshot(.resynchronize)
            }
            visibleByID = { filter.matches([Keyword.uniqueObjectID.name: .string($0.description)]) }
        }
        // The objects that existed at the resume point: today's, with the missed creations and deletions undone.
        var existed = Set(objects.keys)
        for batch in missed.reversed() {
            for change in batch.changes.reversed() {
                guard let id = UniqueObjectID(change.objectID) else { continue }
                switch change {
                case .created: existed.remove(id)
                case .deleted: existed.insert(id)
                case .updated: break
                }
            }
        }
        return .replay(known: existed.filter(visibleByID), batches: missed)
    }

    /// Whether a batch may have changed an agent-mode client's scope, so that the scope at the resume point is not
    /// today's: a team changed (for a supervisor), or one of the scope's agents logged in or out, or was created or
    /// deleted, or was given skill groups, devices or a supervisor flag other than the ones it has now.
    private func changesScope(_ batch: ChangeBatch, _ scope: AgentScope, agentID: String) -> Bool {
        for change in batch.changes {
            guard let id = UniqueObjectID(change.objectID) else { continue }
            switch id.kind {
            case .team:
                if scope.isSupervisor { return true }
            case .agent:
                guard scope.agentIDs.contains(id.parts[0]) else { continue }
                guard case .updated(_, let properties, let removed) = change, let now = objects[id] else { return true }
                if removed.contains(where: { Self.scopeKeys.contains($0.lowercased()) }) { return true }
                if let state = properties.integer(.agentState),
                   state == Int64(AgentState.login.rawValue) || state == Int64(AgentState.logout.rawValue) {
                    return true
                }
                if id.parts[0] == agentID, let groups = properties[.skillGroups],
                   Self.skillGroupNumbers(groups) != Self.skillGroupNumbers(now[.skillGroups]) {
                    return true
                }
                for key in [Keyword.agentInstrument, .agentExtension, .isSupervisor]
                where properties[key] != nil && properties[key] != now[key] {
                    return true
                }
            case .call, .skillGroup:
                continue
            }
        }
        return false
    }

    private static func skillGroupNumbers(_ value: ArgumentValue?) -> Set<Int64> {
        Set((value?.array ?? []).compactMap { $0.arguments?.integer(.skillGroupNumber) })
    }

    /// Lowercased, as keys compare without case.
    private static let scopeKeys: Set<String> = Set([Keyword.skillGroups, .agentInstrument, .agentExtension, .isSupervisor]
        .map { $0.name.lowercased() })
}
