import Benchmark
import BenchmarkSamples
import CTIOSWire
import NIOCore

/// Encode and decode cost of the batches a CTI OS server sends most, and allocations per message.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .instructions],
        scalingFactor: .kilo,
        maxDuration: .seconds(5),
        maxIterations: 1_000_000
    )

    for (name, message) in [("agent state batch", SampleWireMessages.agentStateBatch),
                            ("call delivered batch", SampleWireMessages.callDeliveredBatch)] {
        let bytes = try! message.encoded()

        Benchmark("\(name) encode") { benchmark in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(2_048)
            for _ in benchmark.scaledIterations {
                buffer.clear()
                try! message.encode(into: &buffer)
                blackHole(buffer.readableBytes)
            }
        }

        Benchmark("\(name) decode") { benchmark in
            for _ in benchmark.scaledIterations {
                var buffer = bytes
                blackHole(try! WireMessage.decode(from: &buffer))
            }
        }
    }
}
