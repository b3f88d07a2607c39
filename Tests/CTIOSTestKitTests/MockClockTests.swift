import CTIOSTestKit
import Testing

/// The mock clock: time moves only when the test moves it, and a sleeper wakes exactly at its deadline.
struct MockClockTests {
    @Test func aSleeperWakesExactlyAtItsDeadline() async throws {
        let clock = MockClock()
        let deadline = clock.now.advanced(by: .seconds(5))
        try await withThrowingTaskGroup(of: MockClock.Instant.self) { group in
            group.addTask {
                try await clock.sleep(until: deadline)
                return clock.now
            }
            await clock.waitForSleepers(1)
            clock.advance(by: .seconds(5) - .nanoseconds(1))
            #expect(clock.sleeperCount == 1, "one nanosecond early wakes nothing")
            clock.advance(by: .nanoseconds(1))
            let woke = try await group.next()
            #expect(woke == deadline)
            #expect(clock.sleeperCount == 0)
        }
    }

    @Test func sleepersWakeInDeadlineOrder() async throws {
        let clock = MockClock()
        let order = try await withThrowingTaskGroup(of: Int.self) { group in
            for (index, seconds) in [3, 1, 2].enumerated() {
                group.addTask {
                    try await clock.sleep(until: clock.now.advanced(by: .seconds(seconds)))
                    return index
                }
                await clock.waitForSleepers(index + 1)
            }
            #expect(clock.nextDeadline == MockClock.Instant(offset: .seconds(1)))
            var order: [Int] = []
            while clock.advanceToNextDeadline() {
                if let index = try await group.next() { order.append(index) }
            }
            return order
        }
        #expect(order == [1, 2, 0])
        #expect(clock.now == MockClock.Instant(offset: .seconds(3)))
    }

    @Test func advancingPastSeveralDeadlinesWakesThemAll() async throws {
        let clock = MockClock()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for seconds in 1...4 {
                group.addTask { try await clock.sleep(for: .seconds(seconds)) }
            }
            await clock.waitForSleepers(4)
            clock.advance(by: .seconds(10))
            try await group.waitForAll()
        }
        #expect(clock.now.offset == .seconds(10))
    }

    @Test func aPastDeadlineReturnsAtOnce() async throws {
        let clock = MockClock()
        clock.advance(by: .seconds(1))
        try await clock.sleep(until: MockClock.Instant(offset: .milliseconds(500)))
        try await clock.sleep(for: .zero)
        #expect(clock.sleeperCount == 0)
    }

    @Test func cancellingASleeperEndsItsSleep() async throws {
        let clock = MockClock()
        let sleeper = Task { try await clock.sleep(for: .seconds(60)) }
        await clock.waitForSleepers(1)
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.sleeperCount == 0)
        #expect(clock.now.offset == .zero)
    }

    @Test func itIsAClockForCodeGenericOverClocks() async throws {
        func tick<C: Clock>(_ clock: C, every interval: C.Duration, times: Int, _ record: @Sendable () async -> Void)
            async throws {
            for _ in 0..<times {
                try await clock.sleep(for: interval)
                await record()
            }
        }
        let clock = MockClock()
        let ticks = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await tick(clock, every: .seconds(1), times: 3) { await ticks.increment() } }
            for expected in 1...3 {
                // The ticker sleeps again only after it recorded the previous tick.
                await clock.waitForSleepers(1)
                #expect(await ticks.value == expected - 1)
                clock.advance(by: .seconds(1))
            }
            try await group.waitForAll()
        }
        #expect(await ticks.value == 3)
    }

    @Test func seededRandomComesWithTheKit() {
        var first = SeededRandom(seed: 42), second = SeededRandom(seed: 42)
        #expect((0..<5).map { _ in first.next() } == (0..<5).map { _ in second.next() })
    }
}

/// A counter shared with a task.
actor Counter {
    private(set) var value = 0
    func increment() { value += 1 }
}
