import CIL
import CTIOSCore
import CTIOSServer
import CTIOSTestKit
import CTIOSWire
import CTISimulator
import NIOConcurrencyHelpers
import Testing

/// The library against a real object server and a real simulator, over TCP on loopback.
@Suite(.serialized)
struct SessionOverTCPTests {
    static func profile(_ server: LiveServer) -> ConnectionProfile {
        ConnectionProfile(serverA: ServerAddress(host: "127.0.0.1", port: server.port), heartbeat: .milliseconds(100),
                          connectTimeout: .seconds(5), requestTimeout: .seconds(5), clientName: "CILTests", randomSeed: 1)
    }

    @Test func anAgentDesktopWorksACallThroughTheLibrary() async throws {
        try await LiveSimulator.with(holdClock: false) { simulator in
            try await LiveServer.with(simulator: simulator) { server in
                let session = Session()
                let log = EventLog()
                session.addEventListener(log)
                let stream = session.events()
                let streamed = NIOLockedValueBox<[String]>([])
                let reader = Task {
                    for try await event in stream { streamed.withLockedValue { $0.append(event.name.rawValue) } }
                }
                try await session.connect(Self.profile(server))
                #expect(session.connectionState == .connected(ServerAddress(host: "127.0.0.1", port: server.port)))
                let agent = try await session.setAgent(agentID: "1004", instrument: "2004")
                #expect(session.currentAgent == agent)
                #expect(session.connectionMode == .agent)
                #expect(agent.agentState == .logout)

                try await agent.login(password: "pw1004", skillGroups: [199])
                try await log.wait(for: "agent 1004 not ready") { _ in agent.agentState == .notReady }
                try await agent.setAgentState(.available)
                try await log.wait(for: "agent 1004 available") { _ in agent.agentState == .available }
                #expect(agent.buttonMask.contains(.makeCall))

                let start = log.events.count
                let callID = try #require(try await simulator.placeCall(ani: "5551234", callVariables: ["order 42"]))
                let delivered = try await log.wait(for: .onCallDelivered, after: start)
                #expect(delivered.arguments.string(.ani) == "5551234")
                let call = try #require(session.currentCall)
                #expect(call.callID == callID)
                #expect(call.ani == "5551234")
                #expect(call.callVariable(1) == "order 42")
                #expect(call.localConnectionState == .alerting)
                #expect(call.buttonMask == .answer)

                try await call.answer()
                try await log.wait(for: .onCallEstablished, after: start)
                try await call.hold()
                try await log.wait(for: .onCallHeld, after: start)
                try await call.retrieve()
                try await log.wait(for: .onCallRetrieved, after: start)
                try await call.setCallData(["CallVariable2": "vip"])
                try await log.wait(for: "CallVariable2") { _ in call.callVariable(2) == "vip" }
                try await call.clearConnection()
                try await log.wait(for: .onCallEnd, after: start)
                #expect(!call.exists)
                #expect(session.currentCall == nil)
                let callEvents = log.events.dropFirst(start)
                    .filter { $0.category == .call && $0.uniqueObjectID == call.uniqueObjectID }.map(\.name.rawValue)
                #expect(callEvents.first == "OnCallBegin")
                #expect(callEvents.last == "OnCallEnd")
                #expect(callEvents.filter { $0 != "OnCallDataUpdate" }
                        == ["OnCallBegin", "OnCallDelivered", "OnCallConnectionCleared", "OnCallEstablished", "OnCallHeld", "OnCallRetrieved",
                            "OnCallConnectionCleared", "OnCallEnd"], "\(callEvents)")

                try await agent.setAgentState(.notReady, reasonCode: 7)
                try await log.wait(for: "not ready, reason 7") { _ in agent.reasonCode == 7 }
                let objects = session.allObjects()
                let truth = try await server.visibleObjects(for: .agent("1004"))
                #expect(compare(cache: objects, server: truth).isEmpty, "\(compare(cache: objects, server: truth))")
                try await agent.logout(reasonCode: 3)
                try await log.wait(for: "logged out") { _ in agent.agentState == .logout }

                await session.disconnect()
                _ = try await reader.value
                #expect(session.connectionState == .disconnected)
                #expect(session.allAgents.isEmpty, "disconnect empties the cache")
                // The listener and the stream saw the same events in the same order.
                #expect(streamed.withLockedValue { $0 } == log.names)
                #expect(log.names.last == "OnConnectionClosed")
            }
        }
    }

    @Test func refusalsComeBackAsErrorsWithTheirCodes() async throws {
        try await LiveSimulator.with(holdClock: false) { simulator in
            try await LiveServer.with(simulator: simulator) { server in
                let session = Session()
                try await session.connect(Self.profile(server))
                do {
                    try await session.setAgent(agentID: "7777")
                    Issue.record("an unknown agent was accepted")
                } catch let error as CILError {
                    #expect(error.code == .noSuchObject)
                }
                let agent = try await session.setAgent(agentID: "1005")
                do {
                    try await agent.login(password: "wrong", skillGroups: [199])
                    Issue.record("a wrong password was accepted")
                } catch let error as CILError {
                    #expect(error.code == .ctiFailure)
                    #expect(error.ctiFailureCode != nil)
                    #expect(!error.reason.contains("wrong"))
                }
                do {
                    _ = try await session.request("Dance", ["UniqueObjectID": "agent.5000.1005"])
                    Issue.record("an unknown method was accepted")
                } catch let error as CILError {
                    #expect(error.code == .unknownMethod)
                }
                await session.disconnect()
                do {
                    try await agent.logout()
                    Issue.record("a request while disconnected was sent")
                } catch let error as CILError {
                    #expect(error.code == .notSent)
                    #expect(error.wasNeverSent)
                }
            }
        }
    }

    @Test func aMonitorsCacheEqualsTheServersStoreAfterTraffic() async throws {
        try await LiveSimulator.with(traffic: TrafficProfile(callsPerSecond: 20), seed: 5, holdClock: false) { simulator in
            try await LiveServer.with(simulator: simulator) { server in
                let session = Session()
                let log = EventLog()
                session.addEventListener(log)
                try await session.connect(Self.profile(server))
                try await session.setMessageFilter("UniqueObjectID=*")
                #expect(session.connectionMode == .monitor)
                #expect(session.messageFilter == "UniqueObjectID=*")
                try await log.wait(for: "20 calls delivered", timeout: .seconds(20)) { _ in
                    log.events.filter { $0.name == .onCallDelivered }.count >= 20
                }
                try await simulator.server.holdClock()
                let filter = ClientMode.monitor(try MonitorFilter("UniqueObjectID=*"))
                var differences: [CacheDifference] = []
                try await poll("the cache to equal the server's store", seen: { "\(differences.prefix(5))" }) {
                    differences = compare(cache: session.allObjects(), server: try await server.visibleObjects(for: filter))
                    return differences.isEmpty
                }
                let truth = try await simulator.truth()
                let simulated = compare(cache: session.allObjects(), simulator: truth, agents: Set(truth.agents.map(\.id)))
                #expect(simulated.isEmpty, "\(simulated.prefix(10))")
                #expect(session.allAgents.count == 50)
                #expect(session.allSkillGroups.count == 5)
                #expect(!session.allCalls.isEmpty)
                await session.disconnect()
            }
        }
    }
}
