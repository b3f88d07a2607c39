#ifndef CTIOS_CNODEMANAGER_H
#define CTIOS_CNODEMANAGER_H

#include <sys/types.h>
#include <stddef.h>

/// Starts `path` with `argv` and `envp` in a new process group, and returns 0 with its pid in `pid_out`, or an
/// errno (from fork, or from execve in the child: `ENOENT` for a missing program).
///
/// In the child, before execve (async-signal-safe calls only): every signal is unblocked and set to its default
/// action (a parent that ignores SIGPIPE does not pass that on); standard input is /dev/null, standard output and
/// error are inherited; `fds[i]` becomes descriptor 3 + i (close-on-exec cleared) and every other descriptor from
/// 3 on is closed; an `envp` entry that is exactly `LISTEN_PID=` or `WATCHDOG_PID=` gets the child's pid appended
/// (sd_listen_fds(3) and sd_watchdog_enabled(3) need it, and it is known only after fork); the working directory
/// becomes `workdir` when not NULL; with `die_with_parent`, the child gets SIGKILL when the calling thread ends
/// (PR_SET_PDEATHSIG), so call it from a thread that lives as long as the supervision does.
int ctios_spawn(const char *path, char *const argv[], char *const envp[], const int *fds, int nfds,
                const char *workdir, int die_with_parent, pid_t *pid_out);

/// A non-blocking, close-on-exec eventfd(2) counting from 0: write 1 to wake a poll(2) on it; -1 on failure.
int ctios_wake_fd(void);

/// pidfd_open(2): a descriptor that becomes readable when `pid` exits; -1 with errno on failure.
int ctios_pidfd_open(pid_t pid);

/// Receives one datagram without waiting (MSG_DONTWAIT), with the sender's credentials (the socket needs
/// SO_PASSCRED). Returns its length (the datagram is cut to `length`; `*truncated` says so), or -1 with errno
/// (`EAGAIN` when none is waiting). `*sender_pid` is the sender's pid, 0 when the kernel gave none. Descriptors
/// passed with the datagram (SCM_RIGHTS) are closed: a child cannot leak descriptors into its supervisor.
/// `*fds_received` tells how many were.
ssize_t ctios_receive_notification(int fd, char *buffer, size_t length, pid_t *sender_pid, int *truncated,
                                   int *fds_received);

#endif
