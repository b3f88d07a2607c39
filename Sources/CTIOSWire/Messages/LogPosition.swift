/// A place in a server's change log: the epoch (incremented by each takeover) and the sequence number (one per
/// batch, increasing across epochs). A client's resume point is the position of the last batch it applied.
public struct LogPosition: Hashable, Sendable, CustomStringConvertible {
    public var epoch: UInt64
    public var sequence: UInt64

    public init(epoch: UInt64, sequence: UInt64) {
        self.epoch = epoch
        self.sequence = sequence
    }

    public var description: String { "(\(epoch), \(sequence))" }
}

extension ChangeBatch {
    /// Where the batch sits in the change log.
    public var position: LogPosition { LogPosition(epoch: epoch, sequence: sequence) }
}

/// One object of a snapshot: its UniqueObjectID's text form and all its properties.
public struct SnapshotObject: Hashable, Sendable {
    public var objectID: String
    public var properties: Arguments

    public init(objectID: String, properties: Arguments) {
        self.objectID = objectID
        self.properties = properties
    }
}
