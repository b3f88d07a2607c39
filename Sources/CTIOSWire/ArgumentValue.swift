/// One value in an ``Arguments`` set: what CTI OS calls an argument's value.
public enum ArgumentValue: Hashable, Sendable {
    case integer(Int64)
    case string(String)
    case boolean(Bool)
    /// A nested key-value set (CTI OS's nested Arguments).
    case arguments(Arguments)
    /// An ordered list of values.
    case array([ArgumentValue])

    public var integer: Int64? { if case .integer(let value) = self { value } else { nil } }
    public var string: String? { if case .string(let value) = self { value } else { nil } }
    public var boolean: Bool? { if case .boolean(let value) = self { value } else { nil } }
    public var arguments: Arguments? { if case .arguments(let value) = self { value } else { nil } }
    public var array: [ArgumentValue]? { if case .array(let value) = self { value } else { nil } }
}

extension ArgumentValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
}

extension ArgumentValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .integer(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .boolean(let value): value ? "true" : "false"
        case .arguments(let value): value.description
        case .array(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        }
    }
}
