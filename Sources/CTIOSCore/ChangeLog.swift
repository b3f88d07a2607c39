import CTIOSWire

/// The recent batches, bounded by count and by encoded size, so a client resuming from (epoch, sequence) gets only
/// what it missed.
struct ChangeLog: Sendable {
    /// The batches kept, oldest first, from `head`.
    private var batches: [ChangeBatch] = []
    private var sizes: [Int] = []
    private var head = 0
    private(set) var totalBytes = 0
    /// The point just before the first batch kept: the last batch dropped, or where the history started.
    private(set) var base: (epoch: UInt64, sequence: UInt64)
    let maximumBatches: Int
    let maximumBytes: Int

    init(base: (epoch: UInt64, sequence: UInt64), maximumBatches: Int, maximumBytes: Int) {
        self.base = base
        self.maximumBatches = maximumBatches
        self.maximumBytes = maximumBytes
    }

    var count: Int { batches.count - head }

    /// The stamp of the newest batch, or the base when none is kept.
    var last: (epoch: UInt64, sequence: UInt64) {
        if let batch = batches.last, head < batches.count { return (batch.epoch, batch.sequence) }
        return base
    }

    var first: ChangeBatch? { head < batches.count ? batches[head] : nil }

    mutating func append(_ batch: ChangeBatch) {
        let size = batch.estimatedEncodedSize
        batches.append(batch)
        sizes.append(size)
        totalBytes += size
        while count > 0, count > maximumBatches || totalBytes > maximumBytes {
            let dropped = batches[head]
            totalBytes -= sizes[head]
            base = (dropped.epoch, dropped.sequence)
            head += 1
        }
        if head > 1_024, head * 2 > batches.count {
            batches.removeFirst(head)
            sizes.removeFirst(head)
            head = 0
        }
    }

    /// The batches after (epoch, sequence), or `nil` when that point is not on this history.
    func batches(after epoch: UInt64, sequence: UInt64) -> [ChangeBatch]? {
        let last = last
        if epoch == last.epoch, sequence == last.sequence { return [] }
        if epoch == base.epoch, sequence == base.sequence { return Array(batches[head...]) }
        guard let first, sequence >= first.sequence, sequence <= last.sequence else { return nil }
        let index = head + Int(sequence - first.sequence)
        guard batches[index].sequence == sequence, batches[index].epoch == epoch else { return nil }
        return Array(batches[(index + 1)...])
    }
}

extension ChangeBatch {
    /// An estimate of the bytes this batch takes encoded (keys and values as text, with a few bytes of framing per
    /// item); the backlog's size bound uses it.
    public var estimatedEncodedSize: Int {
        var size = 24
        for event in events { size += 4 + event.name.utf8.count + event.arguments.estimatedEncodedSize }
        for change in changes {
            size += 4 + change.objectID.utf8.count
            switch change {
            case .created(_, let properties): size += properties.estimatedEncodedSize
            case .updated(_, let properties, let removed):
                size += properties.estimatedEncodedSize + removed.reduce(0) { $0 + 2 + $1.utf8.count }
            case .deleted: break
            }
        }
        return size
    }
}

extension Arguments {
    /// An estimate of the bytes these arguments take encoded.
    public var estimatedEncodedSize: Int {
        var size = 2
        for (key, value) in self { size += 2 + key.utf8.count + value.estimatedEncodedSize }
        return size
    }
}

extension ArgumentValue {
    /// An estimate of the bytes this value takes encoded.
    public var estimatedEncodedSize: Int {
        switch self {
        case .integer: 9
        case .boolean: 2
        case .string(let text): 3 + text.utf8.count
        case .arguments(let nested): 1 + nested.estimatedEncodedSize
        case .array(let values): values.reduce(3) { $0 + $1.estimatedEncodedSize }
        }
    }
}
