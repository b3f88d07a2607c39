import CTIOSCore
import CTIOSWire

/// A skill group (Cisco's `SkillGroup` object): statistics only. A handle on `skillgroup.<peripheral>.<number>`.
public struct SkillGroup: CTIOSObject {
    /// The skill group's identity.
    public let uniqueObjectID: UniqueObjectID
    /// The session whose cache holds the skill group.
    public let session: Session

    init(session: Session, id: UniqueObjectID) {
        self.session = session
        uniqueObjectID = id
    }

    /// Handles are equal when they name the same object of the same session.
    public static func == (lhs: SkillGroup, rhs: SkillGroup) -> Bool {
        lhs.uniqueObjectID == rhs.uniqueObjectID && lhs.session === rhs.session
    }

    /// Hashes the object's identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(uniqueObjectID) }

    /// The skill group's number.
    public var skillGroupNumber: Int { Int(uniqueObjectID.parts.first ?? "") ?? 0 }
    /// The skill group's name.
    public var skillGroupName: String? { value(for: .skillGroupName)?.string }
    /// Agents logged on (`AgentsLoggedOn`), from the last statistics.
    public var agentsLoggedOn: Int? { value(for: .agentsLoggedOn)?.integer.map(Int.init) }
    /// Agents available (`AgentsAvail`), from the last statistics.
    public var agentsAvailable: Int? { value(for: .agentsAvailable)?.integer.map(Int.init) }
    /// Calls queued now (`CallsQNow`), from the last statistics.
    public var callsQueuedNow: Int? { value(for: .callsQueuedNow)?.integer.map(Int.init) }

    /// Asks for the skill group's statistics now (`QuerySkillGroupStatistics`); the cache and
    /// `OnSkillGroupStatisticsUpdated` follow.
    @discardableResult
    public func querySkillGroupStatistics() async throws -> Arguments {
        try await invoke("QuerySkillGroupStatistics")
    }
}
