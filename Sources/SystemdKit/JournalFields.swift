public import Logging

/// How a log entry becomes journal fields (`systemd.journal-fields(7)`): pure, so it is tested without a journal.
public enum JournalFields {
    /// Fields the handler sets itself; metadata with one of these names goes in as `CTIOS_<NAME>` instead, so it
    /// never overrides them.
    public static let reserved: Set<String> = [
        "MESSAGE", "MESSAGE_ID", "PRIORITY", "CODE_FILE", "CODE_LINE", "CODE_FUNC", "ERRNO", "INVOCATION_ID",
        "USER_INVOCATION_ID", "SYSLOG_FACILITY", "SYSLOG_IDENTIFIER", "SYSLOG_PID", "SYSLOG_TIMESTAMP",
        "SYSLOG_RAW", "DOCUMENTATION", "TID", "UNIT", "USER_UNIT", "LOGGER", "SOURCE",
    ]

    /// The syslog priority of a level: trace and debug 7, info 6, notice 5, warning 4, error 3, critical 2.
    public static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// A metadata key as a journal field name: upper case, every character other than a letter or digit becomes
    /// `_`, at most 64 characters, never starting with `_` or a digit (`object.id` → `OBJECT_ID`,
    /// `admin.port` → `ADMIN_PORT`, `_x` → `X`). Reserved names get a `CTIOS_` prefix.
    public static func fieldName(_ key: String) -> String {
        var name = String(key.uppercased().map { ($0.isASCII && ($0.isLetter || $0.isNumber)) ? $0 : "_" })
        while name.hasPrefix("_") { name.removeFirst() }
        if name.isEmpty { name = "FIELD" }
        if name.first!.isNumber || reserved.contains(name) { name = "CTIOS_" + name }
        return String(name.prefix(64))
    }

    /// Every field of one entry, in order: `MESSAGE` (the message, then the metadata as `key=value` in key order,
    /// so `journalctl` shows it without `-o verbose`), `PRIORITY`, `SYSLOG_IDENTIFIER`, `LOGGER` (the logger's
    /// label), `CODE_FILE`, `CODE_LINE`, `CODE_FUNC`, then one field per metadata key.
    public static func fields(
        identifier: String, label: String, level: Logger.Level, message: Logger.Message,
        metadata: Logger.Metadata, file: String, function: String, line: UInt
    ) -> [(String, String)] {
        let sorted = metadata.sorted { $0.key < $1.key }
        var text = message.description
        for (key, value) in sorted { text += " \(key)=\(value)" }
        var fields: [(String, String)] = [
            ("MESSAGE", text),
            ("PRIORITY", String(priority(level))),
            ("SYSLOG_IDENTIFIER", identifier),
            ("LOGGER", label),
            ("CODE_FILE", file),
            ("CODE_LINE", String(line)),
            ("CODE_FUNC", function),
        ]
        for (key, value) in sorted { fields.append((fieldName(key), "\(value)")) }
        return fields
    }
}
