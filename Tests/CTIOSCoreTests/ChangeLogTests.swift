import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// The change log: stamps, the bounded backlog, resuming from a point inside, at the edge of and outside the
/// history, takeovers, and a backup applying a primary's batches.
struct ChangeLogTests {
    /// A store fed `seconds` of traffic; returns it with every batch it made.
    static func traffic(seconds: Int = 10, store: ObjectStore.Configuration? = nil) throws -> StoreLab {
        var lab = try StoreLab(traffic: TrafficProfile(callsPerSecond: 4), seed: 3, store: store)
        lab.advance(by: .seconds(seconds))
        return lab
    }

    @Test func theBacklogIsBoundedByCount() throws {
        let lab = try Self.traffic(store: .init(backlogMaximumBatches: 50))
        let all = lab.allBatches
        #expect(all.count > 100)
        #expect(lab.store.backlogCount == 50)
        let last = all[all.count - 1]
        let edge = all[all.count - 51]  // the newest batch dropped: the base
        #expect(lab.store.backlogBase == (edge.epoch, edge.sequence))
        // Inside: the batches after the point.
        let inside = all[all.count - 20]
        #expect(lab.store.batches(after: inside.epoch, sequence: inside.sequence) == Array(all.suffix(19)))
        // At the edge: the whole backlog.
        #expect(lab.store.batches(after: edge.epoch, sequence: edge.sequence) == Array(all.suffix(50)))
        // Just outside: not on the recorded history any more.
        let outside = all[all.count - 52]
        #expect(lab.store.batches(after: outside.epoch, sequence: outside.sequence) == nil)
        #expect(lab.store.batches(after: 1, sequence: 0) == nil)
        // The newest point: nothing missed.
        #expect(lab.store.batches(after: last.epoch, sequence: last.sequence) == [])
        // A sequence this store never had, or a known sequence with another epoch.
        #expect(lab.store.batches(after: last.epoch, sequence: last.sequence + 1) == nil)
        #expect(lab.store.batches(after: last.epoch + 1, sequence: inside.sequence) == nil)
    }

    @Test func theBacklogIsBoundedByBytes() throws {
        let lab = try Self.traffic(store: .init(backlogMaximumBatches: 1_000_000, backlogMaximumBytes: 20_000))
        #expect(lab.store.backlogBytes <= 20_000)
        #expect(lab.store.backlogBytes > 20_000 - 4_000, "it keeps as much as fits")
        let kept = lab.allBatches.suffix(lab.store.backlogCount)
        #expect(kept.reduce(0) { $0 + $1.estimatedEncodedSize } == lab.store.backlogBytes)
        let base = lab.store.backlogBase
        #expect(lab.store.batches(after: base.epoch, sequence: base.sequence) == Array(kept))
        #expect(lab.store.batches(after: base.epoch, sequence: base.sequence - 1) == nil)
    }

    @Test func aBatchLargerThanTheByteBoundEmptiesTheBacklog() throws {
        var store = ObjectStore(configuration: .init(backlogMaximumBytes: 10))
        let center = try ContactCenter(configuration: .standard(), traffic: .none, seed: 1)
        let batches = store.apply(StoreLab.configurationMessages(center))
        let last = try #require(batches.last)
        #expect(store.backlogCount == 0)
        #expect(store.backlogBase == (last.epoch, last.sequence))
        #expect(store.batches(after: last.epoch, sequence: last.sequence) == [])
    }

    @Test func aTakeoverContinuesTheHistoryInANewEpoch() throws {
        var lab = try Self.traffic(seconds: 5)
        let before = lab.store.sequence
        let lastOfEpoch1 = try #require(lab.allBatches.last)
        lab.store.beginEpoch(2)
        #expect(lab.store.batches(after: 1, sequence: before) == [], "still the newest point")
        lab.advance(by: .seconds(3))
        let next = try #require(lab.lastBatches.first ?? lab.allBatches.last)
        #expect(lab.allBatches.filter { $0.epoch == 2 }.first?.sequence == before + 1)
        #expect(next.epoch == 2)
        let resumed = try #require(lab.store.batches(after: lastOfEpoch1.epoch, sequence: lastOfEpoch1.sequence))
        #expect(resumed == lab.allBatches.filter { $0.epoch == 2 })
        // A point of epoch 2 with a sequence of epoch 1 never existed here (a log that diverged).
        #expect(lab.store.batches(after: 2, sequence: before) == nil)
    }

