import CTIOSCore
import CTIOSWire
import GED188

/// The events an application would have seen had it not missed what lies between two states of its cache: what a
/// session raises when a snapshot replaces its cache (after a reconnect the server could not serve from its backlog,
/// or a resynchronisation).
///
/// In order: objects that are gone (by ID), then objects that changed, then new objects. Each event's arguments are
/// the object's properties (the old ones for an object that is gone).
/// - A call connection that is gone: `OnCallConnectionCleared` when another connection of its call remains, else
///   `OnCallCleared`; then `OnCallEnd`.
/// - A call connection that changed: the event of its new `LocalConnectionState` (alerting `OnCallDelivered`,
///   connect `OnCallEstablished` or, from hold, `OnCallRetrieved`, hold `OnCallHeld`, initiate `OnCallOriginated`,
///   queued `OnCallQueuedEvent`, fail `OnCallFailed`); `OnCallDataUpdate` when its call data changed;
///   `OnButtonEnablementChange` when its mask changed.
/// - A new call connection: `OnCallBegin`, then the event of its state, then `OnButtonEnablementChange` when it has
///   buttons.
/// - An agent whose state, reason code or skill group states changed: one `OnAgentStateChange`; its mask:
///   `OnButtonEnablementChange`. A new agent raises nothing (the application reads it from the cache).
/// - A skill group whose statistics changed: `OnSkillGroupStatisticsUpdated`. A team whose members changed:
///   `OnNewAgentTeamMember`.
package enum SnapshotDiff {
    /// The call data keys: a change in any of them is `OnCallDataUpdate`.
    static let callDataKeys: [String] = [
        Keyword.callType, .ani, .dnis, .dialedNumber, .callerEnteredDigits, .callWrapupData, .eccVariables,
    ].map(\.name) + (1...10).map { "CallVariable\($0)" }

    /// The agent keys whose change is `OnAgentStateChange`.
    static let agentStateKeys: [Keyword] = [.agentState, .reasonCode, .skillGroups]

    /// The events from `old` to `new`.
    package static func events(from old: [String: Arguments], to new: [String: Arguments]) -> [WireEvent] {
        var events: [WireEvent] = []
        let liveCalls = Set(new.keys.compactMap(callKey))
        for id in old.keys.sorted() where new[id] == nil {
            guard id.hasPrefix("call."), let properties = old[id] else { continue }
            let cleared: EventName = callKey(id).map(liveCalls.contains) == true ? .onCallConnectionCleared : .onCallCleared
            events.append(WireEvent(name: cleared.rawValue, arguments: properties))
            events.append(WireEvent(name: EventName.onCallEnd.rawValue, arguments: properties))
        }
        for id in new.keys.sorted() {
            guard let after = new[id] else { continue }
            if let before = old[id] {
                if before != after { changed(id, from: before, to: after, into: &events) }
            } else if id.hasPrefix("call.") {
                events.append(WireEvent(name: EventName.onCallBegin.rawValue, arguments: after))
                if let name = stateEvent(to: after, from: nil) { events.append(WireEvent(name: name.rawValue, arguments: after)) }
                if let mask = after.integer(.buttonEnablementMask), mask != 0 { events.append(buttonEvent(after)) }
            }
        }
        return events
    }

    private static func changed(_ id: String, from before: Arguments, to after: Arguments, into events: inout [WireEvent]) {
        if id.hasPrefix("call.") {
            if before[.localConnectionState] != after[.localConnectionState], let name = stateEvent(to: after, from: before) {
                events.append(WireEvent(name: name.rawValue, arguments: after))
            }
            if callDataKeys.contains(where: { before[$0] != after[$0] }) {
                events.append(WireEvent(name: EventName.onCallDataUpdate.rawValue, arguments: after))
            }
            if before[.buttonEnablementMask] != after[.buttonEnablementMask] { events.append(buttonEvent(after)) }
        } else if id.hasPrefix("agent.") {
            if agentStateKeys.contains(where: { before[$0] != after[$0] }) {
                events.append(WireEvent(name: EventName.onAgentStateChange.rawValue, arguments: after))
            }
            if before[.buttonEnablementMask] != after[.buttonEnablementMask] { events.append(buttonEvent(after)) }
        } else if id.hasPrefix("skillgroup.") {
            events.append(WireEvent(name: EventName.onSkillGroupStatisticsUpdated.rawValue, arguments: after))
        } else if id.hasPrefix("team.") {
            events.append(WireEvent(name: EventName.onNewAgentTeamMember.rawValue, arguments: after))
        }
    }

    /// The event of a call connection's new state.
    private static func stateEvent(to after: Arguments, from before: Arguments?) -> EventName? {
        guard let raw = after.integer(.localConnectionState) else { return nil }
        switch LocalConnectionState(rawValue: UInt16(truncatingIfNeeded: raw)) {
        case .alerting: return .onCallDelivered
        case .connect:
            let wasHeld = before?.integer(.localConnectionState) == Int64(LocalConnectionState.hold.rawValue)
            return wasHeld ? .onCallRetrieved : .onCallEstablished
        case .hold: return .onCallHeld
        case .initiate: return .onCallOriginated
        case .queued: return .onCallQueuedEvent
        case .fail: return .onCallFailed
        default: return nil
        }
    }

    private static func buttonEvent(_ properties: Arguments) -> WireEvent {
        var arguments = Arguments()
        arguments[.uniqueObjectID] = properties[.uniqueObjectID]
        if let agentID = properties[.agentID] { arguments[.agentID] = agentID }
        arguments[.buttonEnablementMask] = properties[.buttonEnablementMask] ?? .integer(0)
        return WireEvent(name: EventName.onButtonEnablementChange.rawValue, arguments: arguments)
    }

    /// `call.5000.77.2004` → `5000.77`: the call, whatever the connection.
    static func callKey(_ id: String) -> Substring? {
        guard id.hasPrefix("call.") else { return nil }
        let rest = id.dropFirst(5)
        guard let dot = rest.firstIndex(of: "."), let second = rest[rest.index(after: dot)...].firstIndex(of: ".") else {
            return nil
        }
        return rest[..<second]
    }
}
