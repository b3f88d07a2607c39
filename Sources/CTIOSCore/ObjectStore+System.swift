import CTIOSWire
import GED188

// The CTI Server and the peripheral going offline and coming back: every button is disabled (DISABLE_ALL) while
// either is offline, and clients get OnCTIOSFailure (FailureCode eServerConnectionStatus, SystemEventID as in
// GED-188, SystemEventArg1 the peripheral).

extension ObjectStore {
    /// The CTI Server link went down (`false`) or came back (`true`): while it is down every agent and call object
    /// has ButtonEnablementMask DISABLE_ALL. Raises OnCTIOSFailure with SystemEventID SYS_CTI_SERVER_OFFLINE (7) or
    /// SYS_CTI_SERVER_ONLINE (8). Returns `nil` when the state did not change.
    public mutating func setCTIServerOnline(_ online: Bool) -> ChangeBatch? {
        if domainIsStale { rebuildDomain() }
        transaction.reset()
        guard online != ctiServerOnline else { return nil }
        ctiServerOnline = online
        transaction.refreshAllMasks = true
        raiseFailure(online ? .ctiServerOnline : .ctiServerOffline, message: online ? "CTI Server online" : "CTI Server offline")
        return commit()
    }

    mutating func applySystemEvent(_ event: SystemEvent) {
        switch event.systemEventID {
        case .peripheralOffline where isOurs(event.systemEventArg1):
            setPeripheralOnline(false)
        case .peripheralOnline where isOurs(event.systemEventArg1):
            setPeripheralOnline(true)
        case .peripheralGatewayOffline:
            setPeripheralOnline(false)
        case .ctiServerOffline where ctiServerOnline:
            ctiServerOnline = false
            transaction.refreshAllMasks = true
            raiseFailure(.ctiServerOffline, message: "CTI Server offline")
        case .ctiServerOnline where !ctiServerOnline:
            ctiServerOnline = true
            transaction.refreshAllMasks = true
            raiseFailure(.ctiServerOnline, message: "CTI Server online")
        default:
            return
        }
    }

    mutating func setPeripheralOnline(_ online: Bool) {
        guard online != peripheralOnline else { return }
        peripheralOnline = online
        transaction.refreshAllMasks = true
        raiseFailure(online ? .peripheralOnline : .peripheralOffline,
                     message: "peripheral \(configuration.peripheralID) \(online ? "online" : "offline")")
    }

    /// OnCTIOSFailure: a session event (no UniqueObjectID), for every client.
    mutating func raiseFailure(_ id: SystemEventID, message: String) {
        var arguments = Arguments()
        arguments[.failureCode] = .integer(CTIOSFailureCode.serverConnectionStatus)
        arguments[.systemEventID] = .integer(Int64(id.rawValue))
        arguments[Key.systemEventArg1] = .integer(Int64(configuration.peripheralID))
        arguments[.errorMessage] = .string(message)
        transaction.main.append(WireEvent(name: EventName.onCTIOSFailure.rawValue, arguments: arguments))
    }
}
