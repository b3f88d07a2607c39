/// Whether a process can serve correct state now; what `GET /ready` reports.
///
/// "Ready" means the same as `READY=1` to systemd or the node manager: a server is listening, its CTI link is up
/// or its peer caught up, and its snapshot is reconciled. The reason of ``notReady(reason:)`` is shown to
/// operators in the 503 body, so keep it short and free of payload values.
public enum AdminReadiness: Sendable, Hashable {
    /// The process can serve correct state: `/ready` answers 200 `{"ready":true}`.
    case ready
    /// The process cannot serve yet: `/ready` answers 503 `{"ready":false,"reason":"…"}`.
    case notReady(reason: String)
}

extension AdminReadiness {
    /// The JSON body of `GET /ready`.
    struct Body: Codable, Sendable, Equatable {
        var ready: Bool
        var reason: String?
    }

    var body: Body {
        switch self {
        case .ready: Body(ready: true, reason: nil)
        case .notReady(let reason): Body(ready: false, reason: reason)
        }
    }

    /// 200 when ready, 503 otherwise.
    var status: Int {
        switch self {
        case .ready: 200
        case .notReady: 503
        }
    }
}
