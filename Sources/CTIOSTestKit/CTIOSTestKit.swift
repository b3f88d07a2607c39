// CTIOSTestKit: the project's shipped test kit.
//
// What it holds today: a raw GED-188 client over real TCP (`GED188TestClient`), a view of the contact center built
// from GED-188 events alone (`BridgeView`) with its field-by-field comparison against the simulator's
// `GroundTruth`, a clock that moves only when a test moves it (`MockClock`), and the simulator's `SeededRandom`.

/// The simulator's seeded random number generator (SplitMix64), re-exported so that a test can replay a run from its
/// seed by importing the kit alone.
@_exported import struct CTISimulator.SeededRandom
