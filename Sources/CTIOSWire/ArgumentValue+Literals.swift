extension ArgumentValue: ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    /// `[1, "x", true]` is an array value.
    public init(arrayLiteral elements: ArgumentValue...) { self = .array(elements) }

    /// `["key": 1]` is a nested Arguments value.
    public init(dictionaryLiteral elements: (String, ArgumentValue)...) {
        var arguments = Arguments()
        for (key, value) in elements { arguments.setValue(value, for: key) }
        self = .arguments(arguments)
    }
}
