import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// How fast the store applies events and filters batches (reported, not asserted: a test never passes or fails
/// because the machine was fast). For release figures:
/// `swift build -c release --build-tests -Xswiftc -enable-testing` and run the test binary with
/// `--filter StoreThroughput`.
struct StoreThroughputTests {
    /// A busy contact center's events: 500 agents, 20 calls a second, two minutes.
    static func busyEvents() throws -> (configuration: [GED188Message], events: [GED188Message], center: ContactCenter) {
        var center = try ContactCenter(configuration: .standard(agents: 500, skillGroups: 8, teams: 10),
                                       traffic: TrafficProfile(callsPerSecond: 20, meanHandleSeconds: 60), seed: 4)
        let configuration = StoreLab.configurationMessages(center)
        center.advance(to: .seconds(120))
        return (configuration, center.takeEvents().map(\.message), center)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    @Test func applyAndFilter() throws {
        let (configuration, events, center) = try Self.busyEvents()
        var store = ObjectStore()
        _ = store.apply(configuration)
        let clock = ContinuousClock()
        var batches: [ChangeBatch] = []
        batches.reserveCapacity(events.count)
        let applying = clock.measure {
            for event in events { if let batch = store.apply(event) { batches.append(batch) } }
        }
        print("CTIOSCore: applied \(events.count) events (\(batches.count) batches) in \(applying): "
              + "\(Int(Double(events.count) / Self.seconds(applying))) events/s")
        let comparison = StoreComparison(store, center.groundTruth(),
                                         routePoints: Set(center.configuration.dialedNumbers.map(\.number)))
        #expect(comparison.isEqual, "\(comparison)")

        // 1,000 agent-mode clients (500 agents, twice) and the last 2,000 batches, filtered for every client.
        let frozen = store
        let start = (0..<1_000).map { ClientView(mode: .agent("\(1001 + $0 % 500)")) }
        var views = start
        for index in views.indices { _ = frozen.snapshot(for: &views[index]) }
        let initial = views
        let recent = batches.suffix(2_000).map(PreparedBatch.init)
        var delivered: [[UInt64]] = Array(repeating: [], count: views.count)
        let everyClient = clock.measure {
            for batch in recent {
                for index in views.indices where frozen.filter(batch, for: &views[index]) != nil {
                    delivered[index].append(batch.batch.sequence)
                }
            }
        }
        print("CTIOSCore: filtered \(recent.count) batches for \(views.count) clients in \(everyClient) "
              + "(\(delivered.reduce(0) { $0 + $1.count }) deliveries)")

        // The same, with clients indexed by their scope keys: only the clients a batch concerns are asked.
        views = initial
        var byKey: [ScopeKey: Set<Int>] = [:]
        var supervisors = Set<Int>()
        for (index, view) in views.enumerated() {
            for key in view.scope!.keys { byKey[key, default: []].insert(index) }
            if view.scope!.isSupervisor { supervisors.insert(index) }
        }
        var indexed: [[UInt64]] = Array(repeating: [], count: views.count)
        let throughIndex = clock.measure {
            for batch in recent {
                var candidates = Set<Int>()
                for key in batch.keys {
                    if let clients = byKey[key] { candidates.formUnion(clients) }
                    if case .team = key { candidates.formUnion(supervisors) }
                }
                if batch.hasSessionEvent { candidates = Set(views.indices) }
                for index in candidates.sorted() {
                    let before = views[index].scope
                    if frozen.filter(batch, for: &views[index]) != nil { indexed[index].append(batch.batch.sequence) }
                    if let after = views[index].scope, after != before {
                        for key in before?.keys ?? [] { byKey[key]?.remove(index) }
                        for key in after.keys { byKey[key, default: []].insert(index) }
                    }
                }
            }
        }
        print("CTIOSCore: through a scope-key index: \(throughIndex)")
        #expect(indexed == delivered, "the index reaches exactly the clients that get something")
        #expect(delivered.contains { !$0.isEmpty })
    }
}
