import CTIOSWire

/// What the session's shell must do, in order, after an input to ``CILSessionStateMachine``.
package enum CILSessionAction: Sendable {
    /// Open a socket to the server; report ``CILSessionStateMachine/connected(_:now:)`` or
    /// ``CILSessionStateMachine/connectFailed(_:reason:now:)``.
    case connect(ConnectionID, ServerAddress)
    /// Write one frame on the connection.
    case send(ConnectionID, WireMessage)
    /// Close the connection (nothing more is reported for it).
    case close(ConnectionID)
    /// The application's ``Session/connect(_:)`` is over.
    case connectFinished(Result<Void, CILError>)
    /// A request's (or mode change's) one answer.
    case completeRequest(RequestHandle, Result<Arguments, CILError>)
    /// Apply a batch to the object cache, then raise its events.
    case applyBatch(ChangeBatch)
    /// A snapshot begins: collect its objects.
    case beginSnapshot(LogPosition, SnapshotReason)
    /// Some of the snapshot's objects.
    case addSnapshotObjects([SnapshotObject])
    /// The snapshot is whole: replace the cache by it, raising the events the difference implies.
    case endSnapshot(LogPosition)
    /// The server now serves this mode on this connection (the cache learns whose agent it is).
    case modeEstablished(SessionMode)
    /// Raise a session event (`OnConnection`, `OnConnectionFailure`, …).
    case raise(EventName, Arguments)
    /// The mode is gone (it could not be set again after a reconnect): remove every object, raising the events
    /// their end implies (a call's `OnCallEnd`).
    case dropObjects
    /// The application disconnected: empty the cache, raising nothing.
    case resetCache
}

import CTIOSCore
