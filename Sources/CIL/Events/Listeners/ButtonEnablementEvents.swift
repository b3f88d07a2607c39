/// Cisco's `IButtonEnablementEvents`: which buttons an agent desktop may enable, for the session's agent and its calls.
///
/// Every method has an empty default implementation (Cisco's event adapter classes), so a listener implements
/// only what it uses. Methods run on the session's event thread, one at a time and in order, each after the
/// cache holds the objects as they are after the event: do not block in them.
public protocol ButtonEnablementEvents: EventListener {
    /// `OnButtonEnablementChange`: which buttons the desktop may enable changed: `ButtonEnablementMask` (see ``ButtonMask``) of the object in `UniqueObjectID`.
    func onButtonEnablementChange(_ event: CILEvent)
}

extension ButtonEnablementEvents {
    /// Does nothing.
    public func onButtonEnablementChange(_ event: CILEvent) {}
}

extension ButtonEnablementEvents {
    /// Calls the method for the event's kind; `false` when this protocol has none.
    func dispatchButtonEnablementEvents(_ kind: EventKind, _ event: CILEvent) -> Bool {
        switch kind {
        case .buttonEnablementChange: onButtonEnablementChange(event)
        default: return false
        }
        return true
    }
}
