import CEpoll
import Glibc
import Histogram
import Synchronization

/// Monotonic time in nanoseconds: the clock `NIODeadline.now()` reads, so times taken on the simulator's event
/// loop and on the reader thread compare.
@inline(__always) func monotonicNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// What a connection's bytes are.
enum ReaderProtocol: Sendable {
    /// CIL frames (Docs/Protocol.md): u32be length, kind byte, body. Batches (kind 0x20) are deliveries.
    case cil
    /// NATS's text protocol: `MSG subject sid [reply] size\r\n` + payload + `\r\n` is a delivery; `PING` is
    /// answered with `PONG` (the one thing a NATS client must answer).
    case nats
}

/// Many client connections read by one thread with epoll, into one large buffer: each connection's bytes are only
/// split into frames and counted, never decoded, so that the readers spend as little of the machine's two cores as
/// possible on their side of the measurement.
///
/// Counts are published per `recv` to atomics; per-connection counts and the latency histogram belong to the
/// thread and are read after ``stop()``. A connection may be a probe: the first batch it gets after
/// ``ProbeSlot/arm(at:)`` is timed from the armed instant.
final class FrameReaders: @unchecked Sendable {
    /// One probe connection's outstanding probe: the instant (monotonic ns) its event left the simulator, or 0.
    final class ProbeSlot: Sendable {
        let armedAt = Atomic<UInt64>(0)
        let matched = Atomic<UInt64>(0)
        func arm(at instant: UInt64) { armedAt.store(instant, ordering: .releasing) }
        var isArmed: Bool { armedAt.load(ordering: .acquiring) != 0 }
    }

