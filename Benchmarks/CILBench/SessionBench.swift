import CIL
import CTIOSWire
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// CPU time of the calling thread, in nanoseconds.
func threadCPUNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// Monotonic time, in nanoseconds.
func monotonicNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// What one run over TCP measured.
struct TCPResult {
    var events: Int
    var batches: Int
    var wallNanoseconds: UInt64
    /// CPU time of the session's event loop thread over the same span (listener runs only).
    var loopCPUNanoseconds: UInt64?
    var eventsPerSecond: Double { Double(events) / (Double(wallNanoseconds) / 1e9) }
    var batchesPerSecond: Double { Double(batches) / (Double(wallNanoseconds) / 1e9) }
}

/// A listener as an application writes one: Cisco's agent, call and button interfaces, each method counting.
/// Every method runs on the session's event loop thread, one at a time, so plain counters are safe there.
final class CountingListener: AgentEvents, CallEvents, ButtonEnablementEvents, @unchecked Sendable {
    let target: Int
    let done: EventLoopPromise<Void>
    private(set) var count = 0
    private(set) var firstAt: UInt64 = 0
    private(set) var lastAt: UInt64 = 0
    private(set) var firstCPU: UInt64 = 0
    private(set) var lastCPU: UInt64 = 0
    private(set) var answered = 0

    init(target: Int, done: EventLoopPromise<Void>) {
        self.target = target
        self.done = done
    }

    @inline(__always) private func tick(_ event: CILEvent) {
        count += 1
        if count == 1 {
            firstAt = monotonicNanoseconds()
            firstCPU = threadCPUNanoseconds()
        } else if count == target {
            lastAt = monotonicNanoseconds()
            lastCPU = threadCPUNanoseconds()
            done.succeed()
        }
    }

    func onAgentStateChange(_ event: CILEvent) {
        if event.arguments.integer(.agentState) != nil { answered &+= 1 }
        tick(event)
    }
    func onCallBegin(_ event: CILEvent) { tick(event) }
    func onCallDelivered(_ event: CILEvent) {
        // A screen pop reads the caller's number.
        if event.arguments.string(.ani) != nil { answered &+= 1 }
        tick(event)
    }
    func onCallEstablished(_ event: CILEvent) { tick(event) }
    func onCallCleared(_ event: CILEvent) { tick(event) }
    func onCallEnd(_ event: CILEvent) { tick(event) }
    func onButtonEnablementChange(_ event: CILEvent) { tick(event) }
}

enum SessionBench {
    /// One session over loopback TCP: the server blasts `batches` batches of the workload after the snapshot; a
    /// listener (or, with `stream`, a task iterating `Session.events()`) counts the events.
    static func run(_ workload: Workload, batches: Int, stream: Bool, bufferingLimit: Int = 100_000) async throws -> TCPResult {
        let template = try workload.template()
        let runs = (batches + template.frames - 1) / template.frames
        let totalBatches = runs * template.frames
        let totalEvents = runs * template.events
        let serverGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let sessionGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let server = try await BlastServer.start(group: serverGroup, template: template, snapshot: workload.snapshot,
                                                 batches: totalBatches)
        let session = Session(eventLoopGroup: sessionGroup)
        let profile = ConnectionProfile(serverA: ServerAddress(host: "127.0.0.1", port: server.port),
                                        heartbeat: .seconds(5), requestTimeout: .seconds(60), randomSeed: 1)
        var result: TCPResult
        if stream {
            let events = session.events(bufferingLimit: bufferingLimit)
            let consumer = Task { () throws -> (Int, UInt64, UInt64) in
                var count = 0
                var first: UInt64 = 0
                for try await event in events where event.category != .session {
                    count += 1
                    if count == 1 { first = monotonicNanoseconds() }
                    if count == totalEvents { return (count, first, monotonicNanoseconds()) }
                }
                return (count, first, monotonicNanoseconds())
            }
            try await session.connect(profile)
            try await session.setMessageFilter("UniqueObjectID=*")
            let (count, first, last) = try await consumer.value
            guard count == totalEvents else { throw BenchError("the stream ended after \(count) of \(totalEvents) events") }
            result = TCPResult(events: totalEvents - 1, batches: totalBatches, wallNanoseconds: last - first)
        } else {
            let done = sessionGroup.next().makePromise(of: Void.self)
            let listener = CountingListener(target: totalEvents, done: done)
            session.addEventListener(listener)
            try await session.connect(profile)
            try await session.setMessageFilter("UniqueObjectID=*")
            try await done.futureResult.get()
            result = TCPResult(events: totalEvents - 1, batches: totalBatches, wallNanoseconds: listener.lastAt - listener.firstAt,
                               loopCPUNanoseconds: listener.lastCPU - listener.firstCPU)
            session.removeEventListener(listener)
        }
        guard session.allAgents.count == Workload.agents else {
            throw BenchError("the session holds \(session.allAgents.count) agents, not \(Workload.agents)")
        }
        await session.disconnect()
        await server.close()
        try await serverGroup.shutdownGracefully()
        try await sessionGroup.shutdownGracefully()
        return result
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
