@testable import CIL
import CTIOSTestKit
import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// An agent desktop's session in memory: a whole call, each request's success and failure, the events in the order
/// the application sees them, and the cache against the server's store and the simulator's truth.
struct AgentDesktopTests {
    static let agent = "agent.5000.1004"

    /// A lab with desk 0 in agent mode for 1004, logged in to the lab skill group and available.
    static func availableAgent(_ id: String = "1004") throws -> Lab {
        var lab = try Lab()
        let desk = lab.addDesk()
        #expect(lab.connect(desk).map { (try? $0.get()) != nil } == true)
        #expect(lab.setAgent(desk, id).map { (try? $0.get()) != nil } == true)
        let login = lab.call(desk, "Login", ["UniqueObjectID": .string("agent.5000.\(id)"), "AgentPassword": .string("pw\(id)"),
                                             "SkillGroups": [199]])
        #expect((try? login?.get()) != nil, "Login: \(String(describing: login))")
        let ready = lab.call(desk, "SetAgentState", ["UniqueObjectID": .string("agent.5000.\(id)"),
                                                     "AgentState": .integer(Int64(AgentState.available.rawValue))])
        #expect((try? ready?.get()) != nil, "SetAgentState: \(String(describing: ready))")
        lab.run(for: .milliseconds(50))
        return lab
    }

