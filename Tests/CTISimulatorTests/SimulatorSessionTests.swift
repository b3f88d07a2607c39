import CTIOSTestKit
import CTISimulator
import GED188
import NIOCore
import NIOPosix
import Testing

/// The simulator's CTI Server over real sockets: every OPEN_REQ refusal with its code, idle timeout, sides offline
/// and hung while the other side serves, slow clients, and replay from a seed.
struct SimulatorSessionTests {
    static func agentOpen(_ change: (inout OpenReq) -> Void = { _ in }) -> OpenReq {
        var request = OpenReq(invokeID: 9, idleTimeout: 60, peripheralID: 5000, servicesRequested: [.clientEvents, .clientControl],
                              callMsgMask: .allDefined, agentStateMask: .allDefined, clientID: "desk", clientPassword: "",
                              agentID: "1004")
        change(&request)
        return request
    }

    /// Each OPEN_REQ and the FAILURE_CONF status the guide gives for it.
    static let refusals: [(String, OpenReq, StatusCode)] = [
        ("protocol version 23", agentOpen { $0.versionNumber = 23 }, .invalidVersion),
        ("a reserved field set", agentOpen { $0.reserved2 = 1 }, .invalidReservedField),
        ("an idle timeout under the minimum", agentOpen { $0.idleTimeout = 0 }, .invalidTimeout),
        ("an undefined CallMsgMask bit", agentOpen { $0.callMsgMask = CallMessageMask(rawValue: 0x8000_0000) }, .invalidCallMsgMask),
        ("an undefined AgentStateMask bit", agentOpen { $0.agentStateMask = AgentStateMask(rawValue: 0x4000) }, .invalidAgentStateMask),
        ("an undefined ConfigMsgMask bit", agentOpen { $0.configMsgMask = ConfigMessageMask(rawValue: 0x100) }, .invalidConfigMsgMask),
        ("no usable service", agentOpen { $0.servicesRequested = [.connectionMonitor] }, .invalidServiceMask),
        ("another peripheral", agentOpen { $0.peripheralID = 5001 }, .invalidPeripheralId),
        ("no agent named", agentOpen { $0.agentID = nil }, .requiredDataMissing),
        ("an unknown agent", agentOpen { $0.agentID = "9999" }, .invalidAgentData),
        ("an ID and an extension of two agents", agentOpen { $0.agentExtension = "2005" }, .inconsistentAgentData),
        ("a bridge for another peripheral", agentOpen { $0.servicesRequested = [.allEvents]; $0.peripheralID = 7 }, .invalidPeripheralId),
    ]

    @Test func everyOpenRefusalHasItsCode() async throws {
        try await LiveSimulator.with { simulator in
            for (what, request, status) in Self.refusals {
                let client = try await simulator.connect()
                let refusal = await #expect(throws: GED188TestClientError.self, "\(what)") { try await client.open(request) }
                #expect(refusal?.message.contains("\(status)") == true, "\(what): \(refusal?.description ?? "no error")")
                #expect(try await client.waitForClose(), "\(what): the connection is reset after FAILURE_CONF")
            }
        }
    }

    @Test func aWrongClientPasswordIsRefused() async throws {
        try await LiveSimulator.with(settings: SimulatorSettings(clientPassword: "lab")) { simulator in
            let client = try await simulator.connect()
            let refusal = await #expect(throws: GED188TestClientError.self) { try await client.open(Self.agentOpen()) }
            #expect(refusal?.message.contains("\(StatusCode.invalidPassword)") == true)
            let good = try await simulator.connect()
            _ = try await good.open(Self.agentOpen { $0.clientPassword = Secret("lab") })
        }
    }

