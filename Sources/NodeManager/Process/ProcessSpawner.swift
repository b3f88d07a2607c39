import CNodeManager
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What to start: the thin process shell over `fork`/`execve` (`ctios_spawn` in `CNodeManager`).
struct SpawnRequest: Sendable {
    /// An absolute path (see ``ProcessSpawner/resolve(_:path:)``).
    var executable: String
    /// `argv[1...]`.
    var arguments: [String]
    /// `KEY=value` entries; `LISTEN_PID=` and `WATCHDOG_PID=` (empty) get the child's pid.
    var environment: [String]
    /// Descriptors that become 3, 4, … in the child.
    var fileDescriptors: [Int32]
    var workingDirectory: String?
}

/// Spawns, signals and reaps child processes. Each child runs in its own process group (so SIGKILL reaches
/// whatever it started too) and is killed when the thread that spawned it ends.
enum ProcessSpawner {
    /// Starts the process; returns its pid, or the errno of `fork` or `execve`.
    static func spawn(_ request: SpawnRequest) -> Result<Int32, SpawnError> {
        let argv = ([request.executable] + request.arguments).map { strdup($0) } + [nil]
        let envp = request.environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = request.fileDescriptors.withUnsafeBufferPointer { fds in
            argv.withUnsafeBufferPointer { argvPointer in
                envp.withUnsafeBufferPointer { envpPointer in
                    if let directory = request.workingDirectory {
                        return directory.withCString { directoryPointer in
                            ctios_spawn(request.executable, argvPointer.baseAddress, envpPointer.baseAddress, fds.baseAddress,
                                        Int32(fds.count), directoryPointer, 1, &pid)
                        }
                    }
                    return ctios_spawn(request.executable, argvPointer.baseAddress, envpPointer.baseAddress, fds.baseAddress,
                                       Int32(fds.count), nil, 1, &pid)
                }
            }
        }
        return result == 0 ? .success(pid) : .failure(SpawnError(executable: request.executable, errno: result))
    }

    /// Sends `signal` to `pid`, or to its whole process group for SIGKILL (and to `pid` too, in case it left
    /// its group).
    static func send(_ signal: ChildSignal, to pid: Int32) {
        if signal == .kill { _ = Glibc.kill(-pid, signal.number) }
        _ = Glibc.kill(pid, signal.number)
    }

    /// Reaps `pid` if it has exited (without waiting). Before reaping, whatever is left of its process group gets
    /// SIGKILL: the zombie still holds the group's id, so the id cannot have been reused.
    static func reap(_ pid: Int32) -> ChildExit? {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0, info.si_pid_value == pid else { return nil }
        _ = Glibc.kill(-pid, SIGKILL)
        var status: Int32 = 0
        var result: pid_t
        repeat { result = waitpid(pid, &status, WNOHANG) } while result < 0 && errno == EINTR
        guard result == pid else { return nil }
        if status & 0x7F == 0 { return .exited((status >> 8) & 0xFF) }
        return .signaled(status & 0x7F)
    }

    /// `name` itself when it holds a `/`, else the first executable `name` in the directories of `path`.
    static func resolve(_ name: String, path: String?) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for directory in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

extension siginfo_t {
    /// `si_pid`, which Glibc exposes only through nested unions.
    var si_pid_value: Int32 { _sifields._kill.si_pid }
}

/// A child could not be started.
struct SpawnError: Error, Hashable, Sendable, CustomStringConvertible {
    var executable: String
    var errno: Int32
    var description: String { "cannot start \(executable): \(String(cString: strerror(errno))) (errno \(errno))" }
}
