@testable import CIL
import CTIOSCore
import CTIOSWire
import NIOConcurrencyHelpers
import Testing

/// A listener that records which method each event reached.
final class RecordingListener: AllInOne, GenericEvents, @unchecked Sendable {
    let calls = NIOLockedValueBox<[String]>([])
    private func note(_ method: String, _ event: CILEvent) { calls.withLockedValue { $0.append("\(method) \(event.name)") } }
    func onConnection(_ event: CILEvent) { note("session", event) }
    func onCallDelivered(_ event: CILEvent) { note("call", event) }
    func onCallEnd(_ event: CILEvent) { note("call", event) }
    func onAgentStateChange(_ event: CILEvent) { note("agent", event) }
    func onButtonEnablementChange(_ event: CILEvent) { note("buttons", event) }
    func onSkillGroupStatisticsUpdated(_ event: CILEvent) { note("skillGroup", event) }
    func onMonitoredAgentStateChange(_ event: CILEvent) { note("monitoredAgent", event) }
    func onMonitoredCallDelivered(_ event: CILEvent) { note("monitoredCall", event) }
    func onEvent(_ event: CILEvent) { note("generic", event) }
}

/// Only call events, and nothing implemented but one method: the rest are the defaults.
final class ScreenPopListener: CallEvents, @unchecked Sendable {
    let anis = NIOLockedValueBox<[String]>([])
    func onCallDelivered(_ event: CILEvent) { anis.withLockedValue { $0.append(event.arguments.string(.ani) ?? "?") } }
}

struct ListenerTests {
    @Test func eachEventReachesTheMethodOfItsInterfaceAndGenericEventsGetsAll() {
        var registry = ListenerRegistry()
        let listener = RecordingListener()
        registry.add(listener)
        registry.add(listener)
        for (name, monitored) in [("OnConnection", false), ("OnCallDelivered", false), ("OnAgentStateChange", false),
                                  ("OnAgentStateChange", true), ("OnCallDelivered", true), ("OnButtonEnablementChange", false),
                                  ("OnButtonEnablementChange", true), ("OnSkillGroupStatisticsUpdated", false),
                                  ("OnSomethingNew", false)] {
            registry.dispatch(CILEvent(name: EventName(rawValue: name), arguments: [:], isMonitored: monitored))
        }
        #expect(listener.calls.withLockedValue { $0 } == [
            "session OnConnection", "generic OnConnection",
            "call OnCallDelivered", "generic OnCallDelivered",
            "agent OnAgentStateChange", "generic OnAgentStateChange",
            "monitoredAgent OnAgentStateChange", "generic OnAgentStateChange",
            "monitoredCall OnCallDelivered", "generic OnCallDelivered",
            "buttons OnButtonEnablementChange", "generic OnButtonEnablementChange",
            "generic OnButtonEnablementChange",
            "skillGroup OnSkillGroupStatisticsUpdated", "generic OnSkillGroupStatisticsUpdated",
            "generic OnSomethingNew",
        ], "added twice, called once")
    }

    @Test func aListenerImplementsOnlyWhatItUsesAndCanBeRemoved() {
        var registry = ListenerRegistry()
        let listener = ScreenPopListener()
        registry.add(listener)
        registry.dispatch(CILEvent(name: .onCallDelivered, arguments: ["ANI": "5551234"]))
        registry.dispatch(CILEvent(name: .onCallEstablished, arguments: ["ANI": "5551234"]))
        registry.dispatch(CILEvent(name: .onAgentStateChange, arguments: [:]))
        registry.remove(listener)
        registry.dispatch(CILEvent(name: .onCallDelivered, arguments: ["ANI": "5550000"]))
        #expect(listener.anis.withLockedValue { $0 } == ["5551234"])
        #expect(registry.isEmpty)
    }

    @Test func everyKnownNameHasItsCategory() {
        #expect(EventKind(name: "OnCallDelivered").category == .call)
        #expect(EventKind(name: "OnAgentPrecallEvent").category == .call)
        #expect(EventKind(name: "OnAgentStateChange").category == .agent)
        #expect(EventKind(name: "OnCTIOSFailure").category == .session)
        #expect(EventKind(name: "OnSessionRecovered").category == .session)
        #expect(EventKind(name: "OnButtonEnablementChange").category == .buttonEnablement)
        #expect(EventKind(name: "OnSomethingNew") == .other)
        #expect(EventKind.byName.count > 45)
    }
}
