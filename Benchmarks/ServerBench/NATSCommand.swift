import ArgumentParser
import Foundation
import Glibc

/// `ServerBench nats`: the peer for scale. A `nats-server` fans one publisher's messages out to N subscribers,
/// read by the same frame-splitting readers as the object server's clients; deliveries per second.
///
/// The publisher keeps at most `window` messages per subscriber in flight (published × subscribers − delivered),
/// so that NATS never cuts a subscriber as a slow consumer: the figure is what the server and the readers sustain
/// together, as for the object server.
struct NATSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nats",
        abstract: "Fan messages out through nats-server to N subscribers; print deliveries/s as JSON.")

    @Option(help: "nats-server's client port on 127.0.0.1.") var port = 54222
    @Option(help: "Subscribers.") var subscribers = 1_000
    @Option(help: "Payload bytes per message.") var size = 200
    @Option(help: "Seconds of publishing before measuring.") var warmUp = 3.0
    @Option(help: "Seconds to measure.") var seconds = 10.0
    @Option(help: "Messages per subscriber in flight at most.") var window = 2_000

    func run() async throws {
        let pool = FrameReaders(kind: .nats, capacity: subscribers)
        pool.start()
        defer { pool.stop() }
        let handshake = Array("CONNECT {\"verbose\":false,\"pedantic\":false}\r\nSUB bench 1\r\n".utf8)
        for _ in 0..<subscribers { _ = try pool.connect(port: port, handshake: handshake) }
        // Every SUB is in before the first PUB: a round trip on each connection would prove it; a pause does here.
        try await Task.sleep(for: .seconds(1))

        let publisher = FrameReaders(kind: .nats, capacity: 1)
        publisher.start()
        defer { publisher.stop() }
        let index = try publisher.connect(port: port, handshake: Array("CONNECT {\"verbose\":false,\"pedantic\":false}\r\n".utf8))
        let payload = [UInt8](repeating: UInt8(ascii: "x"), count: size)
        let message = Array("PUB bench \(size)\r\n".utf8) + payload + Array("\r\n".utf8)
        let perWrite = 64
        let chunk = Array((0..<perWrite).map { _ in message }.joined())

        var published: UInt64 = 0
        var before: (time: UInt64, deliveries: UInt64)?
        let start = monotonicNanoseconds()
        let fanout = UInt64(subscribers)
        while true {
            let now = monotonicNanoseconds()
            if before == nil && now - start >= UInt64(warmUp * 1e9) {
                before = (now, pool.totalDeliveries.load(ordering: .relaxed))
            }
            if let before, now - before.time >= UInt64(seconds * 1e9) { break }
            let delivered = pool.totalDeliveries.load(ordering: .relaxed)
            if published * fanout - delivered < UInt64(window) * fanout {
                try publisher.write(chunk, to: index)
                published += UInt64(perWrite)
            } else {
                usleep(50)
            }
        }
        let end = (time: monotonicNanoseconds(), deliveries: pool.totalDeliveries.load(ordering: .relaxed))
        let elapsed = Double(end.time - before!.time) / 1e9
        let rate = Double(end.deliveries - before!.deliveries) / elapsed
        let perSubscriber = pool.deliveries.prefix(pool.count)
        let result: [String: Any] = [
            "subscribers": subscribers, "payloadBytes": size, "seconds": elapsed,
            "deliveriesPerSecond": rate.rounded(),
            "messagesPublishedPerSecond": (rate / Double(subscribers)).rounded(),
            "subscribersClosed": pool.totalClosed.load(ordering: .relaxed),
            "minimumPerSubscriber": perSubscriber.min() ?? 0, "maximumPerSubscriber": perSubscriber.max() ?? 0,
            "loadAverage": loadAverage(),
        ]
        let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }
}