    @Test func aWholeCallRaisesItsEventsInOrderAndTheCacheFollowsTheTruth() throws {
        var lab = try Self.availableAgent()
        _ = lab.takeEvents(0)
        let placed = lab.placeCall(ani: "5551234", callVariables: ["order 42"])
        let callID = try #require(placed)
        lab.run(for: .milliseconds(100))
        let call = "call.5000.\(callID).2004"
        let delivered = lab.desks[0].events.first { $0.name == .onCallDelivered && $0.arguments.string(.uniqueObjectID) == call }
        #expect(delivered?.arguments.string(.ani) == "5551234", "the screen pop: the caller's number")
        #expect(delivered?.arguments.string(.callVariable(1)) == "order 42")
        #expect(lab.desks[0].engine.currentCall == call)

        for method in ["Answer", "Hold", "Retrieve", "ClearConnection"] {
            let result = lab.call(0, method, ["UniqueObjectID": .string(call)])
            #expect((try? result?.get()) != nil, "\(method): \(String(describing: result))")
            lab.run(for: .milliseconds(50))
        }
        let events = lab.takeEvents(0)
        let callEvents = events.filter { $0.arguments.string(.uniqueObjectID) == call && $0.category == .call }.map(\.name.rawValue)
        #expect(callEvents == ["OnCallBegin", "OnCallDelivered", "OnCallConnectionCleared", "OnCallEstablished", "OnCallHeld", "OnCallRetrieved",
                               "OnCallConnectionCleared", "OnCallEnd"], "\(callEvents)")
        // The first OnCallConnectionCleared is the route point's connection leaving as the call is routed: a call
        // event goes to every object of the call.
        let routed = events.first { $0.name == .onCallConnectionCleared && $0.arguments.string(.uniqueObjectID) == call }
        #expect(routed?.arguments.string(.connectionDeviceID) != "2004")
        let current = events.filter { $0.name == .onCurrentCallChanged }.map { $0.arguments.string(.uniqueObjectID) ?? "none" }
        #expect(current == [call, "none"])
        #expect(events.contains { $0.name == .onButtonEnablementChange && $0.arguments.string(.uniqueObjectID) == call })
        #expect(!events.contains { $0.isMonitored }, "an agent's own events are not monitored ones")
        #expect(lab.desks[0].engine.cache[call] == nil, "the call is gone after OnCallEnd")

        let wrapUp = lab.call(0, "SetAgentState", ["UniqueObjectID": .string(Self.agent),
                                                   "AgentState": .integer(Int64(AgentState.notReady.rawValue)), "ReasonCode": 5])
        #expect((try? wrapUp?.get()) != nil, "\(String(describing: wrapUp))")
        lab.run(for: .milliseconds(50))
        let server = lab.server.store.visibleObjects(for: .agent("1004"))
        #expect(compare(cache: lab.objects(0), server: server).isEmpty, "\(compare(cache: lab.objects(0), server: server))")
        let truth = compare(cache: lab.objects(0), simulator: lab.core.center.groundTruth(), agents: ["1004"])
        #expect(truth.isEmpty, "\(truth)")
        #expect(lab.objects(0)[UniqueObjectID(Self.agent)!]?.integer(.reasonCode) == 5)
        let logout = lab.call(0, "Logout", ["UniqueObjectID": .string(Self.agent), "ReasonCode": 9])
        #expect((try? logout?.get()) != nil, "\(String(describing: logout))")
        #expect(lab.problems.isEmpty, "\(lab.problems)")
    }

    @Test func consultTransferAndConferenceBetweenTwoDesks() throws {
        var lab = try Self.availableAgent("1004")
        let other = lab.addDesk(seed: 2)
        lab.connect(other)
        _ = lab.setAgent(other, "1005")
        _ = lab.call(other, "Login", ["UniqueObjectID": "agent.5000.1005", "AgentPassword": "pw1005", "SkillGroups": [199]])
        _ = lab.call(other, "SetAgentState", ["UniqueObjectID": "agent.5000.1005", "AgentState": .integer(2)])
        let placed = lab.placeCall(ani: "5559876", callVariables: [])
        let callID = try #require(placed)
        lab.run(for: .milliseconds(100))
        let first = "call.5000.\(callID).2004"
        #expect(try lab.call(0, "Answer", ["UniqueObjectID": .string(first)])?.get() != nil)
        #expect(try lab.call(0, "SetCallData", ["UniqueObjectID": .string(first), "CallVariable2": "vip"])?.get() != nil)
        #expect(try lab.call(0, "SendDTMFSignal", ["UniqueObjectID": .string(first), "DTMFString": "12#"])?.get() != nil)
        #expect(try lab.call(0, "Snapshot", ["UniqueObjectID": .string(first)])?.get() != nil)
        lab.run(for: .milliseconds(50))
        #expect(lab.objects(0)[UniqueObjectID(first)!]?.string(.callVariable(2)) == "vip")
        #expect(lab.desks[0].events.contains { $0.name == .onCallDataUpdate })

        // Consult 1005 and transfer the caller to it.
        #expect(try lab.call(0, "MakeConsultCall", ["UniqueObjectID": .string(first), "DialedNumber": "2005"])?.get() != nil)
        lab.run(for: .milliseconds(100))
        let ringing = lab.objects(other).keys.first { $0.kind == .call && $0.deviceID == "2005" }
        let consult = try #require(ringing, "the consultation rings at 2005")
        #expect(try lab.call(other, "Answer", ["UniqueObjectID": .string(consult.description)])?.get() != nil)
        lab.run(for: .milliseconds(50))
        #expect(try lab.call(0, "Transfer", ["UniqueObjectID": .string(first)])?.get() != nil)
        lab.run(for: .milliseconds(100))
        #expect(lab.desks[0].events.contains { $0.name == .onCallTransferred })
        #expect(!lab.objects(0).keys.contains { $0.kind == .call }, "1004 has no call after the transfer")
        let transferred = lab.objects(other).filter { $0.key.kind == .call }
        #expect(transferred.count == 1 && transferred.first?.value.string(.ani) == "5559876", "\(transferred)")

        // 1005 conferences 1004 back in: consult, answer, conference.
        let held = try #require(transferred.first?.key)
        _ = lab.call(0, "SetAgentState", ["UniqueObjectID": .string(Self.agent), "AgentState": .integer(3)])
        #expect(try lab.call(other, "MakeConsultCall", ["UniqueObjectID": .string(held.description), "DialedNumber": "2004"])?.get() != nil)
        lab.run(for: .milliseconds(100))
        let back = try #require(lab.objects(0).keys.first { $0.kind == .call })
        #expect(try lab.call(0, "Answer", ["UniqueObjectID": .string(back.description)])?.get() != nil)
        lab.run(for: .milliseconds(50))
        #expect(try lab.call(other, "Conference", ["UniqueObjectID": .string(held.description)])?.get() != nil)
        lab.run(for: .milliseconds(100))
        #expect(lab.desks[other].events.contains { $0.name == .onCallConferenced })
        for (desk, agent) in [(0, "1004"), (other, "1005")] {
            let server = lab.server.store.visibleObjects(for: .agent(agent))
            #expect(compare(cache: lab.objects(desk), server: server).isEmpty, "\(agent): \(compare(cache: lab.objects(desk), server: server))")
            let truth = compare(cache: lab.objects(desk), simulator: lab.core.center.groundTruth(), agents: [agent])
            #expect(truth.isEmpty, "\(agent): \(truth)")
        }
        // Single-step transfer of the conference call from 1005 to the lab number.
        let conferenced = try #require(lab.objects(other).keys.first { $0.kind == .call })
        let single = lab.call(other, "SingleStepTransfer", ["UniqueObjectID": .string(conferenced.description), "DialedNumber": "5550100"])
        #expect(single != nil, "answered one way or the other")
    }

    @Test func eachRefusalComesBackWithItsCode() throws {
        var lab = try Self.availableAgent()
        func code(_ method: String, _ arguments: Arguments) -> String? {
            guard case .failure(let error)? = lab.call(0, method, arguments) else { return nil }
            return error.code.rawValue
        }
        #expect(code("Answer", ["UniqueObjectID": "call.5000.1.2004"]) == "NoSuchObject")
        #expect(code("Logout", ["UniqueObjectID": "agent.5000.1005"]) == "NotPermitted")
        #expect(code("Dance", ["UniqueObjectID": .string(Self.agent)]) == "UnknownMethod")
        #expect(code("SetAgentState", ["UniqueObjectID": .string(Self.agent)]) == "InvalidArguments")
        #expect(code("MakeCall", ["UniqueObjectID": .string(Self.agent)]) == "InvalidArguments")
        guard case .failure(let login)? = lab.call(0, "Login", ["UniqueObjectID": .string(Self.agent), "AgentPassword": "wrong"]) else {
            Issue.record("a second login is refused"); return
        }
        #expect(login.code == .ctiFailure)
        #expect(login.ctiFailureCode != nil)
        #expect(!login.reason.contains("wrong"), "a failure never echoes a password")
        let placed = lab.placeCall(ani: "5551234", callVariables: [])
        let callID = try #require(placed)
        lab.run(for: .milliseconds(100))
        let call = "call.5000.\(callID).2004"
        #expect(code("Retrieve", ["UniqueObjectID": .string(call)]) == "CTIFailure", "nothing is held")
        #expect(code("Transfer", ["UniqueObjectID": .string(call)]) == "InvalidState", "no second call")
        #expect(code("MakeConsultCall", ["UniqueObjectID": .string(call)]) == "InvalidArguments")
        #expect(code("SendDTMFSignal", ["UniqueObjectID": .string(call)]) == "InvalidArguments")
        let monitor = lab.addDesk(seed: 3)
        lab.connect(monitor)
        #expect(code("Answer", ["UniqueObjectID": .string(call)]) == nil, "desk 0 may")
        _ = lab.setMode(monitor, .monitor(filter: "UniqueObjectID=*"))
        guard case .failure(let fromMonitor)? = lab.call(monitor, "Hold", ["UniqueObjectID": .string(call)]) else {
            Issue.record("monitor mode cannot control"); return
        }
        #expect(fromMonitor.code == .notPermitted)
    }

    @Test func anUnknownAgentIsRefusedAndTheSessionStaysWithoutAMode() throws {
        var lab = try Lab()
        let desk = lab.addDesk()
        lab.connect(desk)
        guard case .failure(let error)? = lab.setAgent(desk, "7777") else { Issue.record("accepted"); return }
        #expect(error.code == .noSuchObject)
        #expect(lab.desks[desk].engine.machine.mode == nil)
        #expect(lab.desks[desk].engine.machine.connectionState == .connected(Lab.address))
    }
}
