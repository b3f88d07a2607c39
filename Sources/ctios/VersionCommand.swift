import ArgumentParser
import GED188

/// The release and the protocol versions this build speaks.
enum CTIOSVersion {
    static let release = "0.1.0"
    static var description: String { "ctios \(release) (GED-188 protocol version \(GED188Protocol.version))" }
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "Print the release and the protocol versions it speaks.")

    func run() {
        print(CTIOSVersion.description)
    }
}
