import CTIOSCore
import CTIOSWire

/// What a client holds after the frames it received: the objects (snapshot, then every batch applied) and the log
/// position it has reached. A test's stand-in for the CIL's object cache, built from frames alone.
public struct WireReplica: Sendable {
    /// Objects by UniqueObjectID.
    public var objects: [String: Arguments] = [:]
    /// The last position reached (a snapshot's end, `caughtUp`, or a batch's stamp).
    public var position: LogPosition?
    /// Every event raised, in order.
    public var events: [WireEvent] = []
    /// Snapshots received.
    public var snapshots = 0
    /// Things a correct stream never does (an update to an object the client does not have, a batch at or before
    /// the position reached, a created object the client already has).
    public var violations: [String] = []
    private var inSnapshot = false

    public init() {}

    public mutating func receive(_ messages: [WireMessage]) {
        for message in messages { receive(message) }
    }

    public mutating func receive(_ message: WireMessage) {
        switch message {
        case .snapshotBegin:
            objects = [:]
            inSnapshot = true
            snapshots += 1
        case .snapshotObjects(let chunk):
            if !inSnapshot { violations.append("snapshotObjects outside a snapshot") }
            for object in chunk { objects[object.objectID] = object.properties }
        case .snapshotEnd(let position):
            inSnapshot = false
            self.position = position
        case .caughtUp(let position):
            self.position = position
        case .batch(let batch):
            if let position, batch.epoch == position.epoch, batch.sequence <= position.sequence {
                violations.append("batch \(batch.sequence) at or before position \(position.sequence)")
            }
            for change in batch.changes {
                switch change {
                case .created(let id, let properties):
                    if objects[id] != nil { violations.append("created \(id), which the client has") }
                    objects[id] = properties
                case .updated(let id, let properties, let removed):
                    guard var current = objects[id] else {
                        violations.append("updated \(id), which the client does not have")
                        continue
                    }
                    current = current.merging(properties)
                    for key in removed { _ = current.removeValue(for: key) }
                    objects[id] = current
                case .deleted(let id):
                    if objects.removeValue(forKey: id) == nil { violations.append("deleted \(id), which the client does not have") }
                }
            }
            events += batch.events
            position = LogPosition(epoch: batch.epoch, sequence: batch.sequence)
        default:
            break
        }
    }
}

/// One named field on which a client's replica and the server's store disagree.
public struct ReplicaDifference: Hashable, Sendable, CustomStringConvertible {
    public var object: String
    /// The property; empty when the object itself is missing on one side.
    public var field: String
    public var client: String
    public var server: String
    public init(object: String, field: String, client: String, server: String) {
        self.object = object
        self.field = field
        self.client = client
        self.server = server
    }
    public var description: String { "\(object)\(field.isEmpty ? "" : " " + field): client \(client), server \(server)" }
}

/// Compares a client's replica with the objects the server says that client may see: every object on either side,
/// and for each, every property key on either side, by value.
public func compare(_ replica: WireReplica, _ truth: [UniqueObjectID: Arguments]) -> [ReplicaDifference] {
    var differences: [ReplicaDifference] = []
    let server = Dictionary(uniqueKeysWithValues: truth.map { ($0.key.description, $0.value) })
    for id in Set(server.keys).union(replica.objects.keys).sorted() {
        switch (replica.objects[id], server[id]) {
        case (nil, .some):
            differences.append(ReplicaDifference(object: id, field: "", client: "missing", server: "present"))
        case (.some, nil):
            differences.append(ReplicaDifference(object: id, field: "", client: "present", server: "missing"))
        case (let client?, let server?):
            for key in Set(client.keys).union(server.keys).sorted() where client[key] != server[key] {
                differences.append(ReplicaDifference(object: id, field: key, client: client[key].map { "\($0)" } ?? "none",
                                                     server: server[key].map { "\($0)" } ?? "none"))
            }
        case (nil, nil):
            break
        }
    }
    return differences
}
