import CIL
import CTIOSWire
import NIOCore

// `SessionEngine` and its inputs are `package` API of ctios: this target is compiled with ctios's package name
// (Benchmarks/Package.swift) so that it can drive the engine without a socket, as the CIL's own tests do.

/// What the pure engine measured: the cost of decode, of apply-and-raise, and of both, per batch and per event, in
/// CPU time of the thread that ran it (so that other processes on the machine do not inflate it).
struct EngineResult {
    var batches: Int
    var events: Int
    var decodeNanoseconds: UInt64
    var applyNanoseconds: UInt64
    var bothNanoseconds: UInt64
}

enum EngineBench {
    static let connection = ConnectionID(1)

    /// An engine connected (in model time) in monitor mode, holding the workload's snapshot.
    static func connectedEngine(snapshot: [SnapshotObject]) throws -> SessionEngine {
        var engine = SessionEngine(seed: 1)
        let now = Duration.zero
        engine.start(profile: ConnectionProfile(heartbeat: .seconds(3600), requestTimeout: .seconds(3600)), now: now)
        engine.connected(connection, now: now)
        let position = LogPosition(epoch: 1, sequence: BatchTemplate.firstSequence - 1)
        engine.received(.welcome(version: .current, serverID: "A", serverName: "cilbench", position: position,
                                 heartbeatMilliseconds: 3_600_000), on: connection, now: now)
        engine.setMode(.monitor(filter: "UniqueObjectID=*"), handle: RequestHandle(1), now: now)
        engine.received(.response(requestID: 1, result: .success([:])), on: connection, now: now)
        var bytes = try BlastServer.encodeSnapshot(snapshot)
        while let message = try WireFrameDecoder.nextMessage(from: &bytes) { engine.received(message, on: connection, now: now) }
        let output = engine.takeOutput()
        guard output.completions.count == 1, case .success = output.completions[0].result, engine.machine.isLive else {
            throw BenchError("the engine did not reach a live monitor mode")
        }
        return engine
    }

    static func run(_ workload: Workload, batches: Int) throws -> EngineResult {
        let template = try workload.template()
        let runs = max(1, batches / template.frames)
        let now = Duration.seconds(1)

        // Decode only.
        var sequence = BatchTemplate.firstSequence
        var decoded = 0
        var scratch = ByteBuffer()
        var start = threadCPUNanoseconds()
        for _ in 0..<runs {
            scratch.clear()
            template.copy(startingAt: sequence, into: &scratch)
            sequence += UInt64(template.frames)
            while let message = try WireFrameDecoder.nextMessage(from: &scratch) {
                if case .batch = message { decoded += 1 }
            }
        }
        let decodeTime = threadCPUNanoseconds() - start

        // Apply and raise only, from batches decoded beforehand (one run's worth, renumbered).
        var engine = try connectedEngine(snapshot: workload.snapshot)
        scratch.clear()
        template.copy(startingAt: BatchTemplate.firstSequence, into: &scratch)
        var messages: [ChangeBatch] = []
        while let message = try WireFrameDecoder.nextMessage(from: &scratch) {
            if case .batch(let batch) = message { messages.append(batch) }
        }
        var events = 0
        sequence = BatchTemplate.firstSequence
        start = threadCPUNanoseconds()
        for _ in 0..<runs {
            for var batch in messages {
                batch.sequence = sequence
                sequence += 1
                engine.received(.batch(batch), on: connection, now: now)
                events += engine.takeOutput().events.count
            }
        }
        let applyTime = threadCPUNanoseconds() - start
        guard engine.machine.isLive, engine.cache.inconsistencies == 0 else { throw BenchError("the engine lost the stream") }

        // Both: bytes in, events out, as the shell runs it (all frames of one read, then the output).
        engine = try connectedEngine(snapshot: workload.snapshot)
        sequence = BatchTemplate.firstSequence
        var both = 0
        start = threadCPUNanoseconds()
        for _ in 0..<runs {
            scratch.clear()
            template.copy(startingAt: sequence, into: &scratch)
            sequence += UInt64(template.frames)
            while let message = try WireFrameDecoder.nextMessage(from: &scratch) {
                engine.received(message, on: connection, now: now)
            }
            both += engine.takeOutput().events.count
        }
        let bothTime = threadCPUNanoseconds() - start
        guard decoded == runs * template.frames, events == runs * template.events, both == events, engine.machine.isLive else {
            throw BenchError("counts disagree: decoded \(decoded), events \(events) and \(both)")
        }
        return EngineResult(batches: runs * template.frames, events: events, decodeNanoseconds: decodeTime,
                            applyNanoseconds: applyTime, bothNanoseconds: bothTime)
    }
}
