import CIL
import Foundation
import NIOConcurrencyHelpers

/// The agent desktop's logic: runs one command line against the session, shows events (lines, JSON, or the live
/// screen), and lets a script wait for an event.
final class AgentDesktop: GenericEvents, @unchecked Sendable {
    static let help = """
        login <password> [skill group …]   log in            logout [reason]        log out
        ready                              go ready          notready [reason]      go not ready with a reason
        workready | worknotready           wrap-up state     wrapup <text>          the current call's wrap-up data
        answer                             answer            hold | retrieve        hold, take back
        release                            release the current call (ClearConnection)
        makecall <number>                  call out          consult <number>       hold and consult
        transfer | conference              complete it       sstransfer <number>    single-step transfer
        alternate | reconnect              swap, drop the consultation              dtmf <digits>
        calldata <key>=<value> …           set call data     select <n>             make call n the current one
        state                              show the state    wait <event> [seconds] wait for an event (scripts)
        help                               this text         quit                   disconnect and exit
        """

    let session: Session
    let output: AppOutput
    let screen: Bool
    /// Every event so far with when it came, and where `wait` looks from.
    private let log = NIOLockedValueBox<(events: [(at: Date, event: CILEvent)], cursor: Int)>(([], 0))

    init(session: Session, output: AppOutput, screen: Bool) {
        self.session = session
        self.output = output
        self.screen = screen
    }

    func onEvent(_ event: CILEvent) {
        log.withLockedValue { $0.events.append((Date(), event)) }
        if screen { render() } else { output.event(event) }
    }

    // MARK: Commands

    /// Runs one command line; `false` to stop.
    @discardableResult
    func execute(_ line: String, echo: String? = nil) async -> Bool {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let command = words.first?.lowercased() else { return true }
        let rest = Array(words.dropFirst())
        let name = echo ?? command
        switch command {
        case "quit", "exit":
            return false
        case "help":
            output.line(Self.help)
            return true
        case "state":
            if screen { render() } else { showState() }
            return true
        case "wait":
            await wait(for: rest)
            return true
        case "select":
            let calls = agentCalls()
            if let index = rest.first.flatMap(Int.init), index >= 1, index <= calls.count {
                session.setCurrentCall(calls[index - 1])
                output.result(name, .success([:]))
            } else {
                output.result(name, .failure(CILError(.invalidArguments, "select needs a call number from 1 to \(calls.count)")))
            }
            return true
        default:
            break
        }
        let outcome: Result<Arguments, any Error>
        do {
            outcome = .success(try await perform(command, rest))
        } catch {
            outcome = .failure(error)
        }
        output.result(name, outcome)
        if screen { render() }
        return true
    }

    private func perform(_ command: String, _ rest: [String]) async throws -> Arguments {
        guard let agent = session.currentAgent else { throw CILError(.noMode, "the session has no agent") }
        let reason = rest.first.flatMap(Int.init) ?? 0
        switch command {
        case "login":
            guard let password = rest.first else { throw CILError(.invalidArguments, "login needs the password") }
            let groups = rest.dropFirst().compactMap(Int.init)
            return try await agent.login(password: password, skillGroups: groups.isEmpty ? nil : groups)
        case "logout": return try await agent.logout(reasonCode: reason)
        case "ready": return try await agent.setAgentState(.available)
        case "notready": return try await agent.setAgentState(.notReady, reasonCode: reason)
        case "workready": return try await agent.setAgentState(.workReady)
        case "worknotready": return try await agent.setAgentState(.workNotReady, reasonCode: reason)
        case "makecall": return try await agent.makeCall(dialedNumber: try number(rest))
        case "answer": return try await call(in: .alerting).answer()
        case "hold": return try await call(in: .connect).hold()
        case "retrieve": return try await call(in: .hold).retrieve()
        case "release": return try await currentCall().clearConnection()
        case "consult": return try await call(in: .connect).makeConsultCall(dialedNumber: try number(rest))
        case "transfer": return try await currentCall().transfer()
        case "conference": return try await currentCall().conference()
        case "alternate": return try await currentCall().alternate()
        case "reconnect": return try await currentCall().reconnect()
        case "sstransfer": return try await call(in: .connect).singleStepTransfer(dialedNumber: try number(rest))
        case "dtmf": return try await call(in: .connect).sendDTMFSignal(try number(rest))
        case "wrapup":
            return try await currentCall().setCallData([Keyword.callWrapupData.name: .string(rest.joined(separator: " "))])
        case "calldata":
            var data = Arguments()
            for pair in rest {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw CILError(.invalidArguments, "calldata takes key=value pairs") }
                data.setValue(.string(parts[1]), for: parts[0])
            }
            return try await currentCall().setCallData(data)
        default:
            throw CILError(.unknownMethod, "unknown command '\(command)'; type help")
        }
    }

    private func number(_ rest: [String]) throws -> String {
        guard let number = rest.first else { throw CILError(.invalidArguments, "the command needs a number") }
        return number
    }

    /// The agent's calls, in ID order.
    func agentCalls() -> [Call] {
        guard let agent = session.currentAgent else { return [] }
        return session.allCalls.filter { $0.agentID == agent.agentID }
    }

    private func currentCall() throws -> Call {
        if let call = session.currentCall { return call }
        guard let call = agentCalls().first else { throw CILError(.noSuchObject, "the agent has no call") }
        return call
    }

    /// The agent's call in this state: the current one if it is, else the first that is.
    private func call(in state: LocalConnectionState) throws -> Call {
        if let current = session.currentCall, current.localConnectionState == state { return current }
        guard let call = agentCalls().first(where: { $0.localConnectionState == state }) else {
            throw CILError(.invalidState, "the agent has no call in state \(state)")
        }
        return call
    }

    /// `wait <event> [seconds]`: the next event with that name since the last wait, or a failure at the deadline.
    private func wait(for rest: [String]) async {
        guard let name = rest.first else {
            output.result("wait", .failure(CILError(.invalidArguments, "wait needs an event name")))
            return
        }
        let seconds = rest.dropFirst().first.flatMap(Double.init) ?? 10
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1_000))
        while true {
            let found = log.withLockedValue { log -> CILEvent? in
                guard let index = log.events[log.cursor...].firstIndex(where: { $0.event.name.rawValue == name }) else {
                    return nil
                }
                log.cursor = index + 1
                return log.events[index].event
            }
            if let found {
                output.result("wait \(name)", .success(found.arguments))
                return
            }
            guard ContinuousClock.now < deadline else {
                output.result("wait \(name)", .failure(CILError(.timeout, "no \(name) within \(seconds) s")))
                return
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    // MARK: Showing

    private func showState() {
        guard output.json else {
            output.line(AgentScreen.text(session: session, calls: agentCalls(), events: []))
            return
        }
        output.jsonLine(ViewLine(session))
    }

    /// Redraws the live screen (a terminal).
    func render() {
        guard screen else { return }
        let recent = log.withLockedValue { Array($0.events.suffix(8)) }
        output.write("\u{1B}[2J\u{1B}[H" + AgentScreen.text(session: session, calls: agentCalls(), events: recent) + "\n> ")
    }
}
