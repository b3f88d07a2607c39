import Logging
import SystemdKit
import Synchronization
import Testing

/// Journal entries as fields, collected in memory.
struct JournalLogHandlerTests {
    final class Collector: Sendable {
        let entries = Mutex<[[(String, String)]]>([])
        func sink(_ fields: [(String, String)]) { entries.withLock { $0.append(fields) } }
        var last: [String: String] {
            entries.withLock { Dictionary($0.last ?? [], uniquingKeysWith: { first, _ in first }) }
        }
    }

    @Test func anEntryCarriesPriorityIdentifierSourceAndEachMetadataKey() {
        let collector = Collector()
        var logger = Logger(label: "ctios.server") {
            JournalLogHandler(label: $0, identifier: "ctios-server", metadata: ["node": "A"], sink: collector.sink)
        }
        logger.logLevel = .debug
        logger.warning("client cut off", metadata: ["client": "desk-17", "object.id": "agent.5000.1001"])
        let entry = collector.last
        #expect(entry["MESSAGE"] == "client cut off client=desk-17 node=A object.id=agent.5000.1001")
        #expect(entry["PRIORITY"] == "4")
        #expect(entry["SYSLOG_IDENTIFIER"] == "ctios-server")
        #expect(entry["LOGGER"] == "ctios.server")
        #expect(entry["NODE"] == "A" && entry["CLIENT"] == "desk-17" && entry["OBJECT_ID"] == "agent.5000.1001")
        #expect(entry["CODE_FILE"]?.hasSuffix("JournalLogHandlerTests.swift") == true)
        #expect(entry["CODE_LINE"].flatMap(Int.init) != nil)
    }

    @Test func levelsMapToSyslogPriorities() {
        #expect([Logger.Level.trace, .debug, .info, .notice, .warning, .error, .critical].map(JournalFields.priority)
            == [7, 7, 6, 5, 4, 3, 2])
    }

    @Test func metadataKeysBecomeValidFieldNamesThatNeverOverrideTheHandlers() {
        #expect(JournalFields.fieldName("admin.port") == "ADMIN_PORT")
        #expect(JournalFields.fieldName("_secret") == "SECRET")
        #expect(JournalFields.fieldName("priority") == "CTIOS_PRIORITY")
        #expect(JournalFields.fieldName("message") == "CTIOS_MESSAGE")
        #expect(JournalFields.fieldName("2fa") == "CTIOS_2FA")
        #expect(JournalFields.fieldName("") == "FIELD")
        #expect(JournalFields.fieldName(String(repeating: "k", count: 100)).count == 64)
    }
}
