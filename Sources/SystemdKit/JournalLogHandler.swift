public import Logging
import CSystemd
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A swift-log handler that writes structured entries to the systemd journal (`sd_journal_sendv(3)`): priority,
/// identifier, the logger's label and source location, and each metadata key as its own field (`node` → `NODE`,
/// `object.id` → `OBJECT_ID`, `client` → `CLIENT`; see ``JournalFields``), so
/// `journalctl -u ctios-nodemgr CHILD=server` finds one child's entries.
///
/// When the journal socket is missing, entries are dropped silently (libsystemd's behaviour); use
/// ``SystemdLogging/makeHandler(label:identifier:metadata:)`` to get this handler only when the process runs under
/// systemd.
public struct JournalLogHandler: LogHandler {
    /// Where entries go: the journal, or a test's collector.
    public typealias Sink = @Sendable (_ fields: [(String, String)]) -> Void

    /// The `SYSLOG_IDENTIFIER` of every entry (`ctios-nodemgr`, `ctios-server`).
    public let identifier: String
    /// The logger's label, written as `LOGGER`.
    public let label: String
    /// This handler's metadata, merged under each entry's own.
    public var metadata: Logger.Metadata
    /// Adds contextual metadata to each entry.
    public var metadataProvider: Logger.MetadataProvider?
    /// The lowest level written.
    public var logLevel: Logger.Level = .info
    private let sink: Sink

    /// A handler writing to the journal, or to `sink` (tests).
    public init(label: String, identifier: String, metadata: Logger.Metadata = [:],
                metadataProvider: Logger.MetadataProvider? = nil, sink: Sink? = nil) {
        self.label = label
        self.identifier = identifier
        self.metadata = metadata
        self.metadataProvider = metadataProvider
        self.sink = sink ?? JournalLogHandler.send
    }

    /// Writes one entry.
    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        if let error = event.error { merged["error"] = "\(error)" }
        sink(JournalFields.fields(identifier: identifier, label: label, level: event.level, message: event.message,
                                  metadata: merged, file: event.file, function: event.function, line: event.line))
    }

    /// One metadata value.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Sends the fields with `sd_journal_sendv`.
    static func send(_ fields: [(String, String)]) {
        let entries = fields.map { Array("\($0.0)=\($0.1)".utf8) }
        let total = entries.reduce(0) { $0 + $1.count }
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(total, 1), alignment: 1)
        let vectors = UnsafeMutableBufferPointer<iovec>.allocate(capacity: entries.count)
        defer {
            storage.deallocate()
            vectors.deallocate()
        }
        var offset = 0
        for (index, entry) in entries.enumerated() {
            let base = storage.baseAddress! + offset
            entry.withUnsafeBytes { base.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            vectors[index] = iovec(iov_base: base, iov_len: entry.count)
            offset += entry.count
        }
        _ = sd_journal_sendv(vectors.baseAddress, Int32(entries.count))
    }
}

/// Chooses how a process logs: to the journal when its standard error is the journal (it runs under systemd, or
/// under `ctios nodemgr` run by systemd), else to standard error.
public enum SystemdLogging {
    /// Whether standard error is connected to the journal: `JOURNAL_STREAM` (set by systemd) names the device and
    /// inode of standard error (`systemd.exec(5)`).
    public static var isStandardErrorJournal: Bool {
        guard let value = getenv("JOURNAL_STREAM").map({ String(cString: $0) }) else { return false }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var status = stat()
        guard fstat(2, &status) == 0 else { return false }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
    }

    /// A journal handler when standard error is the journal (``isStandardErrorJournal``), else a stream handler
    /// on standard error.
    ///
    /// - Parameters:
    ///   - label: the logger's label.
    ///   - identifier: the journal's `SYSLOG_IDENTIFIER` (`ctios-nodemgr`).
    ///   - metadata: fields every entry carries (the node, the child's name under the node manager).
    public static func makeHandler(label: String, identifier: String, metadata: Logger.Metadata = [:]) -> any LogHandler {
        if isStandardErrorJournal {
            return JournalLogHandler(label: label, identifier: identifier, metadata: metadata)
        }
        var handler = StreamLogHandler.standardError(label: label)
        handler.metadata = metadata
        return handler
    }
}