    @Test func sessionRulesBeforeAndAfterOpen() async throws {
        try await LiveSimulator.with { simulator in
            // Anything before OPEN_REQ: SESSION_NOT_OPEN and a reset.
            let early = try await simulator.connect()
            try await early.send(.heartbeatReq(HeartbeatReq(invokeID: 3)))
            let notOpen = try await early.waitFor("FAILURE_CONF") { if case .failureConf(let f) = $0 { f } else { nil } }
            #expect(notOpen.status == .sessionNotOpen)
            #expect(notOpen.invokeID == 3)
            #expect(try await early.waitForClose())

            // A second OPEN_REQ: SESSION_ALREADY_OPEN, and the session stays.
            let client = try await simulator.connect()
            _ = try await client.open(Self.agentOpen())
            try await client.send(.openReq(Self.agentOpen { $0.invokeID = 10 }))
            let again = try await client.waitFor("FAILURE_CONF") { if case .failureConf(let f) = $0 { f } else { nil } }
            #expect(again.status == .sessionAlreadyOpen)
            try await client.heartbeat(invokeID: 11)

            // Another client opening the same agent: DEVICE_IN_USE.
            let rival = try await simulator.connect()
            let inUse = await #expect(throws: GED188TestClientError.self) {
                try await rival.open(Self.agentOpen { $0.clientID = "other-desk" })
            }
            #expect(inUse?.message.contains("\(StatusCode.deviceInUse)") == true)

            // The same client opening it again: its old session ends with NEW_SESSION_OPENED.
            let reopened = try await simulator.connect()
            _ = try await reopened.open(Self.agentOpen())
            let replaced = try await client.waitFor("FAILURE_EVENT") { if case .failureEvent(let f) = $0 { f } else { nil } }
            #expect(replaced.status == .newSessionOpened)
            #expect(try await client.waitForClose())

            // A message a client does not send: FAILURE_CONF, the session stays. CLOSE_REQ closes.
            try await reopened.send(.systemEvent(SystemEvent(pgStatus: [], icmCentralControllerTime: GEDTime(secondsSince1970: 0),
                                                             systemEventID: .textFyi)))
            let wrongType = try await reopened.waitFor("FAILURE_CONF") { if case .failureConf(let f) = $0 { f } else { nil } }
            #expect(wrongType.status == .invalidMsgTypeForVersion)
            try await reopened.send(.closeReq(CloseReq(invokeID: 12, status: .noError)))
            let closed = try await reopened.waitFor("CLOSE_CONF") { if case .closeConf(let c) = $0 { c } else { nil } }
            #expect(closed.invokeID == 12)
            #expect(try await reopened.waitForClose())
        }
    }

    @Test func aSilentSessionIsResetAfterItsIdleTimeout() async throws {
        try await LiveSimulator.with(holdClock: false) { simulator in
            let silent = try await simulator.connect()
            let opening = ContinuousClock.now
            _ = try await silent.open(Self.agentOpen { $0.idleTimeout = 1 })
            // Its idle time counts from its OPEN_REQ, which was sent after `opening`: a close earlier than 0.9 s after
            // that is too early, however slowly this test itself was scheduled.
            let start = opening
            let alive = try await simulator.connect()
            _ = try await alive.open(.bridge(clientID: "alive"))
            // The bridge keeps talking; the silent desk must be cut off after about one second.
            while ContinuousClock.now - start < .seconds(3), !silent.isClosed {
                try await alive.heartbeat(invokeID: 1, timeout: .seconds(1))
                _ = try? await silent.waitForClose(timeout: .milliseconds(200))
            }
            #expect(silent.isClosed, "the silent session was still open after 3 s")
            #expect(ContinuousClock.now - start >= .milliseconds(900), "closed before its idle timeout")
            try await alive.heartbeat(invokeID: 2)
        }
    }

    @Test func sideAOfflineWhileSideBServes() async throws {
        try await LiveSimulator.with { simulator in
            let onA = try await simulator.connect(.a)
            _ = try await onA.open(.bridge(clientID: "a"))
            let onB = try await simulator.connect(.b)
            _ = try await onB.open(.bridge(clientID: "b"))
            try await simulator.server.setSide(.a, .offline)
            let offline = try await onA.waitFor("FAILURE_EVENT") { if case .failureEvent(let f) = $0 { f } else { nil } }
            #expect(offline.status == .ctiServerOffline)
            #expect(try await onA.waitForClose())
            await #expect(throws: GED188TestClientError.self, "side A refuses connections while offline") {
                _ = try await simulator.connect(.a)
            }
            try await onB.heartbeat(invokeID: 5)
            try await simulator.server.setSide(.a, .online)
            let back = try await simulator.connect(.a)
            _ = try await back.open(.bridge(clientID: "a-again"))
        }
    }

    @Test func sideAHungWhileSideBServes() async throws {
        try await LiveSimulator.with { simulator in
            let onA = try await simulator.connect(.a)
            _ = try await onA.open(.bridge(clientID: "a"))
            let onB = try await simulator.connect(.b)
            _ = try await onB.open(.bridge(clientID: "b"))
            try await simulator.server.setSide(.a, .hung)
            await #expect(throws: GED188TestClientError.self, "a hung side answers no heartbeat") {
                try await onA.heartbeat(invokeID: 6, timeout: .milliseconds(500))
            }
            #expect(!onA.isClosed, "a hung side keeps its sockets open")
            let placed = try await simulator.placeCall(ani: "6175550999")
            #expect(placed != nil)
            _ = try await onB.waitFor("BEGIN_CALL_EVENT on side B") { if case .beginCallEvent(let e) = $0 { e } else { nil } }
            try await onB.heartbeat(invokeID: 7)
            #expect(!onA.skippedMessages.contains { $0.type == .beginCallEvent }, "the hung side sent an event")
            try await simulator.server.setSide(.a, .online)
            try await onA.heartbeat(invokeID: 8)
        }
    }

    @Test func aClientThatStopsReadingIsCutOffAndNoOneElseWaits() async throws {
        let traffic = TrafficProfile(callsPerSecond: 200, meanHandleSeconds: 0.2, meanWrapUpSeconds: 0.01,
                                     minimumAnswerSeconds: 0.01, maximumAnswerSeconds: 0.02)
        try await LiveSimulator.with(configuration: .standard(agents: 300), traffic: traffic, holdClock: false,
                                     maximumOutboundBytes: 256 << 10) { simulator in
            let stalled = try await RawConnection.connect(port: simulator.portA)
            try await stalled.send(try OpenReq.bridge(clientID: "stalled").encoded())
            // The other session asks for no call or agent events (a debug-built reader on a loaded machine could
            // not keep up with 200 calls a second and would be cut off itself): what it shows is that the server's
            // loop, which serves both, keeps answering while one session's queue is full.
            var quiet = OpenReq.bridge(clientID: "reader")
            quiet.callMsgMask = []
            quiet.agentStateMask = []
            let reader = try await simulator.connect(.b)
            _ = try await reader.open(quiet)
            let start = ContinuousClock.now
            var stillOpen = true
            while ContinuousClock.now - start < .seconds(20), stillOpen {
                try await reader.heartbeat(invokeID: 1, timeout: .seconds(2))
                reader.takeSkipped().forEach { _ in }
                stillOpen = try await simulator.server.withCore { core, _ in
                    core.sessionSummaries.contains { $0.clientID == "stalled" }
                }
            }
            #expect(!stillOpen, "the session that stopped reading was still open after 20 s")
            try await reader.heartbeat(invokeID: 2)
            #expect(try await simulator.truth().version > 100, "the model kept running")
            await stalled.close()
        }
    }

    @Test func theSameSeedReplaysTheSameMessages() async throws {
        func firstMessages(seed: UInt64) async throws -> [GED188Message] {
            try await LiveSimulator.with(traffic: TrafficProfile(callsPerSecond: 200), seed: seed) { simulator in
                let bridge = try await simulator.connect()
                _ = try await bridge.open(.bridge(clientID: "replay"))
                try await simulator.server.startClock()
                var messages: [GED188Message] = []
                while messages.count < 600 { messages.append(try await bridge.next(timeout: .seconds(10))) }
                return messages
            }
        }
        let first = try await firstMessages(seed: 11)
        let second = try await firstMessages(seed: 11)
        #expect(first == second, "the same seed gave different messages")
        #expect(Set(first.map(\.type)).count > 5, "the traffic made only \(Set(first.map(\.type)))")
        let other = try await firstMessages(seed: 12)
        #expect(first != other, "another seed gave the same messages")
    }
}

/// A TCP connection that sends bytes and never reads (autoRead off, a small receive buffer): a client that stopped.
struct RawConnection: Sendable {
    let channel: any Channel
    let group: MultiThreadedEventLoopGroup

    static func connect(port: Int) async throws -> RawConnection {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let channel = try await ClientBootstrap(group: group)
            .channelOption(.autoRead, value: false)
            .channelOption(.socketOption(.so_rcvbuf), value: 4_096)
            .connect(host: "127.0.0.1", port: port).get()
        return RawConnection(channel: channel, group: group)
    }

    func send(_ bytes: ByteBuffer) async throws {
        try await channel.writeAndFlush(bytes).get()
    }

    func close() async {
        try? await channel.close().get()
        try? await group.shutdownGracefully()
    }
}
