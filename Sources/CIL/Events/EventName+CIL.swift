import CTIOSCore

// The CTI OS event names CTIOSCore does not name: the session's own events and the rest of Cisco's interfaces.
extension EventName {
    /// `OnConnection`.
    public static let onConnection: EventName = "OnConnection"
    /// `OnConnectionClosed`.
    public static let onConnectionClosed: EventName = "OnConnectionClosed"
    /// `OnConnectionFailure`.
    public static let onConnectionFailure: EventName = "OnConnectionFailure"
    /// `OnConnectionRejected`.
    public static let onConnectionRejected: EventName = "OnConnectionRejected"
    /// `OnCurrentAgentReset`.
    public static let onCurrentAgentReset: EventName = "OnCurrentAgentReset"
    /// `OnCurrentCallChanged`.
    public static let onCurrentCallChanged: EventName = "OnCurrentCallChanged"
    /// `OnHeartbeat`.
    public static let onHeartbeat: EventName = "OnHeartbeat"
    /// `OnMissingHeartbeat`.
    public static let onMissingHeartbeat: EventName = "OnMissingHeartbeat"
    /// `OnMonitorModeEstablished`.
    public static let onMonitorModeEstablished: EventName = "OnMonitorModeEstablished"
    /// `OnSessionRecovered`.
    public static let onSessionRecovered: EventName = "OnSessionRecovered"
    /// `OnAgentInfoEvent`.
    public static let onAgentInfoEvent: EventName = "OnAgentInfoEvent"
    /// `OnChatMessage`.
    public static let onChatMessage: EventName = "OnChatMessage"
    /// `OnPreLogout`.
    public static let onPreLogout: EventName = "OnPreLogout"
    /// `OnPostLogout`.
    public static let onPostLogout: EventName = "OnPostLogout"
    /// `OnLogoutFailed`.
    public static let onLogoutFailed: EventName = "OnLogoutFailed"
    /// `OnQueryAgentStateConf`.
    public static let onQueryAgentStateConf: EventName = "OnQueryAgentStateConf"
    /// `OnSetAgentModeEvent`.
    public static let onSetAgentModeEvent: EventName = "OnSetAgentModeEvent"
    /// `OnStartMonitoringAgent`.
    public static let onStartMonitoringAgent: EventName = "OnStartMonitoringAgent"
    /// `OnStopMonitoringAgent`.
    public static let onStopMonitoringAgent: EventName = "OnStopMonitoringAgent"
    /// `OnSupervisorButtonChange`.
    public static let onSupervisorButtonChange: EventName = "OnSupervisorButtonChange"
}
