import CTIOSTestKit
import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// Each comparison the tests rely on fails when one compared field is wrong, and names it.
struct ComparisonTwinTests {
    /// A lab after a call reached agent 1004 and rang: a cache and two truths that agree.
    static func ringing() throws -> Lab {
        var lab = try Lab()
        let desk = lab.addDesk()
        lab.connect(desk)
        _ = lab.setAgent(desk, "1004")
        _ = lab.call(desk, "Login", ["UniqueObjectID": "agent.5000.1004", "AgentPassword": "pw1004", "SkillGroups": [199]])
        _ = lab.call(desk, "SetAgentState", ["UniqueObjectID": "agent.5000.1004", "AgentState": .integer(3)])
        _ = lab.core.placeInboundCall(dialedNumber: ContactCenterConfiguration.labDialedNumber, ani: "5551234",
                                      callVariables: ["order 42"], now: lab.now)
        lab.run(for: .milliseconds(200))
        return lab
    }

    @Test func theServerComparisonNamesTheObjectAndFieldThatDiffer() throws {
        let lab = try Self.ringing()
        let cache = lab.objects(0)
        let server = lab.server.store.visibleObjects(for: .agent("1004"))
        #expect(compare(cache: cache, server: server).isEmpty, "\(compare(cache: cache, server: server))")
        let agent = UniqueObjectID.agent(peripheral: 5000, agentID: "1004")
        let call = try #require(cache.keys.first { $0.kind == .call })

        var wrongValue = cache
        wrongValue[agent]![.agentState] = .integer(99)
        #expect(compare(cache: wrongValue, server: server).map(\.field) == ["AgentState"])
        var extraKey = cache
        extraKey[call]!["Surprise"] = "yes"
        #expect(compare(cache: extraKey, server: server).map(\.field) == ["Surprise"])
        var missingKey = cache
        missingKey[call]![.ani] = nil
        #expect(compare(cache: missingKey, server: server).map(\.field) == ["ANI"])
        var missing = cache
        missing[call] = nil
        #expect(compare(cache: missing, server: server) == [CacheDifference(object: call.description, field: "", cache: "absent", truth: "present")])
        var phantom = cache
        phantom[.call(peripheral: 5000, callID: 1, device: "2004")] = [:]
        #expect(compare(cache: phantom, server: server).map(\.cache) == ["present"])
    }

    @Test func theSimulatorComparisonNamesTheObjectAndFieldThatDiffer() throws {
        let lab = try Self.ringing()
        let cache = lab.objects(0)
        let truth = lab.core.center.groundTruth()
        let agents: Set<String> = ["1004"]
        #expect(compare(cache: cache, simulator: truth, agents: agents).isEmpty,
                "\(compare(cache: cache, simulator: truth, agents: agents))")
        let agent = UniqueObjectID.agent(peripheral: 5000, agentID: "1004")
        let call = try #require(cache.keys.first { $0.kind == .call })

        for (key, value) in [("AgentState", ArgumentValue.integer(2)), ("ReasonCode", .integer(7))] {
            var wrong = cache
            wrong[agent]![key] = value
            #expect(compare(cache: wrong, simulator: truth, agents: agents).map(\.field) == [key])
        }
        for (key, value) in [("LocalConnectionState", ArgumentValue.integer(3)), ("ANI", "5550000"), ("DNIS", "1"),
                             ("DialedNumber", "2"), ("CallVariable1", "order 43"), ("CallVariable10", "x")] {
            var wrong = cache
            wrong[call]![key] = value
            #expect(compare(cache: wrong, simulator: truth, agents: agents).map(\.field) == [key], "\(key)")
        }
        var missingAgent = cache
        missingAgent[agent] = nil
        #expect(compare(cache: missingAgent, simulator: truth, agents: agents).map(\.object) == [agent.description])
        var missingCall = cache
        missingCall[call] = nil
        #expect(compare(cache: missingCall, simulator: truth, agents: agents)
                == [CacheDifference(object: call.description, field: "", cache: "absent", truth: "present")])
        var phantom = cache
        phantom[.call(peripheral: 5000, callID: 1, device: "2004")] = [:]
        #expect(compare(cache: phantom, simulator: truth, agents: agents)
                == [CacheDifference(object: "call.5000.1.2004", field: "", cache: "present", truth: "absent")])
    }
}