    @Test func aBackupApplyingThePrimarysBatchesHasTheSameObjectsAndHistory() throws {
        let lab = try Self.traffic(seconds: 15)
        var backup = ObjectStore(configuration: .init(peripheralID: lab.peripheral))
        for batch in lab.allBatches { try backup.appendReplicated(batch) }
        #expect(backup.snapshot() == lab.store.snapshot())
        #expect(backup.sequence == lab.store.sequence)
        #expect(backup.epoch == lab.store.epoch)
        let middle = lab.allBatches[lab.allBatches.count / 2]
        #expect(backup.batches(after: middle.epoch, sequence: middle.sequence)
                == lab.store.batches(after: middle.epoch, sequence: middle.sequence))
    }

    @Test func aBackupThatTakesOverAppliesTheNextEventsAsThePrimaryWould() throws {
        var lab = try Self.traffic(seconds: 15)
        var backup = ObjectStore(configuration: .init(peripheralID: lab.peripheral))
        for batch in lab.allBatches { try backup.appendReplicated(batch) }
        // The takeover: a new epoch, the CTI Server's snapshot, then the live events.
        backup.beginEpoch(2)
        var snapshot = lab.ctiServerSnapshot()
        snapshot.skillGroupStatistics = []  // the primary never polled them
        let reconciled = backup.reconcile(with: snapshot)
        // The primary, asking the same, would change the same (here: the instruments of agents never logged in,
        // which QUERY_AGENT_STATE_CONF reports and no event did).
        let primaryReconciled = lab.store.reconcile(with: snapshot)
        #expect(reconciled?.changes == primaryReconciled?.changes)
        #expect(reconciled?.changes.allSatisfy { $0.objectID.hasPrefix("agent.") } ?? true)
        lab.center.advance(to: lab.center.now + .seconds(10))
        let events = lab.center.takeEvents().map(\.message)
        let primary = lab.store.apply(events)
        let taken = backup.apply(events)
        #expect(taken.count == primary.count)
        if let index = taken.indices.first(where: { index in
            index < primary.count && (taken[index].changes != primary[index].changes || taken[index].events != primary[index].events)
        }) {
            Issue.record("batch \(index) differs:\nbackup  \(taken[index])\nprimary \(primary[index])")
        }
        #expect(taken.first?.epoch == 2)
        #expect(taken.first?.sequence == primary.first?.sequence, "the history goes on")
        #expect(backup.snapshot() == lab.store.snapshot())
    }

    @Test func aBackupThatAppliesEventsWithoutASnapshotStillEndsEqual() throws {
        var lab = try Self.traffic(seconds: 15)
        var backup = ObjectStore(configuration: .init(peripheralID: lab.peripheral))
        for batch in lab.allBatches { try backup.appendReplicated(batch) }
        // Its typed view is rebuilt from the objects: a route point without a call is learned again from the next
        // CALL_QUEUED, so a batch may come out split differently, but the objects end the same.
        lab.center.advance(to: lab.center.now + .seconds(10))
        let events = lab.center.takeEvents().map(\.message)
        _ = lab.store.apply(events)
        _ = backup.apply(events)
        #expect(backup.snapshot() == lab.store.snapshot())
        let comparison = StoreComparison(backup, lab.center.groundTruth(), routePoints: lab.routePoints)
        #expect(comparison.isEqual, "\(comparison)")
    }

    @Test func aStateTransferStartsAHistoryAtItsPoint() throws {
        var lab = try Self.traffic(seconds: 5)
        var rejoined = ObjectStore(configuration: .init(peripheralID: lab.peripheral), objects: lab.store.snapshot(),
                                   epoch: lab.store.epoch, sequence: lab.store.sequence)
        #expect(rejoined.batches(after: lab.store.epoch, sequence: lab.store.sequence) == [])
        #expect(rejoined.batches(after: lab.store.epoch, sequence: lab.store.sequence - 1) == nil)
        lab.advance(by: .seconds(5))
        for batch in lab.allBatches where batch.sequence > rejoined.sequence { try rejoined.appendReplicated(batch) }
        #expect(rejoined.snapshot() == lab.store.snapshot())
    }

    @Test func replicationRefusesGapsRegressionsAndUnknownObjects() throws {
        let lab = try Self.traffic(seconds: 3)
        var backup = ObjectStore(configuration: .init(peripheralID: lab.peripheral))
        #expect(throws: ObjectStoreError.self) { try backup.appendReplicated(lab.allBatches[1]) }
        do {
            try backup.appendReplicated(lab.allBatches[1])
        } catch {
            #expect(error.code == .sequenceGap)
            #expect(error.message == "batch 2 does not follow 0")
        }
        try backup.appendReplicated(lab.allBatches[0])
        var regressed = lab.allBatches[1]
        regressed.epoch = 0
        do { try backup.appendReplicated(regressed) } catch { #expect(error.code == .epochRegression) }
        let unknown = ChangeBatch(epoch: 1, sequence: 2, events: [],
                                  changes: [.updated(objectID: "call.5000.1.2004", properties: ["LocalConnectionState": 3], removed: [])])
        do { try backup.appendReplicated(unknown) } catch { #expect(error.code == .unknownObject) }
        let malformed = ChangeBatch(epoch: 1, sequence: 2, events: [], changes: [.deleted(objectID: "nonsense")])
        do { try backup.appendReplicated(malformed) } catch { #expect(error.code == .malformedObjectID) }
        #expect(backup.sequence == 1, "nothing was applied")
    }
}
