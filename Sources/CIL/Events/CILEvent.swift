import CTIOSCore
import CTIOSWire

/// One CTI OS event as the application sees it: Cisco's name (`OnCallDelivered`), its `Arguments`, and which of
/// Cisco's event interfaces it belongs to.
///
/// Events reach the application in the order the server raised them, each after the session's cache holds the
/// objects as they are after it (so `OnCallDelivered`'s call is in ``Session/allCalls``, and after `OnCallEnd` it is
/// gone).
public struct CILEvent: Sendable, CustomStringConvertible {
    /// Which of Cisco's event interfaces an event belongs to.
    public enum Category: Sendable, Hashable {
        /// `ISessionEvents`: the connection and the session.
        case session
        /// `IAgentEvents`.
        case agent
        /// `ICallEvents`.
        case call
        /// `ISkillGroupEvents`.
        case skillGroup
        /// `IButtonEnablementEvents`.
        case buttonEnablement
        /// A name no listener protocol knows; `GenericEvents` and the event stream get it.
        case other
    }

    /// Cisco's event name.
    public let name: EventName
    /// The event's parameters, with Cisco's keywords (`UniqueObjectID`, `AgentID`, `ANI`, …).
    public let arguments: Arguments
    /// Which interface the event belongs to.
    public let category: Category
    /// In agent mode, whether the event is about another agent than the session's (a supervisor's team member, or
    /// that agent's call): such events go to ``MonitoredAgentEvents`` and ``MonitoredCallEvents``.
    public let isMonitored: Bool
    /// The kind, read from the name once.
    let kind: EventKind

    /// An event with this name and arguments. `isMonitored` marks, in agent mode, an event about another agent.
    public init(name: EventName, arguments: Arguments, isMonitored: Bool = false) {
        self.init(kind: EventKind(name: name.rawValue), name: name, arguments: arguments, isMonitored: isMonitored)
    }

    init(kind: EventKind, name: EventName, arguments: Arguments, isMonitored: Bool) {
        self.kind = kind
        self.name = name
        self.arguments = arguments
        self.isMonitored = isMonitored
        category = kind.category
    }

    /// The object the event is about (its `UniqueObjectID` argument), or `nil` for a session event.
    public var uniqueObjectID: UniqueObjectID? { arguments.string(.uniqueObjectID).flatMap(UniqueObjectID.init) }

    /// The value of one argument, by keyword.
    public func value(for keyword: Keyword) -> ArgumentValue? { arguments[keyword] }

    /// The value of one argument, by key (case-insensitive).
    public func value(for key: String) -> ArgumentValue? { arguments[key] }

    /// `OnCallDelivered [UniqueObjectID: "call.5000.1.2004", ANI: "5551234", …]`.
    public var description: String { "\(name) \(arguments)" }
}
