import CIL
import CTIOSWire
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// Bytes the process holds: malloc's in-use bytes and the resident set.
struct MemoryReading {
    var mallocBytes: Int
    var residentBytes: Int

    static func now() -> MemoryReading {
        _ = glibcMallocTrim(0)
        return MemoryReading(mallocBytes: mallocInUse(), residentBytes: residentBytes())
    }

    /// glibc's bytes in use (all arenas, mmapped chunks included), read from what `malloc_stats()` prints on
    /// standard error (Swift's Glibc module does not export `<malloc.h>`, so `mallinfo2` is out of reach).
    static func mallocInUse() -> Int {
        let path = "/tmp/cilbench-malloc-stats.\(getpid())"
        let file = open(path, O_CREAT | O_TRUNC | O_RDWR, 0o600)
        let saved = dup(2)
        dup2(file, 2)
        glibcMallocStats()
        dup2(saved, 2)
        close(saved)
        close(file)
        defer { unlink(path) }
        guard let stream = fopen(path, "r") else { return 0 }
        defer { fclose(stream) }
        var text = ""
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, 256, stream) != nil { text += Self.text(line) }
        // The last "in use bytes" is the total's (incl. mmap).
        guard let last = text.split(separator: "\n").last(where: { $0.contains("in use bytes") }),
              let value = last.split(separator: "=").last.flatMap({ Int($0.trimmingCharacters()) })
        else { return 0 }
        return value
    }

    /// A C string read by `fgets`, as text.
    static func text(_ line: [CChar]) -> String {
        String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func residentBytes() -> Int {
        guard let stream = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(stream) }
        var line = [CChar](repeating: 0, count: 128)
        guard fgets(&line, 128, stream) != nil else { return 0 }
        let fields = Self.text(line).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

@_silgen_name("malloc_stats") func glibcMallocStats()
@_silgen_name("malloc_trim") func glibcMallocTrim(_ pad: Int) -> Int32

extension Substring {
    func trimmingCharacters() -> Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}

struct MemoryResult {
    var agents: Int
    var calls: Int
    var mallocBytes: Int
    var residentBytes: Int
}

enum MemoryBench {
    /// An engine that holds `agents` agents and `calls` calls, received as a snapshot over the wire (the bytes decoded
    /// as a session decodes them); the difference in memory before and after, with the wire bytes freed.
    static func run(agents: Int, calls: Int) throws -> MemoryResult {
        var objects: [SnapshotObject] = []
        objects.reserveCapacity(agents + calls)
        for index in 0..<agents { objects.append(SnapshotObject(objectID: Samples.agentObjectID(index), properties: Samples.agent(index))) }
        for index in 0..<calls { objects.append(SnapshotObject(objectID: Samples.callObjectID(index), properties: Samples.call(index))) }
        var bytes: ByteBuffer? = try BlastServer.encodeSnapshot(objects)
        objects = []
        var engine = try EngineBench.connectedEngine(snapshot: [])
        let before = MemoryReading.now()
        while let message = try WireFrameDecoder.nextMessage(from: &bytes!) {
            engine.received(message, on: EngineBench.connection, now: .seconds(1))
        }
        bytes = nil
        _ = engine.takeOutput()
        let after = MemoryReading.now()
        guard engine.cache.count == agents + calls else { throw BenchError("the cache holds \(engine.cache.count) objects") }
        withExtendedLifetime(engine) {}
        return MemoryResult(agents: agents, calls: calls, mallocBytes: after.mallocBytes - before.mallocBytes,
                            residentBytes: after.residentBytes - before.residentBytes)
    }
}
