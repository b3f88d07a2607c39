#if canImport(Glibc)
import Glibc
#endif
import CTIOSCore
import CTIOSServer
import CTIOSTestKit
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// `ctios server`'s shell over real TCP, between a real simulator and raw protocol clients (`Docs/Protocol.md`).
@Suite(.serialized)
struct ServerOverTCPTests {
    // MARK: An agent desktop

    @Test func anAgentDesktopWorksACallWithTheButtonsOfEachStep() async throws {
        try await LiveSimulator.with(holdClock: false) { simulator in
            try await LiveServer.with(simulator: simulator) { server in
                let desktop = try await server.connect()
                defer { Task { await desktop.close() } }
                try await desktop.hello(name: "desktop 1004")
                desktop.startHeartbeats()
                try await desktop.setAgentMode("1004")
                var replica = WireReplica()
                replica.receive(desktop.takeReceived())
                let agent = "agent.5000.1004"
                #expect(replica.objects.keys.sorted() == [agent], "a logged-out agent sees only itself")

                try await desktop.request("Login", ["UniqueObjectID": .string(agent), "AgentPassword": "pw1004",
                                                    "SkillGroups": [199]], requestID: 2)
                try await until("agent 1004 not ready", desktop, &replica) {
                    $0.objects[agent]?.integer(.agentState) == Int64(AgentState.notReady.rawValue)
                }
                #expect(mask(replica.objects[agent]) == .makeCall)
                #expect(replica.objects.keys.contains("skillgroup.5000.199"), "logged in, the agent sees its skill group")

                try await desktop.request("SetAgentState", ["UniqueObjectID": .string(agent),
                                                            "AgentState": .integer(Int64(AgentState.available.rawValue))],
                                          requestID: 3)
                try await until("agent 1004 available", desktop, &replica) {
                    $0.objects[agent]?.integer(.agentState) == Int64(AgentState.available.rawValue)
                }

                let callID = try #require(try await simulator.placeCall(ani: "5551234"))
                let call = "call.5000.\(callID).2004"
                try await until("the call ringing at 2004 with ANSWER", desktop, &replica) {
                    mask($0.objects[call]) == .answer
                }
                #expect(replica.objects[call]?.string(.ani) == "5551234")
                #expect(replica.events.contains { $0.name == "OnCallDelivered" })
                #expect(mask(replica.objects[agent]) == [], "a reserved agent with a ringing call makes no call")

                try await desktop.request("Answer", ["UniqueObjectID": .string(call)], requestID: 4)
                let talking: ButtonMask = [.release, .hold, .transferInit, .conferenceInit, .singleStepTransfer,
                                           .singleStepConference]
                try await until("the call connected", desktop, &replica) { mask($0.objects[call]) == talking }

                try await desktop.request("Hold", ["UniqueObjectID": .string(call)], requestID: 5)
                try await until("the call held", desktop, &replica) { mask($0.objects[call]) == [.retrieve, .release] }
                #expect(mask(replica.objects[agent])?.contains(.makeCall) == true, "every call held: a new call may be made")

                try await desktop.request("Retrieve", ["UniqueObjectID": .string(call)], requestID: 6)
                try await until("the call retrieved", desktop, &replica) { mask($0.objects[call]) == talking }

                try await desktop.request("ClearConnection", ["UniqueObjectID": .string(call)], requestID: 7)
                try await until("the call gone", desktop, &replica) { $0.objects[call] == nil }
                #expect(replica.events.contains { $0.name == "OnCallEnd" || $0.name == "OnCallCleared" },
                        "\(Set(replica.events.map(\.name)).sorted())")

                try await settle(desktop, &replica)
                let truth = try await server.visibleObjects(for: .agent("1004"))
                #expect(compare(replica, truth).isEmpty, "\(compare(replica, truth))")
                #expect(replica.violations.isEmpty, "\(replica.violations)")
            }
        }
    }

    @Test func aSupervisorSeesItsTeamsAgentsAndAnAgentDoesNot() async throws {
        try await LiveSimulator.with(holdClock: false) { simulator in
            try await LiveServer.with(simulator: simulator) { server in
                let supervisor = try await server.connect()
                defer { Task { await supervisor.close() } }
                try await supervisor.hello(name: "supervisor 1001")
                try await supervisor.setAgentMode("1001")
                var replica = WireReplica()
                replica.receive(supervisor.takeReceived())
                let store = try await server.store()
                let team = store.objects.first { $0.key.kind == .team && $0.key.parts[0] == "9001" }
                let members = Set((team?.value["TeamMembers"]?.array ?? []).compactMap { $0.arguments?.string(.agentID) })
                #expect(members.count > 1)
                let agents = Set(replica.objects.keys.filter { $0.hasPrefix("agent.") }.map { String($0.split(separator: ".")[2]) })
                #expect(agents == members, "the supervisor sees exactly its team's agents")
                #expect(replica.objects.keys.contains { $0.hasPrefix("team.") })
            }
        }
    }

    // MARK: A monitor application

    @Test func aMonitorClientsViewEqualsTheServersAfterSeededTraffic() async throws {
        try await LiveSimulator.with(traffic: TrafficProfile(callsPerSecond: 20), seed: 7, holdClock: false) { simulator in
            try await LiveServer.with(simulator: simulator) { server in
                let monitor = try await server.connect()
                defer { Task { await monitor.close() } }
                try await monitor.hello(name: "monitor")
                monitor.startHeartbeats()
                try await monitor.setMonitorMode("UniqueObjectID=*")
                var replica = WireReplica()
                replica.receive(monitor.takeReceived())
                try await Task.sleep(for: .seconds(3))
                try await simulator.server.holdClock()
                try await settle(monitor, &replica)
                let truth = try await server.visibleObjects(for: .monitor(try MonitorFilter("UniqueObjectID=*")))
                #expect(replica.events.count > 50, "traffic ran")
                #expect(compare(replica, truth).isEmpty, "\(compare(replica, truth).prefix(20))")
                #expect(replica.violations.isEmpty, "\(replica.violations.prefix(10))")
            }
        }
    }

    // MARK: Resume

    @Test func aClientResumesFromItsPositionAndFromOneOutsideTheHistory() async throws {
        try await LiveSimulator.with(traffic: TrafficProfile(callsPerSecond: 10), holdClock: false) { simulator in
            try await LiveServer.with(simulator: simulator) { server in
                let first = try await server.connect()
                try await first.hello()
                first.startHeartbeats()
                try await first.setMonitorMode("UniqueObjectID=*")
                var replica = WireReplica()
                try await Task.sleep(for: .milliseconds(500))
                replica.receive(first.takeReceived())
                await first.close()
                try await Task.sleep(for: .seconds(1))

                let second = try await server.connect()
                defer { Task { await second.close() } }
                try await second.hello(resume: replica.position)
                second.startHeartbeats()
                try await second.setMonitorMode("UniqueObjectID=*")
                let frames = second.takeReceived()
                #expect(!frames.contains { if case .snapshotBegin = $0 { true } else { false } }, "resumed without a snapshot")
                replica.receive(frames)
                try await simulator.server.holdClock()
                try await settle(second, &replica)
                let truth = try await server.visibleObjects(for: .monitor(try MonitorFilter("UniqueObjectID=*")))
                #expect(compare(replica, truth).isEmpty, "\(compare(replica, truth).prefix(20))")

                let third = try await server.connect()
                defer { Task { await third.close() } }
                try await third.hello(resume: LogPosition(epoch: 99, sequence: 1))
                try await third.setMonitorMode("UniqueObjectID=*")
                #expect(third.received.contains { if case .snapshotBegin(_, .resumePointNotInHistory) = $0 { true } else { false } })
            }
        }
    }

    // MARK: The CTI Server's failures

    @Test(arguments: [SideCondition.offline, .hung])
    func losingCTIServerSideAMovesToSideBAndViewsStayTrue(_ condition: SideCondition) async throws {
        try await LiveSimulator.with(traffic: TrafficProfile(callsPerSecond: 10), holdClock: false) { simulator in
            let configuration = ServerCore.Configuration(
                link: .init(heartbeatInterval: .milliseconds(100), missedHeartbeats: 3))
            try await LiveServer.with(simulator: simulator, configuration: configuration) { server in
                let monitor = try await server.connect()
                defer { Task { await monitor.close() } }
                try await monitor.hello()
                monitor.startHeartbeats()
                try await monitor.setMonitorMode("UniqueObjectID=*")
                var replica = WireReplica()
                replica.receive(monitor.takeReceived())
                try await simulator.server.setSide(.a, condition)
                try await until("OnCTIOSFailure and back on side B", monitor, &replica, timeout: .seconds(10)) { _ in
                    false
                } orServer: {
                    try await server.server.withCore { $0.ctiSide == .b && $0.isReady }
                }
                #expect(replica.events.contains { $0.name == "OnCTIOSFailure" }, "\(Set(replica.events.map(\.name)).sorted())")
                try await Task.sleep(for: .milliseconds(500))
                try await simulator.server.holdClock()
                try await settle(monitor, &replica)
                let truth = try await server.visibleObjects(for: .monitor(try MonitorFilter("UniqueObjectID=*")))
                #expect(compare(replica, truth).isEmpty, "\(compare(replica, truth).prefix(20))")
                #expect(!monitor.isClosed, "the client stayed connected")
            }
        }
    }

    // MARK: Bad input

    @Test func malformedUnknownOversizedAndFloodingClientsAreClosedAndOthersAreNot() async throws {
        try await LiveSimulator.with(traffic: TrafficProfile(callsPerSecond: 5), holdClock: false) { simulator in
            try await LiveServer.with(simulator: simulator) { server in
                let good = try await server.connect()
                defer { Task { await good.close() } }
                try await good.hello(name: "good")
                good.startHeartbeats()
                try await good.setMonitorMode("UniqueObjectID=*")

                // A frame whose body does not decode (a hello with a truncated string).
                let garbage = try await server.connect()
                try await garbage.sendRaw([0, 0, 0, 4, 0x01, 0x01, 0x00, 0x01])
                #expect(try await garbage.waitForClose() != nil)

                // An unknown kind.
                let unknown = try await server.connect()
                try await unknown.hello()
                try await unknown.sendRaw([0, 0, 0, 1, 0x7F])
                guard case .goodbye(let code, _)? = try await unknown.waitForClose() else {
                    Issue.record("no goodbye for an unknown kind"); return
                }
                #expect(code == .protocolError)

                // A length over the maximum frame size, caught from the length field alone.
                let oversized = try await server.connect()
                try await oversized.hello()
                try await oversized.sendRaw([0x7F, 0xFF, 0xFF, 0xFF, 0x12])
                #expect(try await oversized.waitForClose() != nil)

                // A flood of requests that never reads: cut off as too slow or answered, never stalling the others.
                let flood = try await server.connect()
                try await flood.hello()
                try await flood.setMonitorMode("UniqueObjectID=*")
                for id in 0..<2_000 {
                    try? await flood.send(.request(requestID: UInt32(10 + id), method: "Login", arguments: [:]))
                }

                var replica = WireReplica()
                replica.receive(good.takeReceived())
                try await Task.sleep(for: .milliseconds(300))
                try await simulator.server.holdClock()
                try await settle(good, &replica)
                #expect(!good.isClosed)
                let truth = try await server.visibleObjects(for: .monitor(try MonitorFilter("UniqueObjectID=*")))
                #expect(compare(replica, truth).isEmpty, "\(compare(replica, truth).prefix(20))")
                await flood.close()
                await garbage.close()
                await unknown.close()
                await oversized.close()
            }
        }
    }

    @Test func aClientThatStopsReadingIsCutOffAndTheOthersKeepUp() async throws {
        try await LiveSimulator.with(traffic: TrafficProfile(callsPerSecond: 20), holdClock: false) { simulator in
            try await LiveServer.with(simulator: simulator, maximumOutboundBytes: 64 << 10, socketSendBufferBytes: 8 << 10) { server in
                let reader = try await server.connect()
                defer { Task { await reader.close() } }
                try await reader.hello(name: "reader")
                reader.startHeartbeats()
                try await reader.setMonitorMode("UniqueObjectID=*")
                // A client that says hello, sets monitor mode and then never reads, with a small receive buffer.
                let stalled = try StalledSocket(port: server.port)
                defer { stalled.close() }
                var hello = try WireMessage.hello(versions: [.current], clientName: "stalled", heartbeatMilliseconds: 60_000,
                                                  resume: nil).encoded()
                try WireMessage.setMonitorMode(requestID: 1, filter: "UniqueObjectID=*").encode(into: &hello)
                try stalled.write(Array(hello.readableBytesView))
                let deadline = ContinuousClock.now + .seconds(20)
                var cut = false
                while ContinuousClock.now < deadline {
                    cut = try await server.server.withCore { $0.counters.slowClients } > 0
                    if cut { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
                let summary = try await server.server.withCore { core in "\(core.clientSummaries) \(core.counters)" }
                #expect(cut, "the stalled client was not cut off within 20 s: \(summary)")
                var replica = WireReplica()
                replica.receive(reader.takeReceived())
                try await simulator.server.holdClock()
                try await settle(reader, &replica)
                let truth = try await server.visibleObjects(for: .monitor(try MonitorFilter("UniqueObjectID=*")))
                #expect(compare(replica, truth).isEmpty, "\(compare(replica, truth).prefix(20))")
            }
        }
    }
}

// MARK: Helpers

private func mask(_ object: Arguments?) -> ButtonMask? {
    object?.integer(.buttonEnablementMask).map { ButtonMask(rawValue: UInt32(truncatingIfNeeded: $0)) }
}

/// Reads frames into the replica until `condition` holds (or the server says so), or fails after `timeout` naming
/// what it waited for.
private func until(
    _ what: String, _ client: WireTestClient, _ replica: inout WireReplica, timeout: Duration = .seconds(5),
    _ condition: (WireReplica) -> Bool,
    orServer serverCondition: (() async throws -> Bool)? = nil
) async throws {
    let deadline = ContinuousClock.now + timeout
    while true {
        replica.receive(client.takeReceived())
        if condition(replica) { return }
        if let serverCondition, try await serverCondition() { return }
        let left = ContinuousClock.now.duration(to: deadline)
        guard left > .zero else {
            Issue.record("timed out after \(timeout) waiting for \(what)")
            throw WireTestClientError(.timedOut, "waiting for \(what)")
        }
        _ = try? await client.waitFor(what, timeout: min(left, .milliseconds(100))) { _ in true }
    }
}

/// With the simulator's clock held, reads until nothing more arrives for 200 ms: the client has everything.
private func settle(_ client: WireTestClient, _ replica: inout WireReplica) async throws {
    while true {
        replica.receive(client.takeReceived())
        do {
            _ = try await client.waitFor("more frames", timeout: .milliseconds(200)) { message -> Bool? in
                if case .heartbeat = message { return nil }
                return true
            }
        } catch let error as WireTestClientError where error.code == .timedOut {
            replica.receive(client.takeReceived())
            return
        }
    }
}

/// A plain blocking TCP socket with a tiny receive buffer that the test never reads: the slowest client there is.
private final class StalledSocket {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WireTestClientError(.connectionFailed, "socket(): errno \(errno)") }
        var size: Int32 = 4_096
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw WireTestClientError(.connectionFailed, "connect(): errno \(errno)")
        }
    }

    func write(_ bytes: [UInt8]) throws {
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw WireTestClientError(.sendFailed, "write(): errno \(errno)") }
    }

    func close() { Glibc.close(fd) }
}
