import CTIOSWire

extension ObjectStore {
    /// A store built from a peer's state transfer: its objects at (epoch, sequence) and its backlog (the batches
    /// after `backlogBase`, oldest first, the last one at or before `sequence`), so that clients that resume from a
    /// point of the peer's history get only what they missed here too.
    public init(configuration: Configuration = Configuration(), objects: [UniqueObjectID: Arguments],
                epoch: UInt64, sequence: UInt64, backlog: [ChangeBatch], backlogBase: LogPosition) {
        self.init(configuration: configuration, objects: objects, epoch: epoch, sequence: sequence)
        log = ChangeLog(base: (backlogBase.epoch, backlogBase.sequence),
                        maximumBatches: configuration.backlogMaximumBatches, maximumBytes: configuration.backlogMaximumBytes)
        for batch in backlog { log.append(batch) }
        if backlog.isEmpty {
            log = ChangeLog(base: (epoch, sequence), maximumBatches: configuration.backlogMaximumBatches,
                            maximumBytes: configuration.backlogMaximumBytes)
        }
    }

    /// The backlog's batches, oldest first (for a state transfer).
    public var backlog: [ChangeBatch] { log.batches(after: log.base.epoch, sequence: log.base.sequence) ?? [] }
}
