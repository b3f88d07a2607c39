import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// The comparison's twins: a truth equal to the store but for one field gives exactly one difference, naming the
/// object, the field and both values. (So the agreement tests would fail if the store were wrong on any field.)
struct StoreComparisonTwinTests {
    var lab: StoreLab
    var callID: UInt32 = 0

    /// 1004 talks to a caller (call variable 1 and an ECC variable set), 1005 is available.
    init() throws {
        lab = try StoreLab()
        lab.login("1004")
        lab.login("1005")
        let placed = lab.inboundCall(ani: "6175550166", callVariables: ["acct-7"],
                                     named: [NamedVariable(name: "user.X", value: "1")])
        callID = try #require(placed)
        lab.answer(callID, at: "2004", as: "1004")
        #expect(lab.comparison().isEqual, "\(lab.comparison())")
    }

    func compare(_ change: (inout GroundTruth) -> Void) -> [String] {
        var truth = lab.center.groundTruth()
        change(&truth)
        return StoreComparison(lab.store, truth, routePoints: lab.routePoints).differences.map(\.description)
    }

    static func agent(_ id: String, _ truth: GroundTruth) -> Int { truth.agents.firstIndex { $0.id == id }! }

    @Test func agentFields() {
        #expect(compare { $0.agents[Self.agent("1004", $0)].state = .hold }
                == ["agent 1004 AgentState: store TALKING, truth HOLD"])
        #expect(compare { $0.agents[Self.agent("1005", $0)].reasonCode = 7 } == ["agent 1005 ReasonCode: store 0, truth 7"])
        #expect(compare { $0.agents[Self.agent("1004", $0)].skillGroups[0].state = .busyOther }
                == ["agent 1004 skill group 199 state: store TALKING, truth BUSY_OTHER"])
        #expect(compare { $0.agents[Self.agent("1004", $0)].extension = "2999" }.first
                == "agent 1004 AgentExtension: store 2004, truth 2999")
        #expect(compare { $0.agents[Self.agent("1005", $0)].team = 9003 } == ["agent 1005 TeamID: store 9002, truth 9003"])
        #expect(compare { $0.agents[Self.agent("1005", $0)].isSupervisor = true }
                == ["agent 1005 IsSupervisor: store false, truth true"])
        #expect(compare { $0.agents[Self.agent("1005", $0)].calls = [5] } == ["agent 1005 calls: store [], truth [5]"])
    }

    @Test func callFields() {
        let object = "call \(callID) at 2004"
        #expect(compare { $0.calls[0].callVariables[2] = "new" } == ["\(object) CallVariable3: store absent, truth \"new\""])
        #expect(compare { $0.calls[0].callVariables[0] = "acct-8" }
                == ["\(object) CallVariable1: store \"acct-7\", truth \"acct-8\""])
        #expect(compare { $0.calls[0].ani = "1" } == ["\(object) ANI: store \"6175550166\", truth \"1\""])
        #expect(compare { $0.calls[0].dnis = "1" }.map { $0.hasPrefix("\(object) DNIS:") } == [true])
        #expect(compare { $0.calls[0].dialedNumber = "1" }.map { $0.hasPrefix("\(object) DialedNumber:") } == [true])
        #expect(compare { $0.calls[0].type = .agentOut } == ["\(object) CallType: store ACD_IN, truth AGENT_OUT"])
        #expect(compare { $0.calls[0].callWrapupData = "w" } == ["\(object) CallWrapupData: store absent, truth \"w\""])
        #expect(compare { $0.calls[0].namedVariables = [] } == ["\(object) ECC: store [user.X=\"1\"], truth []"])
        #expect(compare { $0.calls[0].namedArrays = [NamedArrayElement(name: "user.L", index: 2, value: "v")] }
                == ["\(object) ECC: store [user.X=\"1\"], truth [user.L[2]=\"v\", user.X=\"1\"]"])
        #expect(compare { $0.calls[0].skillGroup = 101 } == ["\(object) SkillGroupNumber: store 199, truth 101"])
    }

    @Test func connections() {
        let index = lab.center.groundTruth().calls[0].connections.firstIndex { $0.deviceID == "2004" }!
        #expect(compare { $0.calls[0].connections[index].state = .hold }
                == ["agent 1004 ButtonEnablementMask: store [], truth MAKECALL",
                    "call \(callID) at 2004 LocalConnectionState: store CONNECT, truth HOLD",
                    "call \(callID) at 2004 ButtonEnablementMask: store RELEASE|HOLD|TRANSFER_INIT|SINGLE_STEP_TRANSFER|CONFERENCE_INIT|SINGLE_STEP_CONFERENCE, truth RELEASE|RETRIEVE"])
        #expect(compare { $0.calls[0].connections[index].agentID = "1009" }
                == ["call \(callID) at 2004 AgentID: store 1004, truth 1009"])
        // An external party is not an object: changing it changes nothing.
        #expect(compare { $0.calls[0].connections[0].state = .hold } == [])
        #expect(compare { $0.calls[0].connections.remove(at: index) }
                == ["agent 1004 ButtonEnablementMask: store [], truth MAKECALL", "call \(callID) at 2004: store present (CONNECT), truth absent"])
        #expect(compare { truth in
            var connection = truth.calls[0].connections[index]
            connection.deviceID = "2005"
            connection.state = .alerting
            connection.agentID = "1005"
            truth.calls[0].connections.append(connection)
        } == ["agent 1005 ButtonEnablementMask: store MAKECALL, truth []",
              "call \(callID) at 2005: store absent, truth present (ALERTING)"])
    }

    @Test func wholeObjects() {
        #expect(compare { $0.calls.removeAll() } == ["agent 1004 ButtonEnablementMask: store [], truth MAKECALL", "call \(callID) at 2004: store present (CONNECT), truth absent"])
        #expect(compare { $0.agents.removeAll { $0.id == "1050" } } == ["agent 1050: store present, truth absent"])
        #expect(compare { $0.skillGroups[0].name = "Other" } == ["skill group 101 SkillGroupName: store \"Sales\", truth \"Other\""])
        #expect(compare { $0.peripheralOnline = false }.count == 50 + 1, "every agent and the call: DISABLE_ALL")
    }
}
