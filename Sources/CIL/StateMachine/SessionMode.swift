/// The two modes of a CTI OS session.
package enum SessionMode: Hashable, Sendable, CustomStringConvertible {
    /// Agent mode (Cisco's `SetAgent`): one agent, its calls and skill groups (a supervisor's team too).
    case agent(peripheralID: UInt32, agentID: String, instrument: String)
    /// Monitor mode (Cisco's `SetMessageFilter`): the objects and events a filter expression matches.
    case monitor(filter: String)

    /// The frame that asks the server for this mode.
    func message(requestID: UInt32) -> WireMessage {
        switch self {
        case .agent(let peripheralID, let agentID, let instrument):
            .setAgentMode(requestID: requestID, peripheralID: peripheralID, agentID: agentID, instrument: instrument)
        case .monitor(let filter):
            .setMonitorMode(requestID: requestID, filter: filter)
        }
    }

    /// `agent 1001 on 5000` or `monitor "AgentID=1004"`.
    package var description: String {
        switch self {
        case .agent(let peripheralID, let agentID, _): "agent \(agentID) on \(peripheralID)"
        case .monitor(let filter): "monitor \"\(filter)\""
        }
    }
}

import CTIOSWire
