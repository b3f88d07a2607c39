@testable import CTISimulator
import GED188
import NIOCore
import Testing

struct TrafficTests {
    static func run(seed: UInt64, seconds: Int) throws -> (events: [SimulatorEvent], center: ContactCenter) {
        var center = try ContactCenter(configuration: .standard(), traffic: TrafficProfile(callsPerSecond: 2), seed: seed)
        var events: [SimulatorEvent] = []
        for second in 1...seconds {
            center.advance(to: .seconds(second))
            events += center.takeEvents()
        }
        return (events, center)
    }

    static func bytes(_ events: [SimulatorEvent]) throws -> [UInt8] {
        var buffer = ByteBuffer()
        for event in events { try event.message.encode(into: &buffer) }
        return Array(buffer.readableBytesView)
    }

    @Test func theSameSeedGivesTheSameEvents() throws {
        let first = try Self.run(seed: 42, seconds: 120)
        let second = try Self.run(seed: 42, seconds: 120)
        #expect(first.events.count > 500, "traffic produced \(first.events.count) events")
        let firstBytes = try Self.bytes(first.events), secondBytes = try Self.bytes(second.events)
        #expect(firstBytes == secondBytes)
        #expect(first.center.groundTruth() == second.center.groundTruth())
    }

    @Test func anotherSeedGivesOtherEvents() throws {
        let first = try Self.run(seed: 42, seconds: 60)
        let second = try Self.run(seed: 43, seconds: 60)
        let firstBytes = try Self.bytes(first.events), secondBytes = try Self.bytes(second.events)
        #expect(firstBytes != secondBytes)
    }

    @Test func advancingInSmallOrLargeStepsGivesTheSameEvents() throws {
        var fine = try ContactCenter(configuration: .standard(), traffic: TrafficProfile(callsPerSecond: 2), seed: 7)
        var coarse = fine
        var fineEvents: [SimulatorEvent] = []
        for step in 1...600 {
            fine.advance(to: .milliseconds(step * 100))
            fineEvents += fine.takeEvents()
        }
        coarse.advance(to: .seconds(60))
        let fineBytes = try Self.bytes(fineEvents), coarseBytes = try Self.bytes(coarse.takeEvents())
        #expect(fineBytes == coarseBytes)
    }

    @Test func trafficNeverTouchesReservedAgents() throws {
        let (events, center) = try Self.run(seed: 9, seconds: 300)
        let reserved = Set(center.configuration.agents.filter(\.isReserved).map(\.id))
        for event in events {
            #expect(Set(event.agents).isDisjoint(with: reserved), "\(event.message.type) for \(event.agents)")
        }
        #expect(center.groundTruth().agents.filter { reserved.contains($0.id) }.allSatisfy { $0.state == .logout })
    }
}
