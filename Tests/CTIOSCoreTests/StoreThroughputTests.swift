import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// How fast the store applies events and filters batches (reported, not asserted: a test never passes or fails
/// because the machine was fast). Run in release for real figures:
/// `swift test -c release --filter StoreThroughput`.
struct StoreThroughputTests {
    /// A busy contact center's events: 500 agents, 20 calls a second, two minutes.
    static func busyEvents() throws -> (configuration: [GED188Message], events: [GED188Message], center: ContactCenter) {
        var center = try ContactCenter(configuration: .standard(agents: 500, skillGroups: 8, teams: 10),
                                       traffic: TrafficProfile(callsPerSecond: 20, meanHandleSeconds: 60), seed: 4)
        let configuration = StoreLab.configurationMessages(center)
        center.advance(to: .seconds(120))
        return (configuration, center.takeEvents().map(\.message), center)
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
        let perSecond = Double(events.count) / (Double(applying.components.attoseconds) / 1e18 + Double(applying.components.seconds))
        print("CTIOSCore: applied \(events.count) events (\(batches.count) batches) in \(applying): \(Int(perSecond)) events/s")
        let comparison = StoreComparison(store, center.groundTruth(),
                                         routePoints: Set(center.configuration.dialedNumbers.map(\.number)))
        #expect(comparison.isEqual, "\(comparison)")

        // 1,000 agent-mode clients (500 agents, twice) filter the last 2,000 batches.
        var views = (0..<1_000).map { ClientView(mode: .agent("\(1001 + $0 % 500)")) }
        for index in views.indices { _ = store.snapshot(for: &views[index]) }
        let recent = batches.suffix(2_000).map(PreparedBatch.init)
        var delivered = 0
        let filtering = clock.measure {
            for batch in recent {
                for index in views.indices where store.filter(batch, for: &views[index]) != nil { delivered += 1 }
            }
        }
        print("CTIOSCore: filtered \(recent.count) batches for \(views.count) clients in \(filtering) (\(delivered) deliveries)")
        #expect(delivered > 0)
    }
}
