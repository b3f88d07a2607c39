import CTIOSTestKit
import CTISimulator
import GED188
import Testing

/// The comparison's twins: a truth equal to the view but for one field gives exactly one difference, naming the
/// object, the field and both values.
struct BridgeViewComparisonTests {
    var lab: ModelLab
    var callID: UInt32 = 0

    /// 1004 talks to a caller (call variable 1 set), 1005 is available.
    init() throws {
        lab = try ModelLab()
        lab.login("1004")
        lab.login("1005")
        let placed = lab.inboundCall(ani: "6175550166", callVariables: ["acct-7"])
        callID = try #require(placed)
        lab.answer(callID, at: "2004", as: "1004")
        #expect(lab.comparison().isEqual, "\(lab.comparison())")
    }

    /// The view compared with the truth after `change`.
    func compare(_ change: (inout GroundTruth) -> Void) -> BridgeView.Comparison {
        var truth = lab.center.groundTruth()
        change(&truth)
        return lab.view.compare(with: truth)
    }

    static func index(of agent: String, in truth: GroundTruth) -> Int { truth.agents.firstIndex { $0.id == agent }! }

    @Test func anAgentState() {
        let comparison = compare { $0.agents[Self.index(of: "1004", in: $0)].state = .notReady }
        #expect(comparison.differences.map(\.description) == ["agent 1004 state: view TALKING, truth NOT_READY"])
        #expect(comparison.differences.first?.field == "state")
    }

    @Test func aReasonCode() {
        let comparison = compare { $0.agents[Self.index(of: "1005", in: $0)].reasonCode = 7 }
        #expect(comparison.differences.map(\.description) == ["agent 1005 reasonCode: view 0, truth 7"])
    }

    @Test func aSkillGroupState() {
        let comparison = compare { $0.agents[Self.index(of: "1004", in: $0)].skillGroups[0].state = .busyOther }
        #expect(comparison.differences.map(\.description) == ["agent 1004 skill group 199 state: view TALKING, truth BUSY_OTHER"])
    }

    @Test func anAgentTheViewNeverSawIsLoggedOut() {
        #expect(compare { _ in }.isEqual)
        let comparison = compare { $0.agents[Self.index(of: "1009", in: $0)].state = .available }
        #expect(comparison.differences.map(\.description) == ["agent 1009 state: view LOGOUT, truth AVAILABLE"])
    }

    @Test func aCallVariable() {
        let comparison = compare { $0.calls[0].callVariables[2] = "new" }
        #expect(comparison.differences.map(\.description) == ["call \(callID) callVariable3: view none, truth \"new\""])
        let changed = compare { $0.calls[0].callVariables[0] = "acct-8" }
        #expect(changed.differences.map(\.description) == ["call \(callID) callVariable1: view \"acct-7\", truth \"acct-8\""])
    }

    @Test func theCallContext() {
        #expect(compare { $0.calls[0].ani = "1" }.differences.map(\.field) == ["ani"])
        #expect(compare { $0.calls[0].dnis = "1" }.differences.map(\.field) == ["dnis"])
        #expect(compare { $0.calls[0].dialedNumber = "1" }.differences.map(\.field) == ["dialedNumber"])
        #expect(compare { $0.calls[0].callWrapupData = "w" }.differences.map(\.field) == ["callWrapupData"])
        let named = compare { $0.calls[0].namedVariables = [NamedVariable(name: "user.X", value: "1")] }
        #expect(named.differences.map(\.description) == ["call \(callID) namedVariables: view [], truth [user.X=\"1\"]"])
        let arrays = compare { $0.calls[0].namedArrays = [NamedArrayElement(name: "user.L", index: 2, value: "v")] }
        #expect(arrays.differences.map(\.description) == ["call \(callID) namedArrays: view [], truth [user.L[2]=\"v\"]"])
    }

    @Test func aConnectionState() {
        let comparison = compare { truth in
            let index = truth.calls[0].connections.firstIndex { $0.deviceID == "2004" }!
            truth.calls[0].connections[index].state = .alerting
        }
        #expect(comparison.differences.map(\.description) == ["call \(callID) connection 2004 state: view CONNECT, truth ALERTING"])
    }

    @Test func aMissingOrExtraConnection() {
        let missing = compare { $0.calls[0].connections.removeAll { $0.deviceID == "2004" } }
        #expect(missing.differences.map(\.description) == ["call \(callID) connection 2004 state: view CONNECT, truth absent"])
        let extra = compare { truth in
            var connection = truth.calls[0].connections[0]
            connection.deviceID = "2009"
            connection.state = .hold
            truth.calls[0].connections.append(connection)
        }
        #expect(extra.differences.map(\.description) == ["call \(callID) connection 2009 state: view absent, truth HOLD"])
    }

    @Test func aCallOnlyTheViewHas() {
        let comparison = compare { $0.calls.removeAll() }
        #expect(comparison.differences.map(\.description)
            == ["call \(callID): view present (6175550166 CONNECT, 2004 CONNECT), truth absent"])
        #expect(comparison.differences(of: "call \(callID)").count == 1)
    }

    @Test func aCallOnlyTheTruthHas() {
        let comparison = compare { truth in
            var other = truth.calls[0]
            other.id = 99
            other.connections[0].deviceID = "555"
            other.connections.removeLast(other.connections.count - 1)
            truth.calls.append(other)
        }
        #expect(comparison.differences.map(\.description) == ["call 99: view absent, truth present (555 CONNECT)"])
    }

    @Test func theEventCount() {
        var truth = lab.center.groundTruth()
        #expect(lab.view.compare(with: truth, expectingEveryEvent: true).isEqual)
        truth.version += 1
        let comparison = lab.view.compare(with: truth, expectingEveryEvent: true)
        #expect(comparison.differences.map(\.field) == ["model events applied"])
        #expect(lab.view.compare(with: truth).isEqual, "the count is compared only when asked")
    }

    @Test func theDescriptionListsEveryDifference() {
        let comparison = compare { truth in
            truth.agents[Self.index(of: "1004", in: truth)].state = .hold
            truth.calls[0].callVariables[0] = nil
        }
        #expect(comparison.description == """
            2 differences:
              agent 1004 state: view TALKING, truth HOLD
              call \(callID) callVariable1: view "acct-7", truth none
            """)
        #expect(BridgeView.Comparison(differences: []).description == "no differences")
    }
}
