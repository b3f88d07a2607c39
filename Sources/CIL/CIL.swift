// CIL: the CTI OS client library.
//
// A `Session` connects to a CTI OS server (or the pair, servers A and B), sets agent mode (`setAgent`) or monitor
// mode (`setMessageFilter`), keeps a cache of the Agent, Call, SkillGroup and Team objects the session sees, and
// raises Cisco's CTI OS events two ways: an `AsyncSequence` (`Session.events()`) and listener protocols named after
// Cisco's interfaces (`SessionEvents`, `AgentEvents`, `CallEvents`, …). Sockets, heartbeats, reconnects and the
// rebuilding of the cache after a loss are the library's business. Docs/CIL.md is the guide.
//
// The types an application needs come with `import CIL`: the key-value `Arguments` and `Keyword`s of CTIOSWire,
// `UniqueObjectID`, `EventName` and `ButtonMask` of CTIOSCore, and the GED-188 `AgentState` and
// `LocalConnectionState` numbers that agent and call objects carry.

@_exported import struct CTIOSWire.Arguments
@_exported import enum CTIOSWire.ArgumentValue
@_exported import struct CTIOSWire.Keyword
@_exported import struct CTIOSCore.UniqueObjectID
@_exported import struct CTIOSCore.EventName
@_exported import struct CTIOSCore.ButtonMask
@_exported import struct GED188.AgentState
@_exported import struct GED188.LocalConnectionState
@_exported import struct GED188.SupervisoryAction
