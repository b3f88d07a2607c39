@testable import CIL
import CTIOSWire

/// Actions as short lines, so that a state machine test reads as one-line expectations.
func text(_ actions: [CILSessionAction]) -> [String] {
    actions.map(text)
}

func text(_ action: CILSessionAction) -> String {
    switch action {
    case .connect(let connection, let server): "connect \(connection.rawValue) \(server)"
    case .send(let connection, let message): "send \(connection.rawValue) \(text(message))"
    case .close(let connection): "close \(connection.rawValue)"
    case .connectFinished(.success): "connected"
    case .connectFinished(.failure(let error)): "connect failed \(error.code)"
    case .completeRequest(let handle, .success): "answer \(handle.rawValue) success"
    case .completeRequest(let handle, .failure(let error)): "answer \(handle.rawValue) \(error.code)"
    case .applyBatch(let batch): "apply \(batch.sequence)"
    case .beginSnapshot(let position, _): "begin snapshot \(position.sequence)"
    case .addSnapshotObjects(let objects): "snapshot objects \(objects.count)"
    case .endSnapshot(let position): "end snapshot \(position.sequence)"
    case .modeEstablished(let mode): "mode \(mode)"
    case .raise(let name, let arguments):
        if name == .onConnectionFailure, let code = arguments.integer(.failureCode) { "raise \(name) \(code)" }
        else if name == .onSessionRecovered, let kind = arguments["Recovery"]?.string { "raise \(name) \(kind)" }
        else { "raise \(name)" }
    case .dropObjects: "drop objects"
    case .resetCache: "reset cache"
    }
}

func text(_ message: WireMessage) -> String {
    switch message {
    case .hello(_, _, let heartbeat, let resume): "hello \(heartbeat) resume \(resume.map { "\($0.sequence)" } ?? "none")"
    case .request(let id, let method, _): "request \(id) \(method)"
    case .setAgentMode(let id, _, let agent, _): "setAgentMode \(id) \(agent)"
    case .setMonitorMode(let id, let filter): "setMonitorMode \(id) \(filter)"
    case .heartbeat: "heartbeat"
    default: "\(message.kind)"
    }
}
