import SystemdKit
import Testing

/// Reading notification datagrams: what the node manager understands from its children.
struct NotifyParsingTests {
    @Test func everyKnownAssignmentReadsBackAsSent() {
        let states: [NotifyState] = [
            .ready, .status("catching up"), .stopping, .watchdog, .watchdogTrigger, .watchdogInterval(.seconds(3)),
            .extendTimeout(.milliseconds(2_500)), .mainPID(42), .errno(5), .fdStore, .fdStoreRemove, .fdName("server.cil"),
        ]
        #expect(NotifyState.parse(states.map(\.assignment).joined(separator: "\n")) == states)
    }

    @Test func oddLinesAreKeptAsUnknownAndEmptyLinesSkipped() {
        #expect(NotifyState.parse("READY=0\n\nWATCHDOG=2\nEXTEND_TIMEOUT_USEC=soon\nX-CUSTOM=1\nnonsense\n") == [
            .unknown("READY=0"), .unknown("WATCHDOG=2"), .unknown("EXTEND_TIMEOUT_USEC=soon"), .unknown("X-CUSTOM=1"),
            .unknown("nonsense"),
        ])
        #expect(NotifyState.parse("") == [])
    }

    @Test func keysNameEachAssignment() {
        #expect(NotifyState.parse("READY=1\nSTATUS=x\nFOO=bar").map(\.key) == ["READY", "STATUS", "FOO"])
    }

    @Test func fileDescriptorNamesAreChecked() {
        #expect(SystemdNotifier.isValidFileDescriptorName("server.cil"))
        #expect(!SystemdNotifier.isValidFileDescriptorName(""))
        #expect(!SystemdNotifier.isValidFileDescriptorName("a:b"))
        #expect(!SystemdNotifier.isValidFileDescriptorName("a b"))
        #expect(!SystemdNotifier.isValidFileDescriptorName(String(repeating: "x", count: 256)))
    }
}
