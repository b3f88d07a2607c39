import CIL
import CTIOSCore
import CTIOSServer
import CTISimulator

/// The checks at a settle point, and the one checked as frames arrive.
extension SimulatedWorld {
    /// Every property, at this instant.
    mutating func check() {
        statistics.settlePoints += 1
        for violation in settleViolations() {
            if explainedByKnownBug(violation) { known.append(violation) } else { violations.append(violation) }
        }
    }

    /// Whether one of ``SimulationOptions/knownBugs`` explains a violation found at a settle point.
    func explainedByKnownBug(_ violation: SimulationViolation) -> Bool {
        switch violation.property {
        case .cacheEqualsTruth:
            guard options.knownBugs.contains(.staleReasonCodeAfterSnapshot), violation.field == "ReasonCode",
                  let agent = violation.subject.split(separator: " ").last.flatMap({ $0.split(separator: ".").last }) else { return false }
            return simulator.center.groundTruth().agents.first { $0.id == agent }?.state == .notReady
        case .noPhantoms, .answeredOnce, .effectOnce, .replicationBeforePublication, .wellFormedStream, .recovered:
            return false
        }
    }

    /// What is wrong now (nothing when every property holds).
    public func settleViolations() -> [SimulationViolation] {
        var found: [SimulationViolation] = []
        let roles = servers.map { $0.alive ? "\($0.core.role)\($0.core.isReady ? "" : " (not ready)")" : "down" }
        let ready = servers.allSatisfy { $0.alive && $0.core.isReady }
        if !ready || Set(servers.map(\.core.role)) != [.primary, .backup] {
            found.append(SimulationViolation(.recovered, subject: "the pair", field: "roles", expected: "one primary and one backup, both ready",
                                             actual: "A \(roles[0]), B \(roles[1])", at: now))
        }
        let truth = simulator.center.groundTruth()
        let everyAgent = Set(truth.agents.map(\.id))
        for desk in desks {
            let subject = "desk \(desk.index)"
            guard desk.engine.machine.isLive, let address = desk.engine.machine.currentServer,
                  case .connected(modeSet: true) = desk.phase else {
                found.append(SimulationViolation(.recovered, subject: subject, field: "session", expected: "live, mode set",
                                                 actual: "\(desk.engine.machine.connectionState), \(desk.phase)", at: now))
                continue
            }
            let server = address == Self.addresses[0] ? 0 : 1
            if let mode = desk.clientMode, servers[server].alive {
                found += SimulationChecks.compare(cache: desk.objects, store: servers[server].core.store.visibleObjects(for: mode),
                                                  subject: subject, at: now)
            }
            let agents: Set<String>
            switch desk.role {
            case .agent(let agent): agents = [agent]
            case .monitor: agents = everyAgent
            }
            found += SimulationChecks.compare(cache: desk.objects, truth: truth, agents: agents, subject: subject, at: now)
            let errors = desk.engine.machine.counters.protocolErrors
            if errors > 0 {
                found.append(SimulationViolation(.wellFormedStream, subject: subject, field: "protocol errors", expected: "0",
                                                 actual: "\(errors)", at: now))
            }
        }
        found += SimulationChecks.checkAnswers(Array(requests.values), madeBefore: now - options.settleDuration / 2, at: now)
        found += SimulationChecks.checkEffects(requests: requests, attribution: attribution,
                                               log: simulator.center.requestLog.entries, at: now)
        return found
    }

    /// Replication before publication, as a desk's frames arrive from the primary: while the primary's backup is
    /// caught up, every position a client of the primary holds is on the backup's history.
    mutating func checkReplication(desk: Int, server: Int) {
        guard let position = desks[desk].engine.machine.position, servers[server].alive,
              servers[server].core.role == .primary, position.epoch == servers[server].core.store.epoch else { return }
        let other = servers[1 - server]
        guard other.alive, other.core.role == .backup, servers[server].core.clusterSummary.peer == "replicating" else { return }
        guard !SimulationChecks.holds(position, on: other.core.store) else { return }
        let violation = SimulationViolation(
            .replicationBeforePublication, subject: "desk \(desk) on server \(server == 0 ? "A" : "B") (primary)", field: "position",
            expected: "on the backup's history (backup at \(other.core.store.epoch)/\(other.core.store.sequence))",
            actual: "\(position.epoch)/\(position.sequence)\(desks[desk].positionFromResume ? " (from a resume or snapshot)" : "")", at: now)
        violations.append(violation)
    }
}
