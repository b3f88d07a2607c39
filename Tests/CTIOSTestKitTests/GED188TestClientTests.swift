import CTIOSTestKit
import CTISimulator
import GED188
import NIOCore
import Testing

/// The raw client against a real simulator over TCP on 127.0.0.1.
@Suite(.timeLimit(.minutes(1)))
struct GED188TestClientTests {
    @Test func anAllEventsSessionGetsOpenConfThenSystemEvent() async throws {
        try await LiveSimulator.with { simulator in
            let client = try await simulator.connect()
            let request = OpenReq(
                invokeID: 11, idleTimeout: GED188Protocol.nullID, peripheralID: GED188Protocol.nullID,
                servicesRequested: [.allEvents, .clientControl], clientID: "testkit", clientPassword: Secret([]))
            let conf = try await client.open(request)
            #expect(conf.invokeID == 11)
            #expect(conf.servicesGranted.contains(.allEvents))
            #expect(conf.servicesGranted.contains(.clientControl))
            #expect(conf.peripheralOnline)
            let next = try await client.next(timeout: .seconds(5))
            guard case .systemEvent(let system) = next else {
                Issue.record("expected SYSTEM_EVENT, got \(next.type)")
                return
            }
            #expect(system.systemEventID == .peripheralOnline)
            await client.close()
        }
    }

    @Test func heartbeat() async throws {
        try await LiveSimulator.with { simulator in
            let client = try await simulator.connect(.b)
            try await client.open(.bridge(clientID: "heartbeat"))
            let conf = try await client.heartbeat(invokeID: 77)
            #expect(conf.invokeID == 77)
            #expect(client.skippedMessages.map(\.type) == [.systemEvent], "the SYSTEM_EVENT after OPEN_CONF was skipped")
            #expect(client.takeSkipped().count == 1)
            #expect(client.skippedMessages.isEmpty)
            await client.close()
        }
    }

    @Test func aMalformedFrameGetsFailureConfAndClosesOnlyThatSession() async throws {
        try await LiveSimulator.with { simulator in
            let bad = try await simulator.connect()
            let good = try await simulator.connect()
            try await bad.open(.bridge(clientID: "bad"))
            try await good.open(.bridge(clientID: "good", invokeID: 2))
            // HEARTBEAT_REQ whose body is 2 bytes: its InvokeID needs 4.
            try await bad.sendRaw([0, 0, 0, 2, 0, 0, 0, 5, 0, 0])
            let failure = try await bad.waitFor("FAILURE_CONF") { if case .failureConf(let conf) = $0 { conf } else { nil } }
            #expect(failure.status == .invalidMessageLength)
            #expect(try await bad.waitForClose(timeout: .seconds(5)))
            #expect(bad.isClosed)
            let conf = try await good.heartbeat(invokeID: 3)
            #expect(conf.invokeID == 3)
            #expect(!good.isClosed)
            await bad.close()
            await good.close()
        }
    }

    @Test func waitForsTimeoutErrorNamesWhatItWaitedForAndWhatItSaw() async throws {
        try await LiveSimulator.with { simulator in
            let client = try await simulator.connect()
            try await client.open(.bridge(clientID: "waiter"))
            _ = try await client.next()  // SYSTEM_EVENT
            try await client.send(.heartbeatReq(HeartbeatReq(invokeID: 5)))
            let error = await #expect(throws: GED188TestClientError.self) {
                try await client.waitFor("CALL_CLEARED_EVENT for call 42", timeout: .milliseconds(300)) { _ -> Int? in nil }
            }
            #expect(error?.code == .timedOut)
            #expect(error?.message == "timed out after 0.3 seconds waiting for CALL_CLEARED_EVENT for call 42; saw instead 1 message: HEARTBEAT_CONF")
            #expect(error.map { "\($0)" }?.contains("CALL_CLEARED_EVENT for call 42") == true)
            await client.close()
        }
    }

    @Test func aRefusedOpenThrowsWithItsStatus() async throws {
        try await LiveSimulator.with { simulator in
            let client = try await simulator.connect()
            var request = OpenReq.bridge(clientID: "old")
            request.versionNumber = 23
            let error = await #expect(throws: GED188TestClientError.self) { try await client.open(request) }
            #expect(error?.code == .openRefused)
            #expect(error?.status == .invalidVersion)
            #expect(try await client.waitForClose())
            await client.close()
        }
    }

    @Test func nextTimesOutWithADeadlineAndTheClientStillWorks() async throws {
        try await LiveSimulator.with { simulator in
            let client = try await simulator.connect()
            try await client.open(.bridge(clientID: "quiet"))
            _ = try await client.next()
            let start = ContinuousClock.now
            let error = await #expect(throws: GED188TestClientError.self) { try await client.next(timeout: .milliseconds(200)) }
            #expect(error?.code == .timedOut)
            #expect(ContinuousClock.now - start >= .milliseconds(200))
            #expect(try await client.heartbeat(invokeID: 9).invokeID == 9)
            #expect(try await client.waitForClose(timeout: .milliseconds(100)) == false)
            await client.close()
            let closed = await #expect(throws: GED188TestClientError.self) { try await client.next(timeout: .milliseconds(100)) }
            #expect(closed?.code == .clientClosed)
            await client.close()
        }
    }

    @Test func aBridgeViewOverTheWireAgreesWithTheTruth() async throws {
        try await LiveSimulator.with(traffic: TrafficProfile(callsPerSecond: 8, meanHandleSeconds: 1, meanWrapUpSeconds: 0.2),
                                     seed: 3) { simulator in
            let client = try await simulator.connect()
            var view = BridgeView()
            view.apply(.openConf(try await client.open(.bridge(clientID: "view"))))
            let beforeOpen = try await simulator.truth().version
            #expect(beforeOpen == 0, "\(beforeOpen) events happened before the first session could open")
            try await simulator.server.startClock()
            try await Task.sleep(for: .seconds(2))
            try await simulator.server.holdClock()
            let truth = try await simulator.truth()
            // Every event sent before the truth was read arrives before this answer.
            try await client.heartbeat(invokeID: 100)
            view.apply(client.takeSkipped())
            let comparison = view.compare(with: truth)
            #expect(comparison.isEqual, "\(comparison)")
            #expect(view.modelEventCount == truth.version - beforeOpen, "every event after the open arrived, once")
            #expect(truth.version > 20, "the traffic made only \(truth.version) events")
            #expect(view.anomalies.isEmpty, "\(view.anomalies)")
            await client.close()
        }
    }
}
