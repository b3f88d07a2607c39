import Benchmark
import BenchmarkSamples
import GED188
import NIOCore

/// Decode and encode throughput of the two messages a CTI OS server sees most, and allocations per message.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .instructions],
        scalingFactor: .kilo,
        maxDuration: .seconds(5),
        maxIterations: 1_000_000
    )

    let agentState = SampleMessages.agentStateEvent
    let delivered = SampleMessages.callDeliveredEvent
    let agentStateBytes = try! agentState.encoded()
    let deliveredBytes = try! delivered.encoded()

    Benchmark("AGENT_STATE_EVENT decode") { benchmark in
        for _ in benchmark.scaledIterations {
            var buffer = agentStateBytes
            blackHole(try! GED188Message.decode(from: &buffer))
        }
    }

    Benchmark("AGENT_STATE_EVENT encode") { benchmark in
        var buffer = ByteBuffer()
        buffer.reserveCapacity(512)
        for _ in benchmark.scaledIterations {
            buffer.clear()
            try! agentState.encode(into: &buffer)
            blackHole(buffer.readableBytes)
        }
    }

    Benchmark("CALL_DELIVERED_EVENT decode") { benchmark in
        for _ in benchmark.scaledIterations {
            var buffer = deliveredBytes
            blackHole(try! GED188Message.decode(from: &buffer))
        }
    }

    Benchmark("CALL_DELIVERED_EVENT encode") { benchmark in
        var buffer = ByteBuffer()
        buffer.reserveCapacity(2_048)
        for _ in benchmark.scaledIterations {
            buffer.clear()
            try! delivered.encode(into: &buffer)
            blackHole(buffer.readableBytes)
        }
    }
}
