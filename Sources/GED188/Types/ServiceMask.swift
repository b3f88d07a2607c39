/// The services a client asks for in OPEN_REQ (ServicesRequested) and is granted in OPEN_CONF.
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Session Management, ServicesRequested values.
public struct ServiceMask: GED188Mask {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let clientEvents = ServiceMask(rawValue: 0x1)
    public static let callDataUpdate = ServiceMask(rawValue: 0x2)
    public static let clientControl = ServiceMask(rawValue: 0x4)
    public static let connectionMonitor = ServiceMask(rawValue: 0x8)
    public static let allEvents = ServiceMask(rawValue: 0x10)
    public static let peripheralMonitor = ServiceMask(rawValue: 0x20)
    public static let clientMonitor = ServiceMask(rawValue: 0x40)
    public static let supervisor = ServiceMask(rawValue: 0x80)
    public static let server = ServiceMask(rawValue: 0x100)
    public static let agentReporting = ServiceMask(rawValue: 0x400)
    public static let allTaskEvents = ServiceMask(rawValue: 0x800)
    public static let taskMonitor = ServiceMask(rawValue: 0x1000)
    public static let agentStateControlOnly = ServiceMask(rawValue: 0x2000)
    public static let deviceStateControl = ServiceMask(rawValue: 0x8000)
    public static let updateEvents = ServiceMask(rawValue: 0x80000)
    public static let ignoreDuplicateAgentEvents = ServiceMask(rawValue: 0x100000)
    public static let ignoreConf = ServiceMask(rawValue: 0x200000)
    public static let acdLineOnly = ServiceMask(rawValue: 0x400000)
    public static let activeStandby = ServiceMask(rawValue: 0x2000000)
    public static let debug = ServiceMask(rawValue: 0x80000000)

    public static let knownNames: [(ServiceMask, String)] = [
        (.clientEvents, "CLIENT_EVENTS"),
        (.callDataUpdate, "CALL_DATA_UPDATE"),
        (.clientControl, "CLIENT_CONTROL"),
        (.connectionMonitor, "CONNECTION_MONITOR"),
        (.allEvents, "ALL_EVENTS"),
        (.peripheralMonitor, "PERIPHERAL_MONITOR"),
        (.clientMonitor, "CLIENT_MONITOR"),
        (.supervisor, "SUPERVISOR"),
        (.server, "SERVER"),
        (.agentReporting, "AGENT_REPORTING"),
        (.allTaskEvents, "ALL_TASK_EVENTS"),
        (.taskMonitor, "TASK_MONITOR"),
        (.agentStateControlOnly, "AGENT_STATE_CONTROL_ONLY"),
        (.deviceStateControl, "DEVICE_STATE_CONTROL"),
        (.updateEvents, "UPDATE_EVENTS"),
        (.ignoreDuplicateAgentEvents, "IGNORE_DUPLICATE_AGENT_EVENTS"),
        (.ignoreConf, "IGNORE_CONF"),
        (.acdLineOnly, "ACD_LINE_ONLY"),
        (.activeStandby, "ACTIVE_STANDBY"),
        (.debug, "DEBUG"),
    ]
}
