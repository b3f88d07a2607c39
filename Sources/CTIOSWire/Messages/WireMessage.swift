/// One frame of the CIL ⇄ server protocol, decoded. Docs/Protocol.md gives every field's bytes.
///
/// Client to server: `hello`, `setAgentMode`, `setMonitorMode`, `request`, `heartbeat`.
/// Server to client: `welcome`, `reject`, `response`, `batch`, `snapshotBegin`, `snapshotObjects`, `snapshotEnd`,
/// `caughtUp`, `heartbeat`, `goodbye`.
public enum WireMessage: Hashable, Sendable {
    /// The client's first frame: the versions it speaks (any order), its name (for logs), the heartbeat interval it
    /// asks for in milliseconds (0: the server's default), and where to resume from after a reconnect.
    case hello(versions: [ProtocolVersion], clientName: String, heartbeatMilliseconds: UInt32, resume: LogPosition?)
    /// The server's answer to an acceptable hello: the version both now speak, which server this is, its change
    /// log's current position, and the heartbeat interval both sides use from now on.
    case welcome(
        version: ProtocolVersion,
        serverID: String,
        serverName: String,
        position: LogPosition,
        heartbeatMilliseconds: UInt32
    )
    /// The server's answer to a hello it cannot accept; the server then closes the connection.
    case reject(code: RejectCode, reason: String)
    /// Agent mode (Cisco's `SetAgent`): events for one agent, its calls and skill groups (and a supervisor's team).
    case setAgentMode(requestID: UInt32, peripheralID: UInt32, agentID: String, instrument: String)
    /// Monitor mode (Cisco's `SetMessageFilter`): events matching a filter expression (`key=v1,v2;key2=v*`).
    case setMonitorMode(requestID: UInt32, filter: String)
    /// A method call on an object or the session (`Login`, `MakeCall`, `Answer`, …); `arguments` names the object
    /// (`UniqueObjectID`) and holds the parameters.
    case request(requestID: UInt32, method: String, arguments: Arguments)
    /// The one answer to a `request`, `setAgentMode` or `setMonitorMode`.
    case response(requestID: UInt32, result: Result<Arguments, RequestFailure>)
    /// What one CTI Server event did to the objects this client sees.
    case batch(ChangeBatch)
    /// A snapshot of every object the client sees, as of `position`, follows.
    case snapshotBegin(position: LogPosition, reason: SnapshotReason)
    /// Some of the snapshot's objects (a snapshot takes as many of these frames as it needs).
    case snapshotObjects([SnapshotObject])
    /// The snapshot is complete; batches after `position` follow.
    case snapshotEnd(position: LogPosition)
    /// Every batch missed since the resume point has been sent; the stream is live from `position`.
    case caughtUp(position: LogPosition)
    /// Sent by either side after one heartbeat interval with nothing else to send.
    case heartbeat
    /// The server is about to close the connection, and why.
    case goodbye(code: GoodbyeCode, reason: String)

    /// The frame kind this message travels as.
    public var kind: WireKind {
        switch self {
        case .hello: .hello
        case .welcome: .welcome
        case .reject: .reject
        case .setAgentMode: .setAgentMode
        case .setMonitorMode: .setMonitorMode
        case .request: .request
        case .response: .response
        case .batch: .batch
        case .snapshotBegin: .snapshotBegin
        case .snapshotObjects: .snapshotObjects
        case .snapshotEnd: .snapshotEnd
        case .caughtUp: .caughtUp
        case .heartbeat: .heartbeat
        case .goodbye: .goodbye
        }
    }

    /// The request id of a request, a mode change or a response; `nil` for every other kind.
    public var requestID: UInt32? {
        switch self {
        case .setAgentMode(let id, _, _, _), .setMonitorMode(let id, _), .request(let id, _, _), .response(let id, _):
            id
        case .hello, .welcome, .reject, .batch, .snapshotBegin, .snapshotObjects, .snapshotEnd, .caughtUp,
             .heartbeat, .goodbye:
            nil
        }
    }
}
