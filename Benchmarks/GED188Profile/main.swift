import BenchmarkSamples
import GED188
import NIOCore

// Usage: GED188Profile [agent-state|call-delivered] [iterations]
// Decodes the sample message `iterations` times; run under `valgrind --tool=callgrind` to see where time goes.
let arguments = CommandLine.arguments
let which = arguments.count > 1 ? arguments[1] : "agent-state"
let iterations = arguments.count > 2 ? Int(arguments[2]) ?? 100_000 : 100_000

let message: GED188Message = which == "call-delivered"
    ? .callDeliveredEvent(SampleMessages.callDeliveredEvent) : .agentStateEvent(SampleMessages.agentStateEvent)
let bytes = try message.encoded()
var checksum = 0
for _ in 0..<iterations {
    var buffer = bytes
    if case .agentStateEvent(let event)? = try GED188Message.decode(from: &buffer) {
        checksum &+= Int(event.stateDuration)
    } else {
        checksum &+= 1
    }
}
print("decoded \(iterations) \(which) messages (checksum \(checksum))")
