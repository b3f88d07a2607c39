#if canImport(Glibc)
import Glibc
#endif
import Logging
import SystemdKit
import Testing

/// FDSTORE=1, inherited sockets and the choice of log handler. They set process-wide environment variables, so
/// they belong to the notifier's serialized suite. (Taking real inherited descriptors is checked in a child
/// process by the node manager's process tests: descriptor 3 of a test process is not ours to overwrite.)
extension SystemdNotifierTests {
    @Test func fdStoreSendsTheDescriptorWithItsName() throws {
        let socket = try NotifySocket()
        var pipeFDs: [Int32] = [0, 0]
        #expect(pipe(&pipeFDs) == 0)
        defer { close(pipeFDs[0]); close(pipeFDs[1]) }
        try withEnvironment(["NOTIFY_SOCKET": socket.path]) {
            try SystemdNotifier().storeFileDescriptors([pipeFDs[0]], name: "server.cil")
            try SystemdNotifier().removeStoredFileDescriptors(name: "server.cil")
            let error = #expect(throws: SystemdError.self) { try SystemdNotifier().storeFileDescriptors([pipeFDs[0]], name: "bad:name") }
            #expect(error?.errno == EINVAL)
        }
        #expect(socket.received() == ["FDSTORE=1\nFDNAME=server.cil", "FDSTOREREMOVE=1\nFDNAME=server.cil"])
    }

    @Test func socketsMeantForAnotherProcessAreNotTaken() throws {
        let sockets = try withEnvironment(["LISTEN_FDS": "1", "LISTEN_PID": "\(getpid() + 1)", "LISTEN_FDNAMES": "cil"]) {
            try InheritedSockets.take(unsetEnvironment: false)
        }
        #expect(sockets.isEmpty)
    }

    @Test func withoutListenFDsNothingIsInherited() throws {
        let sockets = try withEnvironment(["LISTEN_FDS": nil, "LISTEN_PID": nil]) { try InheritedSockets.take() }
        #expect(sockets == [])
    }

    @Test func outsideSystemdTheStreamHandlerIsChosen() {
        withEnvironment(["JOURNAL_STREAM": nil]) {
            #expect(!SystemdLogging.isStandardErrorJournal)
            #expect(SystemdLogging.makeHandler(label: "x", identifier: "x") is StreamLogHandler)
        }
        withEnvironment(["JOURNAL_STREAM": "1:2"]) {
            #expect(!SystemdLogging.isStandardErrorJournal)
        }
    }

    @Test func whenStandardErrorIsTheJournalStreamTheJournalHandlerIsChosen() {
        var status = stat()
        #expect(fstat(2, &status) == 0)
        withEnvironment(["JOURNAL_STREAM": "\(status.st_dev):\(status.st_ino)"]) {
            #expect(SystemdLogging.isStandardErrorJournal)
            #expect(SystemdLogging.makeHandler(label: "x", identifier: "x") is JournalLogHandler)
        }
    }
}
