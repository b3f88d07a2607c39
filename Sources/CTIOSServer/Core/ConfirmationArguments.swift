import CTIOSWire
import GED188

/// A CTI Server confirmation as the `Arguments` of a request's answer, and a refusal as a `RequestFailure`.
enum ConfirmationArguments {
    /// The confirmation's fields, named as the guide names them (`NewConnectionCallID`, …), plus `Confirmation`
    /// with the message's name. Only values of simple types are copied.
    static func make(_ message: GED188Message) -> Arguments {
        var arguments: Arguments = ["Confirmation": .string(message.type.name ?? "\(message.type.rawValue)")]
        guard let body = message.body else { return arguments }
        for child in Mirror(reflecting: body).children {
            guard let label = child.label, label != "unknownFields", label != "invokeID",
                  let value = argumentValue(child.value) else { continue }
            arguments.setValue(value, for: label.prefix(1).uppercased() + label.dropFirst())
        }
        return arguments
    }

    private static func argumentValue(_ value: Any) -> ArgumentValue? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            // `.some(x)` has one child, `.none` none.
            return mirror.children.first.flatMap { argumentValue($0.value) }
        }
        switch value {
        case let value as String: return .string(value)
        case let value as UInt32: return .integer(Int64(value))
        case let value as Int32: return .integer(Int64(value))
        case let value as UInt16: return .integer(Int64(value))
        case let value as Int16: return .integer(Int64(value))
        case let value as UInt8: return .integer(Int64(value))
        case let value as Int64: return .integer(value)
        case let value as Bool: return .boolean(value)
        case let value as any GED188Enumeration: return enumValue(value)
        default: return nil
        }
    }

    private static func enumValue(_ value: some GED188Enumeration) -> ArgumentValue {
        .integer(Int64(value.rawValue))
    }

    /// CONTROL_FAILURE_CONF or FAILURE_CONF as the request's failure, with the CTI Server's code.
    static func failure(_ message: GED188Message, method: String) -> RequestFailure {
        switch message {
        case .controlFailureConf(let failure):
            return RequestFailure(code: RequestFailure.StandardCode.ctiFailure,
                                  reason: "the CTI Server refused \(method): \(failure.failureCode)",
                                  ctiFailureCode: UInt32(failure.failureCode.rawValue))
        case .failureConf(let failure):
            return RequestFailure(code: RequestFailure.StandardCode.ctiFailure,
                                  reason: "the CTI Server refused \(method): \(failure.status)",
                                  ctiFailureCode: failure.status.rawValue)
        default:
            return RequestFailure(code: RequestFailure.StandardCode.ctiFailure,
                                  reason: "the CTI Server answered \(method) with \(message.type.name ?? "?")")
        }
    }
}
