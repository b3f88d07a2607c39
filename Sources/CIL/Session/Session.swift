import CTIOSCore
import CTIOSWire
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A CTI OS session (Cisco's `CtiOsSession`): the connection to a CTI OS server, the mode (agent or monitor), the
/// cache of the objects the session sees, and their events.
///
/// ```swift
/// let session = Session()
/// let events = session.events()
/// try await session.connect(ConnectionProfile(ctiosA: "127.0.0.1"))
/// try await session.setAgent(agentID: "1004", instrument: "2004")
/// for try await event in events where event.name == .onCallDelivered {
///     print("caller:", event.arguments.string(.ani) ?? "unknown")
/// }
/// ```
///
/// The session hides sockets, heartbeats and reconnects: when the connection is lost it reconnects (to the other
/// server of a pair first), sets its mode again, and brings its cache up to date (from the server's backlog, or
/// from a snapshot it compares with the cache to raise the events the application missed), then raises
/// `OnSessionRecovered`. A request in flight at the loss fails with ``CILError/Code/connectionLost`` (sent, outcome
/// unknown) or ``CILError/Code/notSent``; nothing is sent again behind the application's back.
///
/// Thread-safe: call it from any thread or task. Events are raised on the session's event loop, one at a time and
/// in order, each after the cache holds the objects as they are after it; reading the session from a listener
/// sees exactly that state.
public final class Session: Sendable {
    let loop: any EventLoop
    let logger: Logger
    let shared: NIOLockedValueBox<Shared>
    let origin = NIODeadline.now()

    /// Everything that changes, behind one lock: taken briefly by the event loop to run the engine, and by readers.
    struct Shared: Sendable {
        var engine: SessionEngine
        var channels: [ConnectionID: any Channel] = [:]
        var requests: [RequestHandle: CheckedContinuation<Arguments, any Error>] = [:]
        var connectWaiters: [CheckedContinuation<Void, any Error>] = []
        var nextHandle: UInt64 = 0
        var listeners = ListenerRegistry()
        var streams: [UInt64: AsyncThrowingStream<CILEvent, any Error>.Continuation] = [:]
        var nextStream: UInt64 = 0
        var timer: Scheduled<Void>?
        var timerDeadline: Duration?

        mutating func takeHandle() -> RequestHandle {
            nextHandle += 1
            return RequestHandle(nextHandle)
        }
    }

    /// A session that is not connected yet.
    ///
    /// - Parameters:
    ///   - eventLoopGroup: where its socket and timers run (one event loop of it); the shared NIO group by default.
    ///   - logger: where it logs connections, losses and recoveries (never passwords or call data).
    public init(eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                logger: Logger = Logger(label: "ctios.cil", factory: { _ in SwiftLogNoOpLogHandler() })) {
        loop = eventLoopGroup.next()
        self.logger = logger
        shared = NIOLockedValueBox(Shared(engine: SessionEngine(seed: UInt64.random(in: .min ... .max))))
    }

    // MARK: Connecting

    /// Connects to a server of the profile (Cisco's `Connect`): one of A and B at random, then the other, until one
    /// welcomes the session. Returns once connected.
    ///
    /// - Throws: ``CILError`` ``CILError/Code/connectFailed`` when no server took the session within the profile's
    ///   connect timeout (the reason names the servers and the last failure), ``CILError/Code/connectionRejected``
    ///   when the server does not speak this CIL's protocol version, ``CILError/Code/invalidState`` when the session
    ///   is already connected or connecting.
    public func connect(_ profile: ConnectionProfile) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            loop.execute { [self] in
                let busy = shared.withLockedValue { shared in
                    if case .idle = shared.engine.machine.phase, shared.connectWaiters.isEmpty { return false }
                    return true
                }
                guard !busy else {
                    continuation.resume(throwing: CILError(.invalidState, "the session is already connected or connecting"))
                    return
                }
                run { shared, now in
                    shared.connectWaiters.append(continuation)
                    shared.engine.start(profile: profile, now: now)
                }
            }
        }
    }

    /// Disconnects (Cisco's `Disconnect`): closes the connection, fails what still waits, raises
    /// `OnConnectionClosed`, empties the cache and ends every event stream. The session may connect again.
    public func disconnect() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            loop.execute { [self] in
                run { shared, now in shared.engine.stop(now: now) }
                let streams = shared.withLockedValue { shared in
                    defer { shared.streams.removeAll() }
                    return Array(shared.streams.values)
                }
                for stream in streams { stream.finish() }
                continuation.resume()
            }
        }
    }

    // MARK: Modes

    /// Agent mode (Cisco's `SetAgent`): the session sees this agent, its calls and skill groups, and, for a
    /// supervisor, its team's agents and their calls. Returns the agent once its objects are in the cache; the mode
    /// is set again by the session after every reconnect.
    ///
    /// - Throws: ``CILError``: ``CILError/Code/noSuchObject`` for an unknown agent, ``CILError/Code/notSent`` when
    ///   not connected, ``CILError/Code/connectionLost`` when the connection was lost before the answer came.
    @discardableResult
    public func setAgent(peripheralID: UInt32 = 5000, agentID: String, instrument: String = "") async throws -> Agent {
        _ = try await perform(mode: .agent(peripheralID: peripheralID, agentID: agentID, instrument: instrument))
        return Agent(session: self, id: .agent(peripheral: peripheralID, agentID: agentID))
    }

    /// Monitor mode (Cisco's `SetMessageFilter`): the session sees the objects and events the filter matches
    /// (`key=v1,v2;key2=v*`: keys ANDed, values ORed, `*` a prefix wildcard; `UniqueObjectID=*` for everything).
    /// Returns once the matching objects are in the cache; the session sets the filter again after every reconnect.
    ///
    /// - Throws: ``CILError``: ``CILError/Code/invalidArguments`` for a filter the server cannot parse (the reason
    ///   says where), ``CILError/Code/notSent`` when not connected.
    public func setMessageFilter(_ filter: String) async throws {
        _ = try await perform(mode: .monitor(filter: filter))
    }

    func perform(mode: SessionMode) async throws -> Arguments {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Arguments, any Error>) in
            loop.execute { [self] in
                run { shared, now in
                    let handle = shared.takeHandle()
                    shared.requests[handle] = continuation
                    shared.engine.setMode(mode, handle: handle, now: now)
                }
            }
        }
    }

    // MARK: Requests

    /// Calls a CTI OS method on an object: `arguments` names the object (`UniqueObjectID`) and holds the parameters.
    /// ``Agent``, ``Call`` and ``SkillGroup`` wrap the common methods; this one reaches any method the server knows.
    ///
    /// - Returns: the confirmation's arguments.
    /// - Throws: ``CILError`` with the server's code (`InvalidState`, `CTIFailure` with the CTI Server's failure
    ///   code, …), or ``CILError/Code/notSent``, ``CILError/Code/connectionLost``, ``CILError/Code/noAnswer``.
    public func request(_ method: String, _ arguments: Arguments) async throws -> Arguments {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Arguments, any Error>) in
            loop.execute { [self] in
                run { shared, now in
                    let handle = shared.takeHandle()
                    shared.requests[handle] = continuation
                    shared.engine.request(method, arguments, handle: handle, now: now)
                }
            }
        }
    }
}
