extension NotifyState {
    /// The largest datagram a service manager of ours reads; longer messages are truncated by the kernel.
    public static let maximumDatagramBytes = 4_096

    /// Reads the assignments of one notification datagram, one per line, in order.
    ///
    /// Empty lines are skipped. A line this type does not know, or a known key with a value out of range
    /// (`READY=0`, `EXTEND_TIMEOUT_USEC=soon`), comes back as ``unknown(_:)``, so a reader can log it by name and
    /// go on: nothing a child sends is fatal to the reader.
    public static func parse(_ datagram: String) -> [NotifyState] {
        datagram.split(separator: "\n", omittingEmptySubsequences: true).map { parse(line: $0) }
    }

    private static func parse(line: Substring) -> NotifyState {
        guard let equals = line.firstIndex(of: "=") else { return .unknown(String(line)) }
        let key = line[..<equals]
        let value = line[line.index(after: equals)...]
        switch key {
        case "READY": return value == "1" ? .ready : .unknown(String(line))
        case "STOPPING": return value == "1" ? .stopping : .unknown(String(line))
        case "STATUS": return .status(String(value))
        case "WATCHDOG":
            switch value {
            case "1": return .watchdog
            case "trigger": return .watchdogTrigger
            default: return .unknown(String(line))
            }
        case "WATCHDOG_USEC":
            guard let usec = UInt64(value), usec > 0, usec <= UInt64(Int64.max) else { return .unknown(String(line)) }
            return .watchdogInterval(.microseconds(Int64(usec)))
        case "EXTEND_TIMEOUT_USEC":
            guard let usec = UInt64(value), usec <= UInt64(Int64.max) else { return .unknown(String(line)) }
            return .extendTimeout(.microseconds(Int64(usec)))
        case "MAINPID":
            guard let pid = Int32(value), pid > 0 else { return .unknown(String(line)) }
            return .mainPID(pid)
        case "ERRNO":
            guard let number = Int32(value), number >= 0 else { return .unknown(String(line)) }
            return .errno(number)
        case "FDSTORE": return value == "1" ? .fdStore : .unknown(String(line))
        case "FDSTOREREMOVE": return value == "1" ? .fdStoreRemove : .unknown(String(line))
        case "FDNAME": return .fdName(String(value))
        default: return .unknown(String(line))
        }
    }

    /// The key of the assignment (`READY`, `WATCHDOG`, …), for logs; an unknown line gives its text up to `=`.
    public var key: String {
        String(assignment.prefix { $0 != "=" })
    }
}
