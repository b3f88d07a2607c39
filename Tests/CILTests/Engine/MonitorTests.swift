@testable import CIL
import CTIOSTestKit
import CTIOSCore
import CTIOSWire
import CTISimulator
import Testing

/// A monitor-mode session in memory through seeded traffic: its cache equals the server's store and the
/// simulator's truth.
struct MonitorTests {
    static func allAgents(_ truth: GroundTruth) -> Set<String> { Set(truth.agents.map(\.id)) }

    @Test(arguments: [UInt64(1), 2, 3])
    func aMonitorsCacheEqualsTheTruthAfterSeededTraffic(seed: UInt64) throws {
        var lab = try Lab(traffic: TrafficProfile(callsPerSecond: 3), seed: seed)
        lab.run(for: .seconds(20), step: .milliseconds(50))
        let desk = lab.addDesk(seed: seed)
        lab.connect(desk)
        let mode = lab.setMode(desk, .monitor(filter: "UniqueObjectID=*"))
        #expect((try? mode?.get()) != nil, "\(String(describing: mode))")
        lab.run(for: .seconds(120), step: .milliseconds(50))
        let cache = lab.objects(desk)
        let server = lab.server.store.visibleObjects(for: .monitor(try MonitorFilter("UniqueObjectID=*")))
        #expect(cache.count > 50)
        #expect(compare(cache: cache, server: server).isEmpty, "\(compare(cache: cache, server: server).prefix(10))")
        let truth = lab.core.center.groundTruth()
        let differences = compare(cache: cache, simulator: truth, agents: Self.allAgents(truth))
        #expect(differences.isEmpty, "\(differences.prefix(10))")
        let events = lab.desks[desk].events
        #expect(events.contains { $0.name == .onCallDelivered })
        #expect(events.contains { $0.name == .onCallEnd })
        #expect(events.contains { $0.name == .onMonitorModeEstablished })
        #expect(lab.desks[desk].engine.cache.inconsistencies == 0)
        #expect(lab.problems.isEmpty, "\(lab.problems)")
    }

    @Test func aFilteredMonitorSeesOnlyWhatItsFilterMatches() throws {
        var lab = try Lab(traffic: TrafficProfile(callsPerSecond: 3))
        lab.run(for: .seconds(10), step: .milliseconds(50))
        let desk = lab.addDesk()
        lab.connect(desk)
        let filter = "UniqueObjectID=agent*"
        _ = lab.setMode(desk, .monitor(filter: filter))
        lab.run(for: .seconds(30), step: .milliseconds(50))
        #expect(lab.objects(desk).keys.allSatisfy { $0.kind == .agent })
        let server = lab.server.store.visibleObjects(for: .monitor(try MonitorFilter(filter)))
        #expect(compare(cache: lab.objects(desk), server: server).isEmpty)
    }

    @Test func aBadFilterIsRefusedWithWhereItIsWrong() throws {
        var lab = try Lab()
        let desk = lab.addDesk()
        lab.connect(desk)
        guard case .failure(let error)? = lab.setMode(desk, .monitor(filter: "AgentID=1004;;")) else {
            Issue.record("accepted"); return
        }
        #expect(error.code == .invalidArguments)
        #expect(error.reason.contains("filter"))
    }
}