    let kind: ReaderProtocol
    let capacity: Int
    private let epoll: Int32
    private var fds: [Int32]
    private var probeSlot: [ProbeSlot?]
    // Splitting state, per connection.
    private var remaining: [Int]
    private var header: [UInt64]
    private var headerCount: [Int]
    private var currentKind: [UInt8]
    private var lineBuffer: [[UInt8]]
    // Per-connection counts (the thread's; read after stop).
    private(set) var deliveries: [UInt64]
    private(set) var otherFrames: [UInt64]
    private(set) var closed: [Bool]
    /// Probe latencies, nanoseconds (the thread's; read after stop).
    private(set) var latency = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)

    let totalDeliveries = Atomic<UInt64>(0)
    let totalBytes = Atomic<UInt64>(0)
    let totalClosed = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private var thread: pthread_t?
    private(set) var count = 0
    private var lastHeartbeat: UInt64 = 0

    init(kind: ReaderProtocol, capacity: Int) {
        self.kind = kind
        self.capacity = capacity
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        fds = Array(repeating: -1, count: capacity)
        probeSlot = Array(repeating: nil, count: capacity)
        remaining = Array(repeating: 0, count: capacity)
        header = Array(repeating: 0, count: capacity)
        headerCount = Array(repeating: 0, count: capacity)
        currentKind = Array(repeating: 0, count: capacity)
        lineBuffer = Array(repeating: [], count: capacity)
        deliveries = Array(repeating: 0, count: capacity)
        otherFrames = Array(repeating: 0, count: capacity)
        closed = Array(repeating: false, count: capacity)
    }

    /// Connects to 127.0.0.1:`port`, writes `handshake`, and hands the socket to the reading thread. Returns the
    /// connection's index. Call from one thread only (the thread reads what is added).
    func connect(port: Int, handshake: [UInt8], probe: ProbeSlot? = nil) throws -> Int {
        precondition(count < capacity, "more connections than the readers were made for")
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket: errno \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw BenchError("connect to port \(port): errno \(errno)")
        }
        if !handshake.isEmpty { try writeAll(fd, handshake) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let index = count
        fds[index] = fd
        probeSlot[index] = probe
        count += 1
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.u64 = UInt64(index)
        guard epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) == 0 else { throw BenchError("epoll_ctl: errno \(errno)") }
        return index
    }

    func start() {
        let box = Unmanaged.passRetained(self)
        var thread = pthread_t()
        pthread_create(&thread, nil, { argument in
            let readers = Unmanaged<FrameReaders>.fromOpaque(argument!).takeRetainedValue()
            readers.run()
            return nil
        }, box.toOpaque())
        self.thread = thread
    }

    /// Stops the thread and closes every connection.
    func stop() {
        stopping.store(true, ordering: .releasing)
        if let thread { pthread_join(thread, nil) }
        thread = nil
        for index in 0..<count where fds[index] >= 0 {
            close(fds[index])
            fds[index] = -1
        }
        close(epoll)
    }

    /// Writes a few bytes (a NATS publish, a heartbeat) to one connection from the calling thread.
    func write(_ bytes: [UInt8], to index: Int) throws { try writeAll(fds[index], bytes) }

    // MARK: The thread

    private func run() {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
        defer { buffer.deallocate() }
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: 1024)
        defer { events.deallocate() }
        lastHeartbeat = monotonicNanoseconds()
        while !stopping.load(ordering: .acquiring) {
            let ready = epoll_wait(epoll, events, 1024, 20)
            if ready > 0 {
                for i in 0..<Int(ready) { drain(Int(events[i].data.u64), buffer) }
            }
            if kind == .cil { sendHeartbeatsIfDue() }
        }
    }

    /// The server drops a client silent for three of its heartbeat intervals (60 s asked for in hello): one
    /// heartbeat frame every 20 s keeps every connection.
    private func sendHeartbeatsIfDue() {
        let now = monotonicNanoseconds()
        guard now - lastHeartbeat >= 20_000_000_000 else { return }
        lastHeartbeat = now
        let heartbeat: [UInt8] = [0, 0, 0, 1, 0x04]
        for index in 0..<count where !closed[index] { try? writeAll(fds[index], heartbeat) }
    }

    private func drain(_ index: Int, _ buffer: UnsafeMutableRawBufferPointer) {
        let fd = fds[index]
        while true {
            let n = recv(fd, buffer.baseAddress, buffer.count, 0)
            if n > 0 {
                let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
                let found = kind == .cil ? splitCIL(index, bytes) : splitNATS(index, bytes)
                deliveries[index] &+= found
                totalDeliveries.add(found, ordering: .relaxed)
                totalBytes.add(UInt64(n), ordering: .relaxed)
                if n < buffer.count { return }
            } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                closed[index] = true
                totalClosed.add(1, ordering: .relaxed)
                epoll_ctl(epoll, EPOLL_CTL_DEL, fd, nil)
                return
            } else {
                return
            }
        }
    }

    /// CIL frames: returns the batches completed in `bytes`; times a probe connection's batch.
    private func splitCIL(_ index: Int, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var position = 0
        var batches: UInt64 = 0
        var left = remaining[index]
        var kind = currentKind[index]
        let end = bytes.count
        while position < end {
            if left > 0 {
                let skip = min(left, end - position)
                position += skip
                left -= skip
                if left == 0 { batches += completed(index, kind) }
                continue
            }
            // A header: length (4) and kind (1), possibly split across reads.
            var have = headerCount[index]
            var value = header[index]
            while have < 5 && position < end {
                value = value << 8 | UInt64(bytes[position])
                position += 1
                have += 1
            }
            if have < 5 {
                headerCount[index] = have
                header[index] = value
                break
            }
            headerCount[index] = 0
            header[index] = 0
            kind = UInt8(truncatingIfNeeded: value)
            left = Int(value >> 8) - 1
            if left == 0 { batches += completed(index, kind) }
        }
        remaining[index] = left
        currentKind[index] = kind
        return batches
    }

    @inline(__always) private func completed(_ index: Int, _ kind: UInt8) -> UInt64 {
        guard kind == 0x20 else {
            otherFrames[index] &+= 1
            return 0
        }
        if let slot = probeSlot[index] {
            let armed = slot.armedAt.exchange(0, ordering: .acquiringAndReleasing)
            if armed != 0 {
                let now = monotonicNanoseconds()
                _ = latency.record(now > armed ? now - armed : 0)
                slot.matched.add(1, ordering: .relaxed)
            }
        }
        return 1
    }

    /// NATS: returns the MSGs completed in `bytes`; answers PING.
    private func splitNATS(_ index: Int, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var position = 0
        var messages: UInt64 = 0
        var left = remaining[index]
        let end = bytes.count
        while position < end {
            if left > 0 {
                let skip = min(left, end - position)
                position += skip
                left -= skip
                if left == 0 { messages += 1 }
                continue
            }
            // A control line, up to \n.
            guard let newline = bytes[position..<end].firstIndex(of: UInt8(ascii: "\n")) else {
                lineBuffer[index].append(contentsOf: bytes[position..<end])
                break
            }
            var line = lineBuffer[index]
            line.append(contentsOf: bytes[position..<newline])
            lineBuffer[index].removeAll(keepingCapacity: true)
            position = newline + 1
            if line.starts(with: [0x4D, 0x53, 0x47]) {  // MSG subject sid [reply] size
                var size = 0
                var digits = line.count - 1
                while digits >= 0, line[digits] == 0x0D || line[digits] == 0x20 { digits -= 1 }
                var scale = 1
                while digits >= 0, (0x30...0x39).contains(line[digits]) {
                    size += Int(line[digits] - 0x30) * scale
                    scale *= 10
                    digits -= 1
                }
                left = size + 2
            } else if line.starts(with: [0x50, 0x49, 0x4E, 0x47]) {  // PING
                try? writeAll(fds[index], Array("PONG\r\n".utf8))
            } else {
                otherFrames[index] &+= 1
            }
        }
        remaining[index] = left
        return messages
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writes every byte, waiting while a non-blocking socket is full.
func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
        if n > 0 {
            offset += n
        } else if n < 0 && (errno == EAGAIN || errno == EINTR) {
            var pollfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            _ = poll(&pollfd, 1, 100)
        } else {
            throw BenchError("send: errno \(errno)")
        }
    }
}
