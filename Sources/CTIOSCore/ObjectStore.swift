import CTIOSWire
import GED188

/// The CTI OS server's object store: every Agent, Call, SkillGroup and Team object, kept by applying the CTI
/// Server's GED-188 events, and the change log that clients resume from.
///
/// A pure value: no I/O, no clock. The server feeds it every message of its bridge session (``apply(_:)``) and fans
/// the returned ``ChangeBatch`` out to its clients; a backup applies the primary's batches
/// (``appendReplicated(_:)``); after a (re)connect to the CTI Server the store is made equal to a system-wide
/// snapshot (``reconcile(with:)``).
///
/// Objects are `UniqueObjectID` → `Arguments` with Cisco's keyword names:
/// - **Agent** `agent.<peripheral>.<agentID>`: UniqueObjectID, PeripheralID, AgentID, AgentExtension,
///   AgentInstrument, AgentState (the GED-188 number), ReasonCode, SkillGroups (an array of
///   {SkillGroupNumber, SkillGroupState}), TeamID, IsSupervisor, FirstName, LastName, LoginName,
///   AgentSkillTargetID, ButtonEnablementMask.
/// - **Call** `call.<peripheral>.<callID>.<device>`: one object per connection of an agent device or a route point
///   (external parties have none): UniqueObjectID, PeripheralID, ConnectionCallID, ConnectionDeviceID,
///   LocalConnectionState, CallType, ANI, DNIS, DialedNumber, CallerEnteredDigits, CallVariable1…10,
///   CallWrapupData, ECC (a nested set: each scalar ECC variable by name, each ECC array as an array of strings),
///   SkillGroupNumber, RouterCallKeyDay, RouterCallKeyCallID, AgentID (of the device's agent),
///   ButtonEnablementMask.
/// - **SkillGroup** `skillgroup.<peripheral>.<number>`: UniqueObjectID, PeripheralID, SkillGroupNumber,
///   SkillGroupID, SkillGroupName, and the statistics of the last QUERY_SKILL_GROUP_STATISTICS_CONF
///   (AgentsLoggedOn, AgentsAvail, AgentsNotReady, AgentsReady, AgentsTalkingIn, …, CallsQNow, LongestCallQNow).
/// - **Team** `team.<peripheral>.<teamID>`: UniqueObjectID, PeripheralID, TeamID, TeamName, TeamMembers (an array
///   of {AgentID, IsSupervisor}).
///
/// The store learns the contact center only from what a CTI Server sends: CONFIG_* events, AGENT_TEAM_CONFIG_EVENT,
/// call and agent events, and the confirmations of snapshot and statistics queries.
public struct ObjectStore: Sendable {
    /// What the store serves and how much history it keeps.
    public struct Configuration: Hashable, Sendable {
        /// The peripheral the store follows; messages about another peripheral are ignored.
        public var peripheralID: UInt32
        /// The most batches the backlog keeps.
        public var backlogMaximumBatches: Int
        /// The most bytes (encoded size estimate, ``ChangeBatch/estimatedEncodedSize``) the backlog keeps.
        public var backlogMaximumBytes: Int

        public init(peripheralID: UInt32 = 5000, backlogMaximumBatches: Int = 100_000,
                    backlogMaximumBytes: Int = 64 * 1024 * 1024) {
            self.peripheralID = peripheralID
            self.backlogMaximumBatches = max(0, backlogMaximumBatches)
            self.backlogMaximumBytes = max(0, backlogMaximumBytes)
        }
    }

    public let configuration: Configuration
    /// Every object, by ID.
    public internal(set) var objects: [UniqueObjectID: Arguments] = [:]
    /// The epoch new batches are stamped with (raised by ``beginEpoch(_:)`` at a takeover).
    public internal(set) var epoch: UInt64
    /// The sequence of the last batch (0 before the first); increases by one per batch, across epochs.
    public internal(set) var sequence: UInt64
    /// Whether the peripheral is online (SYSTEM_EVENT PERIPHERAL_ONLINE/OFFLINE, OPEN_CONF).
    public internal(set) var peripheralOnline = true
    /// Whether the CTI Server link is up (``setCTIServerOnline(_:)``).
    public internal(set) var ctiServerOnline = true

    var domain = Domain()
    /// The typed view lags the objects (after replicated batches or a state transfer): rebuilt before the next
    /// apply.
    var domainIsStale = false
    var log: ChangeLog
    var transaction = Transaction()

    /// An empty store.
    public init(configuration: Configuration = Configuration(), epoch: UInt64 = 1) {
        self.configuration = configuration
        self.epoch = epoch
        sequence = 0
        log = ChangeLog(base: (epoch, 0), maximumBatches: configuration.backlogMaximumBatches,
                        maximumBytes: configuration.backlogMaximumBytes)
    }

