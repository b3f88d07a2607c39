import BenchmarkSamples
import CTIOSWire
import NIOCore

// Usage: WireProfile [agent-state|call-delivered] [encode|decode] [iterations]
// Encodes or decodes the sample batch `iterations` times and prints the time per message; run under
// `valgrind --tool=callgrind` to count instructions.
let arguments = CommandLine.arguments
let which = arguments.count > 1 ? arguments[1] : "agent-state"
let operation = arguments.count > 2 ? arguments[2] : "encode"
let iterations = arguments.count > 3 ? Int(arguments[3]) ?? 1_000_000 : 1_000_000

let message = which == "call-delivered" ? SampleWireMessages.callDeliveredBatch : SampleWireMessages.agentStateBatch
let bytes = try message.encoded()
var buffer = ByteBuffer()
buffer.reserveCapacity(4_096)
var checksum = 0
let clock = ContinuousClock()
let start = clock.now
for _ in 0 ..< iterations {
    if operation == "decode" {
        var input = bytes
        if case .batch(let batch)? = try WireMessage.decode(from: &input) { checksum &+= batch.changes.count }
    } else {
        buffer.clear()
        try message.encode(into: &buffer)
        checksum &+= buffer.readableBytes
    }
}
let elapsed = clock.now - start
let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
if iterations > 0 {
    print("\(operation) \(which) (\(bytes.readableBytes) bytes): \(Int(nanoseconds / Double(iterations))) ns per message over \(iterations) (checksum \(checksum))")
}
