import CIL
import CTIOSCore
import CTIOSServer
import CTIOSTestKit
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// Each property check against its twin: the data of a settled run, where it finds nothing, and the same data with
/// one field made wrong, where it finds exactly that field.
struct CheckTwinTests {
    /// A run with no faults, settled: every check holds.
    static func settled() throws -> SimulatedWorld {
        var world = try SimulatedWorld(seed: 7, options: SimulationOptions(rounds: 1, faultsPerRound: 0...0))
        world.run()
        #expect(world.violations.isEmpty, "\(world.violations)")
        #expect(world.settleViolations().isEmpty, "\(world.settleViolations())")
        return world
    }

    static func agentDesk(_ world: SimulatedWorld) throws -> (desk: SimulatedDesk, server: Int, agent: String) {
        let desk = try #require(world.desks.first { if case .agent = $0.role { true } else { false } })
        guard case .agent(let agent) = desk.role else { throw CheckTwinError() }
        let address = try #require(desk.engine.machine.currentServer)
        return (desk, address.host == "A" ? 0 : 1, agent)
    }

    struct CheckTwinError: Error {}

    @Test func theCacheAgainstTheStoreFindsOneWrongField() throws {
        let world = try Self.settled()
        let (desk, server, agent) = try Self.agentDesk(world)
        let store = world.servers[server].core.store.visibleObjects(for: try #require(desk.clientMode))
        #expect(SimulationChecks.compare(cache: desk.objects, store: store, subject: "desk").isEmpty)
        var cache = desk.objects
        let id = "agent.5000.\(agent)"
        let state = try #require(cache[id]?.integer(.agentState))
        cache[id]?[.agentState] = .integer(state == 3 ? 2 : 3)
        let found = SimulationChecks.compare(cache: cache, store: store, subject: "desk")
        #expect(found.count == 1)
        #expect(found.first?.property == .cacheEqualsTruth)
        #expect(found.first?.subject == "desk \(id)")
        #expect(found.first?.field == "AgentState")
        #expect(found.first?.expected == "\(ArgumentValue.integer(state))")
    }

    @Test func theCacheAgainstTheStoreFindsAPhantomAndAMissingObject() throws {
        let world = try Self.settled()
        let (desk, server, _) = try Self.agentDesk(world)
        let store = world.servers[server].core.store.visibleObjects(for: try #require(desk.clientMode))
        var cache = desk.objects
        cache["call.5000.999999.2004"] = ["LocalConnectionState": 3]
        let phantom = SimulationChecks.compare(cache: cache, store: store, subject: "desk")
        #expect(phantom.map(\.property) == [.noPhantoms])
        #expect(phantom.first?.subject == "desk call.5000.999999.2004")
        var missing = desk.objects
        let removed = try #require(missing.keys.sorted().first)
        missing[removed] = nil
        let absent = SimulationChecks.compare(cache: missing, store: store, subject: "desk")
        #expect(absent.map(\.property) == [.cacheEqualsTruth])
        #expect(absent.first?.actual == "absent")
    }

    @Test func theCacheAgainstTheSimulatorFindsOneWrongField() throws {
        let world = try Self.settled()
        let (desk, _, agent) = try Self.agentDesk(world)
        let truth = world.simulator.center.groundTruth()
        #expect(SimulationChecks.compare(cache: desk.objects, truth: truth, agents: [agent], subject: "desk").isEmpty)
        var cache = desk.objects
        let id = "agent.5000.\(agent)"
        cache[id]?[.reasonCode] = .integer(4_321)
        let found = SimulationChecks.compare(cache: cache, truth: truth, agents: [agent], subject: "desk")
        #expect(found.count == 1)
        #expect(found.first?.field == "ReasonCode")
        #expect(found.first?.actual == "4321")
        let agentTruth = try #require(truth.agents.first { $0.id == agent })
        #expect(found.first?.expected == "\(agentTruth.reasonCode)")
        var phantom = desk.objects
        let device = "\((Int(agent) ?? 0) + 1000)"
        phantom["call.5000.999999.\(device)"] = ["LocalConnectionState": 3]
        let ghosts = SimulationChecks.compare(cache: phantom, truth: truth, agents: [agent], subject: "desk")
        #expect(ghosts.map(\.property) == [.noPhantoms])
    }

    @Test func theAnswersCheckFindsAMissingAndADoubleAnswer() throws {
        let world = try Self.settled()
        let records = Array(world.requests.values)
        #expect(records.count > 3)
        #expect(SimulationChecks.checkAnswers(records, madeBefore: world.now).isEmpty)
        var twice = records
        twice[0].answers.append(twice[0].answers[0])
        let doubled = SimulationChecks.checkAnswers(twice, madeBefore: world.now)
        #expect(doubled.count == 1)
        #expect(doubled.first?.field == "answers")
        #expect(doubled.first?.actual.hasPrefix("2") == true)
        var never = records
        never[1].answers = []
        let unanswered = SimulationChecks.checkAnswers(never, madeBefore: world.now)
        #expect(unanswered.count == 1)
        #expect(unanswered.first?.subject == "request \(never[1].handle) of desk \(never[1].desk) (\(never[1].method))")
        #expect(unanswered.first?.actual.hasPrefix("0") == true)
    }

    @Test func theEffectsCheckFindsARequestThatTookEffectTwiceOrNotAtAll() throws {
        let world = try Self.settled()
        let log = world.simulator.center.requestLog.entries
        #expect(SimulationChecks.checkEffects(requests: world.requests, attribution: world.attribution, log: log).isEmpty)
        let confirmed = try #require(log.first { entry in
            entry.confirmed && world.attribution[.init(session: entry.session, invokeID: entry.invokeID)] != nil
        })
        let key = try #require(world.attribution[.init(session: confirmed.session, invokeID: confirmed.invokeID)])
        // The same request carried out twice.
        var replayed = confirmed
        replayed.sequence = UInt64(log.count + 1)
        let twice = SimulationChecks.checkEffects(requests: world.requests, attribution: world.attribution, log: log + [replayed])
        #expect(twice.count == 1)
        #expect(twice.first?.property == .effectOnce)
        #expect(twice.first?.subject.hasPrefix("\(key)") == true)
        #expect(twice.first?.actual.hasPrefix("2") == true)
        // Acknowledged, but the CTI Server never did it.
        let missing = SimulationChecks.checkEffects(requests: world.requests, attribution: world.attribution,
                                                    log: log.filter { $0.sequence != confirmed.sequence })
        #expect(missing.count == 1)
        #expect(missing.first?.expected == "1 (it was acknowledged)")
        // Answered as never sent, yet done.
        var requests = world.requests
        requests[key]?.answers = [.failure(CILError(.notSent, "not sent"))]
        let notSent = SimulationChecks.checkEffects(requests: requests, attribution: world.attribution, log: log)
        #expect(notSent.count == 1)
        #expect(notSent.first?.expected.hasPrefix("0") == true)
        // Done, and no desk asked for it.
        var attribution = world.attribution
        attribution[.init(session: confirmed.session, invokeID: confirmed.invokeID)] = nil
        let orphan = SimulationChecks.checkEffects(requests: [:], attribution: attribution, log: log)
        #expect(orphan.contains { $0.field == "origin" })
    }

    @Test func theReplicationCheckFindsAPositionTheBackupLacks() throws {
        let world = try Self.settled()
        let backup = try #require(world.servers.first { $0.core.role == .backup })
        let store = backup.core.store
        let here = LogPosition(epoch: store.epoch, sequence: store.sequence)
        #expect(SimulationChecks.holds(here, on: store))
        #expect(!SimulationChecks.holds(LogPosition(epoch: store.epoch, sequence: store.sequence + 1), on: store))
        #expect(!SimulationChecks.holds(LogPosition(epoch: store.epoch + 1, sequence: 1), on: store), "another epoch's history")
    }
}
