/// Which configuration a client wants (OPEN_REQ ConfigMsgMask; CONFIG_REQUEST_EVENT and CONFIG_BEGIN_EVENT ConfigInformation).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Session Management (OPEN_REQ) and Application Level Interfaces (CONFIG_REQUEST_EVENT).
public struct ConfigMessageMask: GED188Mask {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let service = ConfigMessageMask(rawValue: 0x1)
    public static let skillGroup = ConfigMessageMask(rawValue: 0x2)
    public static let agent = ConfigMessageMask(rawValue: 0x4)
    public static let device = ConfigMessageMask(rawValue: 0x8)
    public static let callType = ConfigMessageMask(rawValue: 0x10)
    public static let mediaRoutingDomain = ConfigMessageMask(rawValue: 0x20)
    public static let peripheral = ConfigMessageMask(rawValue: 0x40)
    public static let agentDeskSettings = ConfigMessageMask(rawValue: 0x80)
    public static let agentService = ConfigMessageMask(rawValue: 0x200)

    public static let knownNames: [(ConfigMessageMask, String)] = [
        (.service, "SERVICE"),
        (.skillGroup, "SKILL_GROUP"),
        (.agent, "AGENT"),
        (.device, "DEVICE"),
        (.callType, "CALL_TYPE"),
        (.mediaRoutingDomain, "MEDIA_ROUTING_DOMAIN"),
        (.peripheral, "PERIPHERAL"),
        (.agentDeskSettings, "AGENT_DESK_SETTINGS"),
        (.agentService, "AGENT_SERVICE"),
    ]
}
