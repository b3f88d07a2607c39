import CTIOSCore
import CTIOSWire
import Testing

/// `ObjectStore.diff(from:to:)`: the smallest changes between two object sets.
struct DiffTests {
    let agent = UniqueObjectID.agent(peripheral: 5000, agentID: "1004")
    let call = UniqueObjectID.call(peripheral: 5000, callID: 7, device: "2004")
    let group = UniqueObjectID.skillGroup(peripheral: 5000, number: 101)

    @Test func createdUpdatedDeletedInIDOrder() {
        let old: [UniqueObjectID: Arguments] = [
            agent: ["AgentID": "1004", "AgentState": 3, "ReasonCode": 0, "FirstName": "A"],
            call: ["LocalConnectionState": 2],
        ]
        let new: [UniqueObjectID: Arguments] = [
            agent: ["AgentID": "1004", "AgentState": 4, "ReasonCode": 0],
            group: ["SkillGroupNumber": 101],
        ]
        #expect(ObjectStore.diff(from: old, to: new) == [
            .updated(objectID: "agent.5000.1004", properties: ["AgentState": 4], removed: ["FirstName"]),
            .deleted(objectID: "call.5000.7.2004"),
            .created(objectID: "skillgroup.5000.101", properties: ["SkillGroupNumber": 101]),
        ])
    }

    @Test func equalSetsHaveNoDifference() {
        let objects: [UniqueObjectID: Arguments] = [agent: ["A": 1, "B": "x"]]
        let reordered: [UniqueObjectID: Arguments] = [agent: ["b": "x", "A": 1]]
        #expect(ObjectStore.diff(from: objects, to: reordered).isEmpty, "keys ignore case and order")
        #expect(ObjectStore.diff(from: [:], to: [:]).isEmpty)
    }

    @Test func nestedValuesAreComparedWhole() {
        let old: [UniqueObjectID: Arguments] = [call: ["ECC": .arguments(["user.A": "1", "user.B": "2"])]]
        let new: [UniqueObjectID: Arguments] = [call: ["ECC": .arguments(["user.A": "1", "user.B": "3"])]]
        #expect(ObjectStore.diff(from: old, to: new)
                == [.updated(objectID: "call.5000.7.2004", properties: ["ECC": .arguments(["user.A": "1", "user.B": "3"])], removed: [])])
    }

    @Test func applyingTheDiffTurnsOneIntoTheOther() {
        let old: [UniqueObjectID: Arguments] = [agent: ["X": 1, "Y": 2], call: ["Z": 3]]
        let new: [UniqueObjectID: Arguments] = [agent: ["X": 1, "W": 4], group: ["V": 5]]
        var objects = old
        for change in ObjectStore.diff(from: old, to: new) {
            let id = UniqueObjectID(change.objectID)!
            switch change {
            case .created(_, let properties): objects[id] = properties
            case .updated(_, let properties, let removed):
                objects[id] = objects[id]!.merging(properties)
                for key in removed { objects[id]!.removeValue(for: key) }
            case .deleted: objects[id] = nil
            }
        }
        #expect(objects == new)
    }
}