    /// A store that starts from a transferred state: these objects at (epoch, sequence), with an empty backlog
    /// whose base is that point.
    public init(configuration: Configuration = Configuration(), objects: [UniqueObjectID: Arguments],
                epoch: UInt64, sequence: UInt64) {
        self.init(configuration: configuration, epoch: epoch)
        self.objects = objects
        self.sequence = sequence
        log = ChangeLog(base: (epoch, sequence), maximumBatches: configuration.backlogMaximumBatches,
                        maximumBytes: configuration.backlogMaximumBytes)
        domainIsStale = true
        inferOnlineFromMasks()
    }

    /// Whether the CTI Server and the peripheral are both online (buttons are enabled).
    public var isOnline: Bool { peripheralOnline && ctiServerOnline }

    /// One object's properties.
    public subscript(_ id: UniqueObjectID) -> Arguments? { objects[id] }

    /// Every object (for a client's initial snapshot, or to diff against later).
    public func snapshot() -> [UniqueObjectID: Arguments] { objects }

    /// Every object in ID order.
    public func orderedSnapshot() -> [(id: UniqueObjectID, properties: Arguments)] {
        objects.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    // MARK: Apply

    /// Applies one message of the bridge session. Returns the batch of object changes and CTI OS events it caused,
    /// stamped (epoch, sequence) and kept in the backlog, or `nil` when it changed nothing and raised no event
    /// (session traffic, another peripheral, a duplicate).
    public mutating func apply(_ message: GED188Message) -> ChangeBatch? {
        if domainIsStale { rebuildDomain() }
        transaction.reset()
        switch message {
        case .agentStateEvent(let event): applyAgentState(event)
        case .agentPreCallEvent(let event): applyPreCall(event)
        case .agentPreCallAbortEvent(let event): applyPreCallAbort(event)
        case .emergencyCallEvent(let event): applyEmergencyCall(event)
        case .queryAgentStateConf(let conf): applyAgentStateConf(conf, reasonCode: nil)
        case .beginCallEvent(let event): applyBeginCall(event)
        case .callQueuedEvent(let event): applyQueued(event)
        case .callDequeuedEvent(let event): applyDequeued(event)
        case .callDeliveredEvent(let event): applyDelivered(event)
        case .callEstablishedEvent(let event): applyEstablished(event)
        case .callHeldEvent(let event): applyHeld(event)
        case .callRetrievedEvent(let event): applyRetrieved(event)
        case .callConnectionClearedEvent(let event): applyConnectionCleared(event)
        case .callClearedEvent(let event): applyCallCleared(event)
        case .endCallEvent(let event): applyEndCall(event)
        case .callServiceInitiatedEvent(let event): applyServiceInitiated(event)
        case .callOriginatedEvent(let event): applyOriginated(event)
        case .callReachedNetworkEvent(let event): applyReachedNetwork(event)
        case .callDivertedEvent(let event): applyDiverted(event)
        case .callFailedEvent(let event): applyFailed(event)
        case .callTransferredEvent(let event): applyTransferred(event)
        case .callConferencedEvent(let event): applyConferenced(event)
        case .callDataUpdateEvent(let event): applyCallDataUpdate(event)
        case .snapshotCallConf(let conf): applySnapshotCall(conf)
        case .configSkillGroupEvent(let event): applyConfigSkillGroups(event)
        case .configAgentEvent(let event): applyConfigAgents(event)
        case .configDeviceEvent(let event): applyConfigDevices(event)
        case .agentTeamConfigEvent(let event): applyTeamConfig(event)
        case .querySkillGroupStatisticsConf(let conf): applySkillGroupStatistics(conf)
        case .systemEvent(let event): applySystemEvent(event)
        case .openConf(let conf): setPeripheralOnline(conf.peripheralOnline)
        default: return nil
        }
        return commit()
    }

    /// Applies messages in order; returns the batches they produced.
    public mutating func apply<Messages: Sequence<GED188Message>>(_ messages: Messages) -> [ChangeBatch] {
        messages.compactMap { apply($0) }
    }

    // MARK: Takeover

    /// Starts a new epoch (a takeover): later batches carry it, and their sequence continues this store's.
    /// - Precondition: `newEpoch` is greater than ``epoch``.
    public mutating func beginEpoch(_ newEpoch: UInt64) {
        precondition(newEpoch > epoch, "epoch \(newEpoch) does not follow \(epoch)")
        epoch = newEpoch
    }

    func isOurs(_ peripheralID: UInt32) -> Bool {
        peripheralID == configuration.peripheralID
    }

    mutating func rebuildDomain() {
        domain = Domain(objects: objects)
        domainIsStale = false
    }

    mutating func inferOnlineFromMasks() {
        let disabled = objects.values.contains { $0.integer(.buttonEnablementMask) == Int64(ButtonMask.disableAll.rawValue) }
        peripheralOnline = !disabled
        ctiServerOnline = true
    }
}
