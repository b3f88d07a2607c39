/// A change to one object of the CTI OS server's store, as it travels to clients.
///
/// The object is named by its UniqueObjectID's text form (`agent.5000.1001`); the domain layer parses it.
public enum ObjectChange: Hashable, Sendable {
    /// A new object with all its properties.
    case created(objectID: String, properties: Arguments)
    /// Some properties changed: `properties` holds the changed keys with their new values, `removed` the keys that
    /// no longer have a value.
    case updated(objectID: String, properties: Arguments, removed: [String])
    /// The object is gone.
    case deleted(objectID: String)

    public var objectID: String {
        switch self {
        case .created(let id, _), .updated(let id, _, _), .deleted(let id): id
        }
    }
}

/// A CTI OS event to raise (`OnCallDelivered` and its arguments).
public struct WireEvent: Hashable, Sendable {
    /// Cisco's event name.
    public var name: String
    public var arguments: Arguments

    public init(name: String, arguments: Arguments) {
        self.name = name
        self.arguments = arguments
    }
}

/// What one CTI Server event did to the store: stamped with its place in the change log, the CTI OS events to raise,
/// and the object changes, in order. A client applies the changes, then raises the events.
public struct ChangeBatch: Hashable, Sendable {
    /// Incremented by every takeover; a history continues across epochs.
    public var epoch: UInt64
    /// Position in the change log, increasing by one per batch across epochs.
    public var sequence: UInt64
    public var events: [WireEvent]
    public var changes: [ObjectChange]

    public init(epoch: UInt64, sequence: UInt64, events: [WireEvent], changes: [ObjectChange]) {
        self.epoch = epoch
        self.sequence = sequence
        self.events = events
        self.changes = changes
    }
}
