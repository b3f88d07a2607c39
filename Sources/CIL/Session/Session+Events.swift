// Events two ways: an AsyncSequence per consumer, and listeners.

extension Session {
    /// A stream of every event the session raises from now on, in order (Cisco's events as ``CILEvent``s).
    ///
    /// Each call makes a new stream; every stream gets every event. A stream ends when the session is disconnected,
    /// or when the consumer stops iterating. A consumer that falls more than `bufferingLimit` events behind ends the
    /// stream with ``CILError/Code/slowConsumer`` rather than lose an event silently.
    public func events(bufferingLimit: Int = 100_000) -> AsyncThrowingStream<CILEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream<CILEvent, any Error>.makeStream(
            bufferingPolicy: .bufferingOldest(max(1, bufferingLimit)))
        let id = shared.withLockedValue { shared -> UInt64 in
            shared.nextStream += 1
            shared.streams[shared.nextStream] = continuation
            return shared.nextStream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.shared.withLockedValue { $0.streams.removeValue(forKey: id) }
        }
        return stream
    }

    /// Adds a listener (Cisco's `AddEventListener`): it gets the events of every listener protocol it conforms to
    /// (``SessionEvents``, ``AgentEvents``, ``CallEvents``, ``SkillGroupEvents``, ``ButtonEnablementEvents``,
    /// ``MonitoredAgentEvents``, ``MonitoredCallEvents``, ``GenericEvents``, or ``AllInOne``), from the next event
    /// on. Adding the same listener twice changes nothing. The session keeps a strong reference until
    /// ``removeEventListener(_:)``.
    public func addEventListener(_ listener: any EventListener) {
        shared.withLockedValue { $0.listeners.add(listener) }
    }

    /// Removes a listener (Cisco's `RemoveEventListener`): it gets no event after the one being raised now.
    public func removeEventListener(_ listener: any EventListener) {
        shared.withLockedValue { $0.listeners.remove(listener) }
    }
}
