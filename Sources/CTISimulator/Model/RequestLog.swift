/// Every control request the model applied, in order, with its effect: a checker proves with it that each
/// acknowledged request took effect exactly once.
public struct RequestLog: Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        /// Position in the log, from 1.
        public var sequence: UInt64
        /// The session the request came on (the simulator's session number).
        public var session: UInt64
        /// The client's InvokeID.
        public var invokeID: UInt32
        /// The request, as Cisco names it (`ANSWER_CALL_REQ`).
        public var request: String
        /// What it did, or why it failed.
        public var effect: String
        /// Whether it was confirmed (its CONF was sent) or failed (CONTROL_FAILURE_CONF or FAILURE_CONF).
        public var confirmed: Bool
        /// The model's version after the request.
        public var version: UInt64
        /// Model time, milliseconds.
        public var timeMilliseconds: Int64
    }

    public private(set) var entries: [Entry] = []
    /// Entries older than the newest `capacity` are dropped (their count is kept in `dropped`).
    public var capacity = 100_000
    public private(set) var dropped: UInt64 = 0

    mutating func append(_ entry: Entry) {
        entries.append(entry)
        if entries.count > capacity {
            let excess = entries.count - capacity
            entries.removeFirst(excess)
            dropped += UInt64(excess)
        }
    }

    var nextSequence: UInt64 { dropped + UInt64(entries.count) + 1 }
}
