import CTIOSWire
import Testing

/// The semantics of CTI OS's key-value set (CTI OS Developer Guide, Arguments).
struct ArgumentsTests {
    @Test func keysIgnoreCaseAndSurroundingSpaces() {
        var arguments = Arguments()
        arguments["AgentID"] = "1001"
        #expect(arguments[" agentid "] == "1001")
        #expect(arguments["AGENTID"] == "1001")
        #expect(arguments[.agentID] == "1001")
        #expect(arguments.contains("  AgentId"))
        #expect(!arguments.contains("Agent ID"))
        #expect(arguments.string(.agentID) == "1001")
        #expect(arguments.integer(.agentID) == nil)
    }

    @Test func aKeyKeepsItsFirstSpellingTrimmed() {
        var arguments = Arguments()
        arguments["  agentId "] = "1"
        arguments["AGENTID"] = "2"
        #expect(arguments.keys == ["agentId"])
        #expect(arguments["AgentID"] == "2")
        #expect(arguments.count == 1)
    }

    @Test func settingNilRemovesAndRemoveValueReturnsTheValue() {
        var arguments: Arguments = ["A": 1, "B": 2, "C": 3]
        arguments["b"] = nil
        #expect(arguments.keys == ["A", "C"])
        #expect(arguments.removeValue(for: " c") == 3)
        #expect(arguments.removeValue(for: "missing") == nil)
        #expect(arguments.keys == ["A"])
    }

    @Test func elementsAreOneBasedInInsertionOrder() throws {
        let arguments: Arguments = ["First": 1, "Second": "two", "Third": true]
        #expect(arguments.element(at: 0) == nil)
        let first = try #require(arguments.element(at: 1))
        #expect(first.key == "First" && first.value == 1)
        #expect(arguments.element(at: 3)?.key == "Third")
        #expect(arguments.element(at: 4) == nil)
        #expect(arguments.map(\.key) == ["First", "Second", "Third"])
    }

    @Test func equalityAndHashingIgnoreOrderAndCase() {
        let one: Arguments = ["AgentID": "1001", "AgentState": 3, "Nested": ["x": 1, "y": [1, 2]]]
        let other: Arguments = ["nested": ["Y": [1, 2], "X": 1], "agentstate": 3, " AGENTID": "1001"]
        #expect(one == other)
        #expect(one.hashValue == other.hashValue)
        #expect(Set([one, other]).count == 1)
        // Arrays keep their order; values must match.
        #expect(one != ["AgentID": "1001", "AgentState": 3, "Nested": ["x": 1, "y": [2, 1]]])
        #expect(one != ["AgentID": "1001", "AgentState": 4, "Nested": ["x": 1, "y": [1, 2]]])
        #expect(one != ["AgentID": "1001", "AgentState": 3])
        #expect(Arguments() == [:])
    }

    @Test func copiesAreIndependent() {
        var queued: Arguments = ["DialedNumber": "2002"]
        let request = queued
        queued["DialedNumber"] = "9999"
        queued["Extra"] = true
        #expect(request == ["DialedNumber": "2002"])
        var nested: Arguments = ["Inner": ["A": 1]]
        let snapshot = nested
        nested["Inner"] = ["A": 2]
        #expect(snapshot["Inner"]?.arguments?["a"] == 1)
    }

    @Test func changedKeysListsAddedChangedThenRemoved() {
        let old: Arguments = ["AgentState": 2, "ReasonCode": 5, "AgentID": "1001", "Gone": true]
        let new: Arguments = ["agentid": "1001", "AgentState": 3, "Added": 1]
        #expect(new.changedKeys(from: old) == ["AgentState", "Added", "ReasonCode", "Gone"])
        #expect(new.changedKeys(from: new) == [])
    }

    @Test func mergingLetsTheOtherSetWin() {
        let base: Arguments = ["A": 1, "B": 2]
        #expect(base.merging(["b": 3, "C": 4]) == ["A": 1, "B": 3, "C": 4])
        #expect(base.merging(["b": 3]).keys == ["A", "B"])
    }

    @Test func dumpShowsOneKeyPerLineWithNestedSetsIndented() {
        let arguments: Arguments = ["AgentID": "1001", "AgentState": 3, "ECC": ["user.a": "x", "ok": false],
                                    "List": [1, "two"]]
        #expect(arguments.dump() == """
            AgentID = "1001"
            AgentState = 3
            ECC =
                user.a = "x"
                ok = false
            List = [1, "two"]
            """)
    }

    @Test func literalsBuildArraysAndNestedSets() {
        let value: ArgumentValue = ["a": [1, "x"]]
        #expect(value == .arguments(["a": .array([.integer(1), .string("x")])]))
    }
}
