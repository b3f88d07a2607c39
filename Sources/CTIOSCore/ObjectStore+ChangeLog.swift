import CTIOSWire

/// Why a replicated batch could not be applied; the backup then needs a state transfer.
public struct ObjectStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The batch does not follow the store's last one (a batch is missing, or came twice).
        public static let sequenceGap = Code(rawValue: "sequenceGap")
        /// The batch's epoch is older than the store's.
        public static let epochRegression = Code(rawValue: "epochRegression")
        /// A change names an object ID that is not one of the four forms.
        public static let malformedObjectID = Code(rawValue: "malformedObjectID")
        /// An update names an object the store does not have.
        public static let unknownObject = Code(rawValue: "unknownObject")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

extension ObjectStore {
    /// How many batches the backlog holds.
    public var backlogCount: Int { log.count }

    /// The backlog's size (encoded size estimate).
    public var backlogBytes: Int { log.totalBytes }

    /// The oldest point a client can resume from: the stamp just before the first batch kept.
    public var backlogBase: (epoch: UInt64, sequence: UInt64) { log.base }

    /// The batches after the point (epoch, sequence), oldest first: `[]` when that is the newest point, `nil` when
    /// the point is not on this store's recorded history (older than the backlog, or a sequence this store never had
    /// with that epoch, such as a log that diverged during a partition). A client gets a full snapshot then.
    public func batches(after epoch: UInt64, sequence: UInt64) -> [ChangeBatch]? {
        // The store's own position, even in an epoch that has no batch yet (just after a takeover).
        if epoch == self.epoch, sequence == self.sequence { return [] }
        return log.batches(after: epoch, sequence: sequence)
    }

    /// Applies a batch the primary made (a backup): its changes go into the objects, the batch into the backlog,
    /// and the store's (epoch, sequence) become the batch's. Nothing is applied when it throws.
    ///
    /// - Throws: ``ObjectStoreError`` when the batch does not follow this store's last one, goes back in epoch, or
    ///   names an object that is malformed or unknown.
    public mutating func appendReplicated(_ batch: ChangeBatch) throws(ObjectStoreError) {
        guard batch.sequence == sequence + 1 else {
            throw ObjectStoreError(.sequenceGap, "batch \(batch.sequence) does not follow \(sequence)")
        }
        guard batch.epoch >= epoch else {
            throw ObjectStoreError(.epochRegression, "batch \(batch.sequence) has epoch \(batch.epoch), the store \(epoch)")
        }
        var ids: [UniqueObjectID] = []
        ids.reserveCapacity(batch.changes.count)
        var present = Set<UniqueObjectID>()
        var absent = Set<UniqueObjectID>()
        for change in batch.changes {
            guard let id = UniqueObjectID(change.objectID) else {
                throw ObjectStoreError(.malformedObjectID, "batch \(batch.sequence) names '\(change.objectID)'")
            }
            switch change {
            case .created:
                present.insert(id)
                absent.remove(id)
            case .deleted:
                absent.insert(id)
                present.remove(id)
            case .updated:
                guard present.contains(id) || (objects[id] != nil && !absent.contains(id)) else {
                    throw ObjectStoreError(.unknownObject, "batch \(batch.sequence) updates \(id), which the store does not have")
                }
            }
            ids.append(id)
        }
        for (change, id) in zip(batch.changes, ids) {
            switch change {
            case .created(_, let properties):
                objects[id] = properties
            case .updated(_, let properties, let removed):
                for (key, value) in properties { objects[id]?.setValue(value, for: key) }
                for key in removed { objects[id]?.removeValue(for: key) }
            case .deleted:
                objects[id] = nil
            }
        }
        epoch = batch.epoch
        sequence = batch.sequence
        log.append(batch)
        domainIsStale = true
        for event in batch.events where event.name == EventName.onCTIOSFailure.rawValue {
            trackFailure(event.arguments)
        }
    }

    /// Follows the online state a replicated OnCTIOSFailure reports.
    mutating func trackFailure(_ arguments: Arguments) {
        switch arguments.integer(.systemEventID).map({ UInt32(clamping: $0) }) {
        case 3?: peripheralOnline = true
        case 4?, 6?: peripheralOnline = false
        case 7?: ctiServerOnline = false
        case 8?: ctiServerOnline = true
        default: break
        }
    }
}
