import CTIOSCore
import CTIOSWire

/// The objects a session sees, by UniqueObjectID text (`agent.5000.1001`), as the server's batches and snapshots
/// describe them. Pure.
///
/// Objects are kept by the ID's text, as it arrives, so that applying a batch never parses an ID. A batch's changes
/// are applied in order (a `created` replaces, an `updated` merges its properties and removes its removed keys, a
/// `deleted` removes); a snapshot replaces everything, and ``endSnapshot()`` returns the events the difference
/// implies (``SnapshotDiff``).
package struct ObjectCache: Sendable {
    /// Every object: its properties by its UniqueObjectID's text.
    package private(set) var objects: [String: Arguments] = [:]
    /// Changes that a correct stream never sends (an update or a deletion of an object the cache does not have);
    /// they are ignored and counted.
    package private(set) var inconsistencies = 0
    /// The snapshot being received, between ``beginSnapshot()`` and ``endSnapshot()``.
    private var incoming: [String: Arguments]?

    /// An empty cache.
    package init() {}

    /// How many objects the cache holds.
    package var count: Int { objects.count }

    /// One object's properties.
    package subscript(_ id: String) -> Arguments? { objects[id] }

    /// The IDs of the objects of one kind, in ID order.
    package func ids(of kind: UniqueObjectID.Kind) -> [String] {
        let prefix = kind.rawValue + "."
        return objects.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    // MARK: Batches

    /// Applies a batch's changes, in order.
    package mutating func apply(_ batch: ChangeBatch) {
        for change in batch.changes { apply(change) }
    }

    /// Applies one change.
    package mutating func apply(_ change: ObjectChange) {
        switch change {
        case .created(let id, let properties):
            objects[id] = properties
        case .updated(let id, let properties, let removed):
            guard let index = objects.index(forKey: id) else {
                inconsistencies += 1
                return
            }
            // In place: the dictionary's storage and the set's are not copied.
            for (key, value) in properties { objects.values[index].setValue(value, for: key) }
            for key in removed { objects.values[index].removeValue(for: key) }
        case .deleted(let id):
            if objects.removeValue(forKey: id) == nil { inconsistencies += 1 }
        }
    }

    // MARK: Snapshots

    /// A snapshot begins: its objects are collected until ``endSnapshot()``.
    package mutating func beginSnapshot() {
        incoming = [:]
    }

    /// Some of the snapshot's objects.
    package mutating func addSnapshot(_ chunk: [SnapshotObject]) {
        if incoming == nil { incoming = [:] }
        for object in chunk { incoming![object.objectID] = object.properties }
    }

    /// The snapshot is whole: it replaces the cache. Returns the events the difference implies, in the order to
    /// raise them.
    package mutating func endSnapshot() -> [WireEvent] {
        let new = incoming ?? [:]
        incoming = nil
        let events = SnapshotDiff.events(from: objects, to: new)
        objects = new
        return events
    }

    /// Every object goes (the mode is gone): returns the events their end implies.
    package mutating func removeAll() -> [WireEvent] {
        let events = SnapshotDiff.events(from: objects, to: [:])
        objects = [:]
        incoming = nil
        return events
    }

    /// Forgets everything, raising nothing (the application disconnected).
    package mutating func reset() {
        objects = [:]
        incoming = nil
    }
}
