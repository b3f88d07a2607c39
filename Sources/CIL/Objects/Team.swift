import CTIOSCore
import CTIOSWire

/// An agent team, as a supervisor's session (or a monitor) sees it: a handle on `team.<peripheral>.<teamID>`.
/// Cisco reaches teams through the supervisor's ``Agent``; this handle reads the team's members.
public struct Team: CTIOSObject {
    /// The team's identity.
    public let uniqueObjectID: UniqueObjectID
    /// The session whose cache holds the team.
    public let session: Session

    init(session: Session, id: UniqueObjectID) {
        self.session = session
        uniqueObjectID = id
    }

    /// Handles are equal when they name the same object of the same session.
    public static func == (lhs: Team, rhs: Team) -> Bool {
        lhs.uniqueObjectID == rhs.uniqueObjectID && lhs.session === rhs.session
    }

    /// Hashes the object's identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(uniqueObjectID) }

    /// The team's name.
    public var teamName: String? { value(for: .teamName)?.string }

    /// The team's members' agent IDs, and whether each is a supervisor of the team.
    public var members: [(agentID: String, isSupervisor: Bool)] {
        (value(for: .teamMembers)?.array ?? []).compactMap { value in
            guard let member = value.arguments, let id = member.string(.agentID) else { return nil }
            return (id, member.boolean(.isSupervisor) ?? false)
        }
    }
}
