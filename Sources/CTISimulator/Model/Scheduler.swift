import HeapModule

/// Actions due at a model time, taken in time order; actions due at the same time keep the order they were
/// scheduled in, so a run is deterministic.
struct Scheduler<Action: Sendable>: Sendable {
    private struct Item: Comparable, Sendable {
        var time: Duration
        var sequence: UInt64
        var action: Action

        static func < (lhs: Item, rhs: Item) -> Bool {
            (lhs.time, lhs.sequence) < (rhs.time, rhs.sequence)
        }

        static func == (lhs: Item, rhs: Item) -> Bool {
            lhs.time == rhs.time && lhs.sequence == rhs.sequence
        }
    }

    private var heap = Heap<Item>()
    private var sequence: UInt64 = 0

    mutating func schedule(_ action: Action, at time: Duration) {
        sequence += 1
        heap.insert(Item(time: time, sequence: sequence, action: action))
    }

    /// The time of the next action, if any.
    var nextTime: Duration? { heap.min?.time }

    /// Removes and returns the next action due at or before `time`.
    mutating func popDue(atOrBefore time: Duration) -> (time: Duration, action: Action)? {
        guard let next = heap.min, next.time <= time else { return nil }
        let item = heap.removeMin()
        return (item.time, item.action)
    }

    var count: Int { heap.count }
}
