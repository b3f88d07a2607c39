@testable import CIL
import CTIOSCore
import CTIOSWire
import GED188
import Testing

/// The events a snapshot implies when it replaces a cache.
struct SnapshotDiffTests {
    static func call(_ callID: Int, _ device: String, state: LocalConnectionState, ani: String = "5551234",
                     mask: Int64 = 0) -> (String, Arguments) {
        let id = "call.5000.\(callID).\(device)"
        return (id, ["UniqueObjectID": .string(id), "LocalConnectionState": .integer(Int64(state.rawValue)),
                     "ANI": .string(ani), "AgentID": "1004", "ButtonEnablementMask": .integer(mask)])
    }

    static func agent(state: AgentState, reason: Int64 = 0) -> (String, Arguments) {
        ("agent.5000.1004", ["UniqueObjectID": "agent.5000.1004", "AgentState": .integer(Int64(state.rawValue)),
                             "ReasonCode": .integer(reason)])
    }

    static func names(_ old: [(String, Arguments)], _ new: [(String, Arguments)]) -> [String] {
        SnapshotDiff.events(from: Dictionary(uniqueKeysWithValues: old), to: Dictionary(uniqueKeysWithValues: new))
            .map { "\($0.name) \($0.arguments.string(.uniqueObjectID) ?? "")" }
    }

    @Test func nothingChangedRaisesNothing() {
        let state = [Self.agent(state: .talking), Self.call(1, "2004", state: .connect)]
        #expect(Self.names(state, state) == [])
    }

    @Test func aCallThatEndedIsClearedThenEnded() {
        #expect(Self.names([Self.call(1, "2004", state: .connect)], [])
                == ["OnCallCleared call.5000.1.2004", "OnCallEnd call.5000.1.2004"])
    }

    @Test func aConnectionThatLeftAStillLiveCallIsConnectionCleared() {
        #expect(Self.names([Self.call(1, "2004", state: .connect), Self.call(1, "2005", state: .connect)],
                           [Self.call(1, "2005", state: .connect)])
                == ["OnCallConnectionCleared call.5000.1.2004", "OnCallEnd call.5000.1.2004"])
    }

    @Test func aNewRingingCallBeginsAndIsDeliveredWithItsButtons() {
        #expect(Self.names([], [Self.call(2, "2004", state: .alerting, mask: 1)])
                == ["OnCallBegin call.5000.2.2004", "OnCallDelivered call.5000.2.2004", "OnButtonEnablementChange call.5000.2.2004"])
    }

    @Test func aCallStateChangeIsTheEventOfItsNewState() {
        #expect(Self.names([Self.call(1, "2004", state: .alerting)], [Self.call(1, "2004", state: .connect)])
                == ["OnCallEstablished call.5000.1.2004"])
        #expect(Self.names([Self.call(1, "2004", state: .hold)], [Self.call(1, "2004", state: .connect)])
                == ["OnCallRetrieved call.5000.1.2004"])
        #expect(Self.names([Self.call(1, "2004", state: .connect)], [Self.call(1, "2004", state: .hold)])
                == ["OnCallHeld call.5000.1.2004"])
    }

    @Test func changedCallDataIsOneDataUpdate() {
        #expect(Self.names([Self.call(1, "2004", state: .connect)], [Self.call(1, "2004", state: .connect, ani: "5550000")])
                == ["OnCallDataUpdate call.5000.1.2004"])
    }

    @Test func anAgentWhoseStateChangedManyTimesIsOneStateChange() {
        #expect(Self.names([Self.agent(state: .available)], [Self.agent(state: .notReady, reason: 5)])
                == ["OnAgentStateChange agent.5000.1004"])
        #expect(Self.names([], [Self.agent(state: .notReady)]) == [], "a new agent is read from the cache")
    }

    @Test func removalsComeFirstThenChangesThenNewObjects() {
        let old = [Self.call(1, "2004", state: .connect), Self.agent(state: .talking)]
        let new = [Self.agent(state: .talking, reason: 1), Self.call(2, "2004", state: .alerting)]
        #expect(Self.names(old, new) == ["OnCallCleared call.5000.1.2004", "OnCallEnd call.5000.1.2004",
                                         "OnAgentStateChange agent.5000.1004", "OnCallBegin call.5000.2.2004",
                                         "OnCallDelivered call.5000.2.2004"])
    }

    @Test func theCacheAppliesChangesInOrderAndCountsTheImpossibleOnes() {
        var cache = ObjectCache()
        cache.apply(ChangeBatch(epoch: 1, sequence: 1, events: [], changes: [
            .created(objectID: "agent.5000.1004", properties: ["AgentState": 2, "ReasonCode": 5]),
            .updated(objectID: "agent.5000.1004", properties: ["AgentState": 3], removed: ["ReasonCode"]),
            .updated(objectID: "agent.5000.9999", properties: ["AgentState": 3], removed: []),
            .deleted(objectID: "call.5000.1.2004"),
        ]))
        #expect(cache["agent.5000.1004"] == ["AgentState": 3])
        #expect(cache.inconsistencies == 2)
        cache.apply(ChangeBatch(epoch: 1, sequence: 2, events: [], changes: [.deleted(objectID: "agent.5000.1004")]))
        #expect(cache.count == 0)
    }
}
