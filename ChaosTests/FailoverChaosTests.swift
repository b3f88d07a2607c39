import CIL
import CTIOSCore
import CTIOSTestKit
import CTIOSWire
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The whole system as real processes (`ctios sim`, servers A and B, CIL sessions on loopback), with failures
/// done to it for real: kill -9, SIGSTOP, the CTI Server side in use taken offline, an operator's drain. After each,
/// every session must recover on the surviving server with a view equal to the simulator's truth, and the agent a
/// person was working must be in the state it had.
///
/// CI runs the short profile (`CHAOS_SESSIONS`, default 100 sessions: 60 monitors and the 40 traffic agents in agent
/// mode, plus a desktop for agent 1004). `Scripts/chaos.sh` runs the long one (more sessions, repeated rounds).
@Suite(.serialized)
struct FailoverChaosTests {
    static var sessionCount: Int { Int(ProcessInfo.processInfo.environment["CHAOS_SESSIONS"] ?? "") ?? 100 }

    /// A lab with traffic, `sessionCount` sessions, and agent 1004 logged in and Not Ready (reason 7) by its
    /// desktop; returns the lab and the desktop.
    func lab() async throws -> (ChaosLab, LabSession) {
        let lab = try await ChaosLab(callsPerSecond: 4)
        do {
            let trafficAgents = (1011...1050).map(String.init)
            let agents = Array(trafficAgents.prefix(max(0, min(40, Self.sessionCount - 60))))
            try await lab.connect(monitors: max(1, Self.sessionCount - agents.count), agents: agents)
            let desk = LabSession(agentID: "1004")
            try await desk.session.connect(lab.profile(seed: 1_000_004))
            let agent = try await desk.session.setAgent(agentID: "1004", instrument: "2004")
            _ = try await agent.login(password: "pw1004")
            _ = try await agent.setAgentState(.notReady, reasonCode: 7)
            return (lab, desk)
        } catch {
            await lab.shutDown()
            throw error
        }
    }

    /// Waits until every session and the desk raised `OnSessionRecovered` after `marks`, and each is on `survivor`.
    /// Returns the time from `since` to the last recovery.
    func waitRecovered(_ lab: ChaosLab, _ desk: LabSession, marks: [Int], deskMark: Int, on survivor: Int,
                       since: ContinuousClock.Instant, timeout: Duration = .seconds(30)) async throws -> Duration {
        var last = since
        try await poll("every session recovered on server \(ChaosLab.names[survivor])", timeout: timeout, seen: {
            let waiting = lab.sessions.enumerated().filter { $0.element.recoveries(after: marks[$0.offset]).isEmpty }
            return "\(waiting.count) of \(lab.sessions.count) not recovered; first: \(waiting.first.map { $0.element.log.names.suffix(6).joined(separator: ", ") } ?? "-")\n\(lab.stderrTail())"
        }) {
            let all = zip(lab.sessions, marks).allSatisfy { !$0.recoveries(after: $1).isEmpty } && !desk.recoveries(after: deskMark).isEmpty
            if all { last = .now }
            return all
        }
        for session in lab.sessions + [desk] {
            #expect(lab.serverIndex(of: session) == survivor, "a session is on \(String(describing: session.session.currentServer))")
        }
        return last - since
    }

