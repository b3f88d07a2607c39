#if canImport(Glibc)
import Glibc
#endif
import CIL
import CTIOSCore
import CTIOSTestKit
import CTISimulator
import Foundation
import Testing

/// `ctios monitor`: live events as JSON lines, and its view, which equals the server's store and the simulator's
/// truth after seeded traffic.
@Suite(.serialized)
struct MonitorAppTests {
    @Test func theMonitorsViewEqualsTheTruthAfterTraffic() async throws {
        try await LiveSimulator.with(traffic: TrafficProfile(callsPerSecond: 10), seed: 11, holdClock: false) { simulator in
            try await LiveServer.with(simulator: simulator) { server in
                let app = try ChildProcess("ctios", ["monitor", "--server", "127.0.0.1:\(server.port)", "--json"])
                defer { Task { await app.stop() } }
                try await poll("10 calls delivered", timeout: .seconds(30), seen: { app.stderr }) {
                    JSONLines(app.stdout).eventNames.filter { $0 == "OnCallDelivered" }.count >= 10
                }
                try await simulator.server.holdClock()
                let filter = ClientMode.monitor(try MonitorFilter("UniqueObjectID=*"))
                let truth = try jsonObjects(try await server.visibleObjects(for: filter))
                var differences: [CacheDifference] = []
                var views = 0
                try await poll("the view to equal the server's store", seen: { "\(differences.prefix(5))" }) {
                    app.send("view\n")
                    try await poll("a view line", timeout: .seconds(5)) { JSONLines(app.stdout).views.count > views }
                    let all = JSONLines(app.stdout).views
                    views = all.count
                    differences = compare(view: all.last!, truth: truth)
                    return differences.isEmpty
                }
                app.send("quit\n")
                try await app.waitForExit(timeout: .seconds(10))
                #expect(app.status == 0, "\(app.stderr)")
                let exitView = try #require(JSONLines(app.stdout).views.last)
                #expect(compare(view: exitView, truth: truth).isEmpty, "the view on exit")
                let groundTruth = try await simulator.truth()
                let objects = try await server.visibleObjects(for: filter)
                #expect(compare(cache: objects, simulator: groundTruth, agents: Set(groundTruth.agents.map(\.id))).isEmpty,
                        "the store the view equals is the simulator's truth")
            }
        }
    }

    @Test func theJSONViewComparisonNamesTheObjectAndFieldThatDiffer() throws {
        let truth: [String: Any] = ["agent.5000.1004": ["AgentState": 3, "ReasonCode": 0, "SkillGroups": [["SkillGroupNumber": 199]]],
                                    "call.5000.1.2004": ["ANI": "5551234"]]
        #expect(compare(view: truth, truth: truth).isEmpty)
        var wrong = truth
        wrong["agent.5000.1004"] = ["AgentState": 2, "ReasonCode": 0, "SkillGroups": [["SkillGroupNumber": 199]]]
        #expect(compare(view: wrong, truth: truth).map(\.field) == ["AgentState"])
        wrong = truth
        wrong["agent.5000.1004"] = ["AgentState": 3, "ReasonCode": 0, "SkillGroups": [["SkillGroupNumber": 101]]]
        #expect(compare(view: wrong, truth: truth).map(\.field) == ["SkillGroups"], "nested values compare whole")
        wrong = truth
        wrong["call.5000.1.2004"] = nil
        #expect(compare(view: wrong, truth: truth).map(\.cache) == ["absent"])
        wrong = truth
        wrong["call.5000.2.2004"] = ["ANI": "1"]
        #expect(compare(view: wrong, truth: truth).map(\.object) == ["call.5000.2.2004"])
    }

    @Test func aFilteredMonitorPrintsReadableLinesAndItsViewOnSIGUSR1AndOnSIGTERM() async throws {
        try await LiveSimulator.with(traffic: TrafficProfile(callsPerSecond: 10), seed: 12, holdClock: false) { simulator in
            try await LiveServer.with(simulator: simulator) { server in
                let app = try ChildProcess("ctios", ["monitor", "--server", "127.0.0.1:\(server.port)",
                                                     "--filter", "UniqueObjectID=agent*"])
                defer { Task { await app.stop() } }
                try await poll("the monitor connected", seen: { app.stdout + app.stderr }) { app.lines.contains("ok connect") }
                app.signal(SIGUSR1)
                try await poll("a view after SIGUSR1", seen: { app.stdout.suffix(500) + app.stderr }) {
                    JSONLines(app.stdout).views.count == 1
                }
                try await poll("an agent event", seen: { String(app.stdout.suffix(500)) }) {
                    app.lines.contains { $0.contains("OnAgentStateChange agent.5000.") }
                }
                app.signal(SIGTERM)
                try await app.waitForExit(timeout: .seconds(10))
                #expect(app.status == 0, "\(app.stderr)")
                let views = JSONLines(app.stdout).views
                #expect(views.count == 2, "one on SIGUSR1, one on exit")
                let view = try #require(views.last)
                #expect(!view.isEmpty && view.keys.allSatisfy { $0.hasPrefix("agent.") })
            }
        }
    }
}
