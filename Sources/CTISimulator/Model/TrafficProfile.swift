/// How the traffic generator drives the agents that are not reserved: call arrivals, handle and wrap-up times,
/// and agent behaviour. Every time is drawn from the model's seeded random source, so a seed replays a run.
public struct TrafficProfile: Codable, Hashable, Sendable {
    /// Inbound calls per second over all traffic dialed numbers (Poisson arrivals); 0 stops new traffic.
    public var callsPerSecond: Double
    /// Mean talk time of a traffic call, seconds (exponential).
    public var meanHandleSeconds: Double
    /// Mean wrap-up (work ready) time after a traffic call, seconds (exponential); 0 for none.
    public var meanWrapUpSeconds: Double
    /// Traffic agents answer a ringing call after a delay drawn uniformly between these, seconds.
    public var minimumAnswerSeconds: Double
    public var maximumAnswerSeconds: Double
    /// After wrap-up, a traffic agent goes Not Ready (reason code 1, break) with this probability.
    public var notReadyProbability: Double
    /// Mean length of such a break, seconds (exponential).
    public var meanNotReadySeconds: Double
    /// A call ringing this long unanswered goes back to its queue and the agent goes Not Ready (RONA), seconds.
    public var ringNoAnswerSeconds: Double
    /// An outbound call to an external number is answered after this long, seconds.
    public var externalAnswerSeconds: Double

    public init(
        callsPerSecond: Double = 0.5,
        meanHandleSeconds: Double = 20,
        meanWrapUpSeconds: Double = 3,
        minimumAnswerSeconds: Double = 0.5,
        maximumAnswerSeconds: Double = 2,
        notReadyProbability: Double = 0.05,
        meanNotReadySeconds: Double = 15,
        ringNoAnswerSeconds: Double = 15,
        externalAnswerSeconds: Double = 2
    ) {
        self.callsPerSecond = callsPerSecond
        self.meanHandleSeconds = meanHandleSeconds
        self.meanWrapUpSeconds = meanWrapUpSeconds
        self.minimumAnswerSeconds = minimumAnswerSeconds
        self.maximumAnswerSeconds = maximumAnswerSeconds
        self.notReadyProbability = notReadyProbability
        self.meanNotReadySeconds = meanNotReadySeconds
        self.ringNoAnswerSeconds = ringNoAnswerSeconds
        self.externalAnswerSeconds = externalAnswerSeconds
    }

    /// The gentle default of `ctios sim`.
    public static let gentle = TrafficProfile()

    /// No generated traffic: only requests and the admin API change the model.
    public static let none = TrafficProfile(callsPerSecond: 0)

    private enum CodingKeys: String, CodingKey {
        case callsPerSecond, meanHandleSeconds, meanWrapUpSeconds, minimumAnswerSeconds, maximumAnswerSeconds
        case notReadyProbability, meanNotReadySeconds, ringNoAnswerSeconds, externalAnswerSeconds
    }

    /// Every key may be left out; it then takes the gentle default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = TrafficProfile()
        callsPerSecond = try c.decodeIfPresent(Double.self, forKey: .callsPerSecond) ?? d.callsPerSecond
        meanHandleSeconds = try c.decodeIfPresent(Double.self, forKey: .meanHandleSeconds) ?? d.meanHandleSeconds
        meanWrapUpSeconds = try c.decodeIfPresent(Double.self, forKey: .meanWrapUpSeconds) ?? d.meanWrapUpSeconds
        minimumAnswerSeconds = try c.decodeIfPresent(Double.self, forKey: .minimumAnswerSeconds) ?? d.minimumAnswerSeconds
        maximumAnswerSeconds = try c.decodeIfPresent(Double.self, forKey: .maximumAnswerSeconds) ?? d.maximumAnswerSeconds
        notReadyProbability = try c.decodeIfPresent(Double.self, forKey: .notReadyProbability) ?? d.notReadyProbability
        meanNotReadySeconds = try c.decodeIfPresent(Double.self, forKey: .meanNotReadySeconds) ?? d.meanNotReadySeconds
        ringNoAnswerSeconds = try c.decodeIfPresent(Double.self, forKey: .ringNoAnswerSeconds) ?? d.ringNoAnswerSeconds
        externalAnswerSeconds = try c.decodeIfPresent(Double.self, forKey: .externalAnswerSeconds) ?? d.externalAnswerSeconds
        try validate(codingPath: decoder.codingPath)
    }

    func validate(codingPath: [any CodingKey]) throws {
        func check(_ ok: Bool, _ key: CodingKeys, _ message: String) throws {
            guard ok else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: message))
            }
        }
        try check(callsPerSecond >= 0 && callsPerSecond.isFinite, .callsPerSecond, "must be 0 or more")
        try check(meanHandleSeconds > 0, .meanHandleSeconds, "must be more than 0")
        try check(meanWrapUpSeconds >= 0, .meanWrapUpSeconds, "must be 0 or more")
        try check(minimumAnswerSeconds >= 0 && minimumAnswerSeconds <= maximumAnswerSeconds, .minimumAnswerSeconds,
                  "must be between 0 and maximumAnswerSeconds")
        try check((0...1).contains(notReadyProbability), .notReadyProbability, "must be between 0 and 1")
        try check(meanNotReadySeconds > 0, .meanNotReadySeconds, "must be more than 0")
        try check(ringNoAnswerSeconds > 0, .ringNoAnswerSeconds, "must be more than 0")
        try check(externalAnswerSeconds >= 0, .externalAnswerSeconds, "must be 0 or more")
    }
}
