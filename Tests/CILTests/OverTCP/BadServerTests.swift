import CTIOSTestKit
import CIL
import CTIOSWire
import Testing

/// A server that sends garbage, says nothing, falls silent or never answers: a clear error, never a hang or a crash.
@Suite(.serialized)
struct BadServerTests {
    static func profile(_ server: FakeServer, connectTimeout: Duration = .seconds(1)) -> ConnectionProfile {
        ConnectionProfile(serverA: ServerAddress(host: "127.0.0.1", port: server.port), heartbeat: .milliseconds(100),
                          maxHeartbeats: 3, connectTimeout: connectTimeout, connectAttemptTimeout: .milliseconds(300),
                          requestTimeout: .milliseconds(500), randomSeed: 1)
    }

    static func connectError(_ behaviour: FakeServer.Behaviour) async throws -> (CILError, Duration) {
        try await FakeServer.with(behaviour) { server in
            let session = Session()
            let start = ContinuousClock.now
            do {
                try await session.connect(Self.profile(server))
            } catch let error as CILError {
                return (error, ContinuousClock.now - start)
            }
            throw WaitTimedOut(description: "connect succeeded against a \(behaviour) server")
        }
    }

    @Test(arguments: [
        ([UInt8]([0, 0, 0, 2, 0x7f, 0]), "unknown frame kind"),
        ([0xff, 0xff, 0xff, 0xff], "frame too large"),
        ([0, 0, 0, 1, 0x02], "truncated"),
    ])
    func garbageInsteadOfAWelcomeFailsConnectNamingTheDecodersError(bytes: [UInt8], expected: String) async throws {
        let (error, elapsed) = try await Self.connectError(.garbage(bytes))
        #expect(error.code == .connectFailed)
        #expect(error.reason.contains(expected), "\(error.reason)")
        #expect(elapsed < .seconds(3), "given up at the connect timeout: \(elapsed)")
    }

    @Test func aServerThatNeverWelcomesFailsConnectAtItsTimeout() async throws {
        let (error, elapsed) = try await Self.connectError(.silent)
        #expect(error.code == .connectFailed)
        #expect(error.reason.contains("welcome"), "\(error.reason)")
        #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(3), "\(elapsed)")
    }

    @Test func aServerThatRejectsTheVersionIsOnConnectionRejected() async throws {
        let (error, _) = try await Self.connectError(.reject(.unsupportedVersion, "no common protocol version: the client offers 1, this server speaks 2"))
        #expect(error.code == .connectionRejected)
        #expect(error.reason.contains("speaks 2"))
    }

    @Test func aServerThatFallsSilentIsLostAfterTheMissedHeartbeats() async throws {
        try await FakeServer.with(.welcomeThenSilent) { server in
            let session = Session()
            let log = EventLog()
            session.addEventListener(log)
            try await session.connect(Self.profile(server, connectTimeout: .seconds(5)))
            let connected = ContinuousClock.now
            let failure = try await log.wait(for: .onConnectionFailure, timeout: .seconds(3))
            let detected = ContinuousClock.now - connected
            #expect(failure.arguments.integer(.failureCode) == 1, "missed heartbeats")
            #expect(detected >= .milliseconds(300) && detected < .milliseconds(800), "3 × 100 ms: \(detected)")
            #expect(log.names.contains("OnMissingHeartbeat"))
            await session.disconnect()
        }
    }

    @Test func aRequestTheServerNeverAnswersFailsAsNoAnswerAndTheSessionStays() async throws {
        try await FakeServer.with(.welcomeNoAnswers) { server in
            let session = Session()
            try await session.connect(Self.profile(server))
            let start = ContinuousClock.now
            do {
                _ = try await session.request("QueryAgentState", ["UniqueObjectID": "agent.5000.1004"])
                Issue.record("answered")
            } catch let error as CILError {
                #expect(error.code == .noAnswer)
                #expect(error.outcomeIsUnknown)
            }
            let elapsed = ContinuousClock.now - start
            #expect(elapsed >= .milliseconds(500) && elapsed < .seconds(2), "\(elapsed)")
            #expect(session.connectionState == .connected(ServerAddress(host: "127.0.0.1", port: server.port)),
                    "heartbeats keep the connection")
            do {
                try await session.setMessageFilter("UniqueObjectID=*")
                Issue.record("answered")
            } catch let error as CILError {
                #expect(error.code == .noAnswer)
            }
            await session.disconnect()
        }
    }

    @Test func aSecondConnectIsRefusedAndTheFirstStays() async throws {
        try await FakeServer.with(.welcomeNoAnswers) { server in
            let session = Session()
            try await session.connect(Self.profile(server))
            do {
                try await session.connect(Self.profile(server))
                Issue.record("connected twice")
            } catch let error as CILError {
                #expect(error.code == .invalidState)
            }
            #expect(session.connectionState == .connected(ServerAddress(host: "127.0.0.1", port: server.port)))
            await session.disconnect()
        }
    }

    @Test func nothingListeningFailsConnectAtTheTimeoutNamingTheServer() async throws {
        let session = Session()
        let profile = ConnectionProfile(serverA: ServerAddress(host: "127.0.0.1", port: 1), connectTimeout: .milliseconds(500),
                                        randomSeed: 1)
        do {
            try await session.connect(profile)
            Issue.record("connected to port 1")
        } catch let error as CILError {
            #expect(error.code == .connectFailed)
            #expect(error.reason.contains("127.0.0.1:1"))
        }
        #expect(session.connectionState == .disconnected)
    }
}