    func expectTrueViews(_ lab: ChaosLab, _ desk: LabSession, _ what: String) async throws {
        try await lab.settle()
        let differences = try await lab.differencesFromTruth()
        #expect(differences.isEmpty, "\(what): \(differences.count) differences: \(differences.prefix(8))")
        let agent = desk.session.currentAgent
        #expect(agent?.agentState == .notReady && agent?.reasonCode == 7,
                "\(what): agent 1004 is in the state it had (Not Ready, reason 7), not \(String(describing: agent?.agentState)) \(String(describing: agent?.reasonCode))")
        let truth = try await lab.truth()
        let truth1004 = truth.agents.first { $0.id == "1004" }
        #expect(truth1004?.state == .notReady && truth1004?.reasonCode == 7, "\(what): the simulator agrees")
    }

    @Test func killingThePrimaryMovesEverySessionToTheBackupWithATrueView() async throws {
        let (lab, desk) = try await lab()
        do {
            let primary = try #require(await lab.primary())
            let survivor = 1 - primary
            try await poll("sessions on both servers", timeout: .seconds(5)) { !lab.sessions(on: 0).isEmpty && !lab.sessions(on: 1).isEmpty }
            let marks = lab.sessions.map(\.log.events.count)
            let deskMark = desk.log.events.count
            // Sessions already on the survivor do not lose anything; only those on the killed server must recover.
            let onKilled = Set(lab.sessions(on: primary).map { ObjectIdentifier($0) })
            let start = ContinuousClock.now
            lab.servers[primary]?.signal(SIGKILL)
            var last = start
            try await poll("the killed server's sessions recovered on server \(ChaosLab.names[survivor])", timeout: .seconds(30),
                           seen: { lab.stderrTail() }) {
                let pending = zip(lab.sessions, marks).filter { onKilled.contains(ObjectIdentifier($0.0)) && $0.0.recoveries(after: $0.1).isEmpty }
                let deskPending = lab.serverIndex(of: desk) != survivor && desk.recoveries(after: deskMark).isEmpty
                if pending.isEmpty && !deskPending { last = .now }
                return pending.isEmpty && !deskPending
            }
            print("chaos: kill -9 of the primary: \(onKilled.count) sessions recovered on the backup in \(last - start)")
            try await poll("server \(ChaosLab.names[survivor]) primary", timeout: .seconds(5)) { await lab.role(survivor) == "primary" }
            for session in lab.sessions { #expect(lab.serverIndex(of: session) == survivor) }
            try await expectTrueViews(lab, desk, "after kill -9 of the primary")
        } catch {
            await lab.shutDown()
            throw error
        }
        await lab.shutDown()
    }

    @Test func aFrozenPrimaryIsLeftWithinTheHeartbeatLimitAndStepsDownWhenItWakes() async throws {
        let (lab, desk) = try await lab()
        do {
            let primary = try #require(await lab.primary())
            let survivor = 1 - primary
            let onFrozen = lab.sessions(on: primary)
            let marks = onFrozen.map(\.log.events.count)
            let start = ContinuousClock.now
            lab.servers[primary]?.signal(SIGSTOP)
            var last = start
            try await poll("the frozen server's \(onFrozen.count) sessions recovered", timeout: .seconds(30), seen: { lab.stderrTail() }) {
                let done = zip(onFrozen, marks).allSatisfy { !$0.recoveries(after: $1).isEmpty }
                if done { last = .now }
                return done
            }
            let detected = zip(onFrozen, marks).filter { session, mark in
                session.log.events.dropFirst(mark).contains { $0.name == .onConnectionFailure }
            }
            #expect(detected.count == onFrozen.count, "every session of the frozen server saw the loss")
            print("chaos: SIGSTOP of the primary: \(onFrozen.count) sessions recovered on the backup in \(last - start)")
            try await poll("server \(ChaosLab.names[survivor]) primary", timeout: .seconds(5)) { await lab.role(survivor) == "primary" }
            // It wakes: two primaries for a moment; the one in the older epoch steps down and becomes the backup.
            lab.servers[primary]?.signal(SIGCONT)
            try await poll("the woken server a backup again", timeout: .seconds(15), seen: { lab.stderrTail() }) {
                let woken = await lab.role(primary)
                let other = await lab.role(survivor)
                return woken == "backup" && other == "primary"
            }
            try await expectTrueViews(lab, desk, "after SIGSTOP of the primary and its waking")
        } catch {
            lab.servers.forEach { $0?.signal(SIGCONT) }
            await lab.shutDown()
            throw error
        }
        await lab.shutDown()
    }

    @Test func losingTheCTIServerSideInUseKeepsEverySessionAndEveryViewTrue() async throws {
        let (lab, desk) = try await lab()
        do {
            let primary = try #require(await lab.primary())
            let side = try #require(try await lab.cluster(primary)["ctiSide"] as? String)
            let marks = lab.sessions.map(\.log.events.count)
            try await lab.simulatorPost("/v1/sides/\(side)/offline")
            let other = side == "A" ? "B" : "A"
            try await poll("the primary on CTI Server side \(other)", timeout: .seconds(15), seen: { lab.stderrTail() }) {
                (try? await lab.cluster(primary)["ctiSide"] as? String) == other
            }
            let failures = zip(lab.sessions, marks).filter { session, mark in
                session.log.events.dropFirst(mark).contains { $0.name == .onConnectionFailure }
            }
            #expect(failures.isEmpty, "no session lost its connection: \(failures.count) did")
            try await expectTrueViews(lab, desk, "after CTI Server side \(side) went offline")
        } catch {
            await lab.shutDown()
            throw error
        }
        await lab.shutDown()
    }

    /// Heartbeats under load: the pair at the highest call rate this profile offers (`CHAOS_LOAD_CPS`, 60 calls a
    /// second in CI; the debug build's test process must absorb what its sessions see), for a while. Neither server may think its peer lost: the roles and the epoch stay.
    @Test func heavyLoadCausesNoFalseTakeover() async throws {
        let lab = try await ChaosLab(callsPerSecond: Double(ProcessInfo.processInfo.environment["CHAOS_LOAD_CPS"] ?? "") ?? 60,
                                     agents: 200)
        do {
            let before = try await [lab.cluster(0), lab.cluster(1)]
            // Mostly agent-mode desktops (each sees its own agent's share), a few monitors that see everything: the
            // server carries the whole event rate, the test process only what its sessions see.
            let agents = (1011..<1011 + min(190, max(0, Self.sessionCount - 10))).map(String.init)
            try await lab.connect(monitors: 10, agents: agents, wave: 10)
            let seconds = Int(ProcessInfo.processInfo.environment["CHAOS_LOAD_SECONDS"] ?? "") ?? 10
            let start = ContinuousClock.now
            var samples = 0
            while ContinuousClock.now - start < .seconds(seconds) {
                for index in 0..<2 {
                    let now = try await lab.cluster(index)
                    #expect(now["role"] as? String == before[index]["role"] as? String, "server \(ChaosLab.names[index]) changed role: \(now)")
                    #expect(now["epoch"] as? Int == before[index]["epoch"] as? Int, "server \(ChaosLab.names[index]) changed epoch: \(now)")
                }
                samples += 1
                try await Task.sleep(for: .milliseconds(200))
            }
            let after = try await lab.cluster(0)
            let events = lab.sessions.map(\.log.events.count).reduce(0, +)
            print("chaos: \(seconds) s of load (\(lab.sessions.count) sessions, \(events) events delivered to them, sequence \(before[0]["sequence"] ?? "?") to \(after["sequence"] ?? "?")): no takeover in \(samples) samples")
            let failures = lab.sessions.filter { session in session.log.events.contains { $0.name == .onConnectionFailure } }
            let reasons = failures.compactMap { session in
                session.log.events.first { $0.name == .onConnectionFailure }?.arguments[.errorMessage]?.string
                    .map { "\(session.agentID.map { "agent \($0)" } ?? "monitor"): \($0)" }
            }
            #expect(failures.isEmpty, "\(failures.count) sessions lost their connection under load: \(reasons.prefix(5))")
        } catch {
            print(lab.stderrTail())
            await lab.shutDown()
            throw error
        }
        await lab.shutDown()
    }

    @Test func aDrainMovesEverySessionToThePeerWithoutAFailure() async throws {
        let (lab, desk) = try await lab()
        do {
            try await poll("sessions on server A", timeout: .seconds(5)) { !lab.sessions(on: 0).isEmpty }
            let moving = lab.sessions(on: 0) + (lab.serverIndex(of: desk) == 0 ? [desk] : [])
            let marks = moving.map(\.log.events.count)
            let start = ContinuousClock.now
            try await lab.serverPost(0, "/v1/drain", json: #"{"clientsPerSecond": 500}"#)
            try await poll("the \(moving.count) sessions of A moved to B", timeout: .seconds(20), seen: { lab.stderrTail() }) {
                zip(moving, marks).allSatisfy { !$0.recoveries(after: $1).isEmpty }
            }
            print("chaos: drain of server A at 500/s: \(moving.count) sessions moved in \(ContinuousClock.now - start)")
            for (session, mark) in zip(moving, marks) {
                let events = session.log.events.dropFirst(mark)
                #expect(!events.contains { $0.name == .onConnectionFailure }, "a drain is not a failure")
                let recovered = events.first { $0.name == .onSessionRecovered }
                #expect(recovered?.arguments["Moved"]?.boolean == true)
                #expect(recovered?.arguments["Recovery"]?.string == "backlog", "a move resumes from the backlog: \(String(describing: recovered?.arguments))")
                #expect(lab.serverIndex(of: session) == 1)
            }
            let cluster = try await lab.cluster(0)
            #expect((cluster["drain"] as? [String: Any])?["moved"] as? Int == moving.count)
            try await expectTrueViews(lab, desk, "after draining A")
        } catch {
            await lab.shutDown()
            throw error
        }
        await lab.shutDown()
    }
}
