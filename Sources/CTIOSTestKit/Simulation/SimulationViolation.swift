/// The properties the simulation checks (`Docs/Chaos.md`, "Deterministic simulation").
public enum SimulationProperty: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Every client's cache equals the truth: the simulator's, on named fields, and its server's store, exactly.
    case cacheEqualsTruth = "cache equals the truth"
    /// Nothing in a client's cache that the truth does not have.
    case noPhantoms = "no phantom objects"
    /// Every request gets exactly one answer.
    case answeredOnce = "every request answered exactly once"
    /// An acknowledged request took effect exactly once (the simulator's request log); none took effect twice;
    /// one answered as not carried out did not take effect.
    case effectOnce = "acknowledged requests took effect exactly once"
    /// A client of the primary never holds a position its caught-up backup lacks (replication before publication).
    case replicationBeforePublication = "replication before publication"
    /// The stream a client gets is well-formed (no frame the CIL had to refuse).
    case wellFormedStream = "every frame a client gets follows the protocol"
    /// After settling, the pair has one primary and one ready backup, and every client is live on a server.
    case recovered = "everything recovered after the faults healed"

    public var description: String { rawValue }
}

/// One thing found wrong, naming the property, what it is about, the field, and both values.
public struct SimulationViolation: Sendable, Hashable, CustomStringConvertible {
    public var property: SimulationProperty
    /// `desk 2`, `desk 0 agent.5000.1004`, `request 7 of desk 1 (SetAgentState)`.
    public var subject: String
    /// The field (`AgentState`, `answers`, `position`); empty when the subject itself is at fault.
    public var field: String
    public var expected: String
    public var actual: String
    /// Model time.
    public var at: Duration

    public init(_ property: SimulationProperty, subject: String, field: String = "", expected: String, actual: String,
                at: Duration = .zero) {
        self.property = property
        self.subject = subject
        self.field = field
        self.expected = expected
        self.actual = actual
        self.at = at
    }

    public var description: String {
        "[\(property)] at \(Fault.text(at)): \(subject)\(field.isEmpty ? "" : " \(field)"): expected \(expected), actual \(actual)"
    }
}
