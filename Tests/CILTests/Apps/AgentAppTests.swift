import CIL
import CTIOSCore
import CTIOSTestKit
import CTISimulator
import Foundation
import NIOConcurrencyHelpers
import Testing

/// `ctios agent` in script mode (commands on standard input, `--json` on standard output), against a real server and
/// simulator: a shift of calls with hold, wrap-up data and a consult transfer, then a logout.
@Suite(.serialized)
struct AgentAppTests {
    /// Answers every call that rings at its agent (agent 1005, kept not ready: consultations reach it, queued calls
    /// do not).
    final class Answerer: CallEvents, @unchecked Sendable {
        let session: Session
        init(session: Session) { self.session = session }
        func onCallDelivered(_ event: CILEvent) {
            guard !event.isMonitored, let id = event.uniqueObjectID, id.deviceID == "2005",
                  case .call(let call)? = session.object(for: id) else { return }
            Task { try? await call.answer() }
        }
    }

    static let shift = """
        login pw1004 199
        ready
        wait OnCallDelivered 20
        answer
        wait OnCallEstablished
        wrapup first caller satisfied
        release
        wait OnCallEnd
        ready
        wait OnCallDelivered 20
        answer
        wait OnCallEstablished
        hold
        wait OnCallHeld
        retrieve
        wait OnCallRetrieved
        calldata CallVariable3=callback
        release
        wait OnCallEnd
        ready
        wait OnCallDelivered 20
        answer
        wait OnCallEstablished
        consult 2005
        wait OnCallEstablished 20
        transfer
        wait OnCallTransferred
        notready 7
        logout 3
        wait OnAgentStateChange
        state

        """

    @Test func aShiftOfCallsThroughTheScriptMode() async throws {
        try await LiveSimulator.with(holdClock: false) { simulator in
            try await LiveServer.with(simulator: simulator) { server in
                let helper = Session()
                try await helper.connect(ConnectionProfile(serverA: ServerAddress(host: "127.0.0.1", port: server.port)))
                let other = try await helper.setAgent(agentID: "1005", instrument: "2005")
                try await other.login(password: "pw1005", skillGroups: [199])
                let answerer = Answerer(session: helper)
                helper.addEventListener(answerer)

                let app = try ChildProcess("ctios", ["agent", "--server", "127.0.0.1:\(server.port)", "--agent", "1004",
                                                     "--instrument", "2004", "--json", "--heartbeat-ms", "100"])
                defer { Task { await app.stop() } }
                app.send(Self.shift)
                app.closeInput()
                for caller in ["5550001", "5550002", "5550003"] {
                    _ = try await simulator.placeCall(ani: caller, callVariables: ["order \(caller)"])
                }
                try await app.waitForExit(timeout: .seconds(60))
                #expect(app.status == 0, "\(app.stderr)")
                let output = JSONLines(app.stdout)
                let failed = output.results.filter { !$0.ok }
                #expect(failed.isEmpty, "\(failed)")
                let commands = output.results.map(\.command)
                #expect(commands.first == "connect")
                #expect(commands.filter { $0 == "wait OnCallDelivered" }.count == 3)
                #expect(commands.contains("transfer"))
                let delivered = output.objects.filter { $0["name"] as? String == "OnCallDelivered" && $0["monitored"] as? Bool == false }
                let callers = delivered.compactMap { ($0["arguments"] as? [String: Any])?["ANI"] as? String }
                #expect(callers.filter { $0.hasPrefix("555000") }.count >= 3, "\(callers)")
                #expect(output.eventNames.contains("OnCallTransferred"))
                #expect(output.eventNames.contains("OnButtonEnablementChange"))
                let lastState = output.objects.last { $0["name"] as? String == "OnAgentStateChange" }
                #expect((lastState?["arguments"] as? [String: Any])?["AgentState"] as? Int == 1, "logged out")
                let view = try #require(output.views.last, "the state command prints the view")
                let truth = try jsonObjects(try await server.visibleObjects(for: .agent("1004")))
                #expect(compare(view: view, truth: truth).isEmpty, "\(compare(view: view, truth: truth))")
                // The caller transferred to 1005 is on 1005's phone now.
                let third = helper.allCalls.first { $0.ani == "5550003" }
                #expect(third?.localConnectionState == .connect)
                await helper.disconnect()
            }
        }
    }

    @Test func aRefusedCommandIsAnErrorLineAndTheDesktopGoesOn() async throws {
        try await LiveSimulator.with(holdClock: false) { simulator in
            try await LiveServer.with(simulator: simulator) { server in
                let app = try ChildProcess("ctios", ["agent", "--server", "127.0.0.1:\(server.port)", "--agent", "1006"])
                defer { Task { await app.stop() } }
                app.send("login wrong\nanswer\ndance\nlogin pw1006 199\nquit\n")
                try await app.waitForExit(timeout: .seconds(20))
                let lines = app.lines
                #expect(lines.contains { $0.hasPrefix("error login: CTIFailure") }, "\(lines)")
                #expect(lines.contains { $0.hasPrefix("error answer: InvalidState") }, "\(lines)")
                #expect(lines.contains { $0.hasPrefix("error dance: UnknownMethod") }, "\(lines)")
                #expect(lines.contains("ok login"), "\(lines)")
                #expect(!app.stdout.contains("wrong"), "the password is never echoed")
                #expect(lines.contains { $0.contains("OnAgentStateChange agent.5000.1006") }, "readable event lines")
            }
        }
    }

    @Test func noServerIsAConnectErrorAndAFailureStatus() async throws {
        let port = try ChildProcess.freePorts(1)[0]
        let app = try ChildProcess("ctios", ["agent", "--server", "127.0.0.1:\(port)", "--agent", "1004", "--json",
                                             "--connect-timeout", "1"])
        try await app.waitForExit(timeout: .seconds(20))
        #expect(app.status != 0)
        let result = JSONLines(app.stdout).results.first
        #expect(result?.command == "connect" && result?.ok == false, "\(app.stdout)")
        #expect(result?.error.contains("ConnectFailed") == true)
    }
}
