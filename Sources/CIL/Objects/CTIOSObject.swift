import CTIOSCore
import CTIOSWire

/// What ``Agent``, ``Call``, ``SkillGroup`` and ``Team`` share: a thin handle on one object of a session's cache.
///
/// A handle holds only the object's ``uniqueObjectID`` and its session; every read goes to the cache, so it always
/// shows the object as it is now (after the last event raised), and ``exists`` turns false once the object is gone.
public protocol CTIOSObject: Hashable, Sendable {
    /// The object's identity (`agent.5000.1001`, `call.5000.16777301.2004`, …).
    var uniqueObjectID: UniqueObjectID { get }
    /// The session whose cache holds the object.
    var session: Session { get }
}

extension CTIOSObject {
    /// All the object's properties now; `nil` once the object is gone.
    public var properties: Arguments? { session.properties(of: uniqueObjectID) }

    /// One property by keyword (`call.value(for: .ani)`); `nil` when the object lacks it or is gone.
    public func value(for keyword: Keyword) -> ArgumentValue? { properties?[keyword] }

    /// One property by key, case-insensitive (`call.value(for: "CallVariable3")`).
    public func value(for key: String) -> ArgumentValue? { properties?[key] }

    /// Whether the session's cache still holds the object (Cisco's `IsValid`).
    public var exists: Bool { properties != nil }

    /// The `ButtonEnablementMask` property: what an agent desktop may enable for this object.
    public var buttonMask: ButtonMask {
        ButtonMask(rawValue: UInt32(truncatingIfNeeded: value(for: .buttonEnablementMask)?.integer ?? 0))
    }

    /// Calls a method on this object (the object's `UniqueObjectID` is added to the arguments).
    func invoke(_ method: String, _ arguments: Arguments = Arguments()) async throws -> Arguments {
        var arguments = arguments
        arguments[.uniqueObjectID] = .string(uniqueObjectID.description)
        return try await session.request(method, arguments)
    }
}

/// One object of a session, whatever its kind: ``Session/object(for:)``'s answer.
public enum CTIObject: Hashable, Sendable {
    /// An agent.
    case agent(Agent)
    /// A call connection.
    case call(Call)
    /// A skill group.
    case skillGroup(SkillGroup)
    /// A team.
    case team(Team)

    /// The object's identity.
    public var uniqueObjectID: UniqueObjectID {
        switch self {
        case .agent(let agent): agent.uniqueObjectID
        case .call(let call): call.uniqueObjectID
        case .skillGroup(let group): group.uniqueObjectID
        case .team(let team): team.uniqueObjectID
        }
    }
}
