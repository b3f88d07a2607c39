import CIL
import Foundation

/// The agent desktop's screen: the agent, its calls with their data and buttons, the last events, the commands.
enum AgentScreen {
    static func text(session: Session, calls: [Call], events: [(at: Date, event: CILEvent)]) -> String {
        var lines: [String] = []
        let agent = session.currentAgent
        lines.append("ctios agent — \(agent.map { "agent \($0.agentID)" } ?? "no agent") — \(session.connectionState)")
        if let agent {
            let state = agent.agentState.map { "\($0)" } ?? "unknown"
            lines.append("State: \(state) (reason \(agent.reasonCode ?? 0))   Buttons: \(agent.buttonMask)")
        }
        lines.append("Calls:")
        if calls.isEmpty { lines.append("  none") }
        let current = session.currentCall
        for (index, call) in calls.enumerated() {
            var line = "  \(index + 1)\(call == current ? "*" : " ") \(call.uniqueObjectID)"
            line += "  \(call.localConnectionState.map { "\($0)" } ?? "?")"
            if let ani = call.ani { line += "  ANI \(ani)" }
            if let dnis = call.dnis { line += "  DNIS \(dnis)" }
            for number in 1...10 { if let value = call.callVariable(number) { line += "  CallVariable\(number)=\(value)" } }
            line += "  buttons \(call.buttonMask)"
            lines.append(line)
        }
        if !events.isEmpty {
            lines.append("Last events:")
            for (date, event) in events { lines.append("  " + AppOutput.readable(event, at: date)) }
        }
        lines.append("Commands: login <pw> | ready | notready [reason] | answer | hold | retrieve | release | consult <n> |")
        lines.append("          transfer | conference | wrapup <text> | logout | help | quit")
        return lines.joined(separator: "\n")
    }
}
