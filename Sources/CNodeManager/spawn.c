#define _GNU_SOURCE
#include "CNodeManager.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void write_pid(char *buffer, const char *prefix, pid_t pid) {
    size_t length = strlen(prefix);
    memcpy(buffer, prefix, length);
    char digits[24];
    int count = 0;
    unsigned long value = (unsigned long)pid;
    do {
        digits[count++] = (char)('0' + value % 10);
        value /= 10;
    } while (value > 0);
    while (count > 0) buffer[length++] = digits[--count];
    buffer[length] = '\0';
}

static void close_from(int first, int keep) {
    /* close_range(2) where the kernel has it, else one by one up to the limit. */
    if (keep > first) {
        if (syscall(SYS_close_range, (unsigned)first, (unsigned)(keep - 1), 0) != 0) {
            for (int fd = first; fd < keep; fd++) close(fd);
        }
    }
    int from = keep >= first ? keep + 1 : first;
    if (syscall(SYS_close_range, (unsigned)from, ~0U, 0) != 0) {
        long limit = sysconf(_SC_OPEN_MAX);
        for (long fd = from; fd < limit; fd++) close((int)fd);
    }
}

static void fail(int error_fd, int error) {
    ssize_t ignored = write(error_fd, &error, sizeof error);
    (void)ignored;
    _exit(127);
}

int ctios_spawn(const char *path, char *const argv[], char *const envp[], const int *fds, int nfds,
                const char *workdir, int die_with_parent, pid_t *pid_out) {
    size_t env_count = 0;
    while (envp[env_count] != NULL) env_count++;
    char **environment = calloc(env_count + 1, sizeof(char *));
    if (environment == NULL) return ENOMEM;
    memcpy(environment, envp, env_count * sizeof(char *));
    char listen_pid[40];
    char watchdog_pid[40];

    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
        int error = errno;
        free(environment);
        return error;
    }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        int error = errno;
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        free(environment);
        return error;
    }
    if (pid == 0) {
        /* The child: async-signal-safe calls only. */
        int first_free = 3 + (nfds > 0 ? nfds : 0);
        int error_fd = fcntl(pipe_fds[1], F_DUPFD_CLOEXEC, first_free);
        if (error_fd < 0) _exit(127);

        sigset_t all;
        sigemptyset(&all);
        sigprocmask(SIG_SETMASK, &all, NULL);
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = SIG_DFL;
        for (int signal_number = 1; signal_number < NSIG; signal_number++) sigaction(signal_number, &action, NULL);

        if (die_with_parent) {
            if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) fail(error_fd, errno);
            if (getppid() != parent) _exit(127);
        }
        if (setpgid(0, 0) != 0) fail(error_fd, errno);

        int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (null_fd < 0) fail(error_fd, errno);
        if (dup2(null_fd, 0) < 0) fail(error_fd, errno);

        /* Move every descriptor to pass out of the way first, so that placing one never overwrites another. */
        int moved[256];
        if (nfds > 256) fail(error_fd, EMFILE);
        for (int i = 0; i < nfds; i++) {
            moved[i] = fcntl(fds[i], F_DUPFD_CLOEXEC, first_free);
            if (moved[i] < 0) fail(error_fd, errno);
        }
        for (int i = 0; i < nfds; i++) {
            if (dup2(moved[i], 3 + i) < 0) fail(error_fd, errno);
        }
        close_from(first_free, error_fd);

        for (size_t i = 0; i < env_count; i++) {
            if (strcmp(environment[i], "LISTEN_PID=") == 0) {
                write_pid(listen_pid, "LISTEN_PID=", getpid());
                environment[i] = listen_pid;
            } else if (strcmp(environment[i], "WATCHDOG_PID=") == 0) {
                write_pid(watchdog_pid, "WATCHDOG_PID=", getpid());
                environment[i] = watchdog_pid;
            }
        }
        if (workdir != NULL && chdir(workdir) != 0) fail(error_fd, errno);
        execve(path, argv, environment);
        fail(error_fd, errno);
    }

    close(pipe_fds[1]);
    free(environment);
    int error = 0;
    ssize_t count;
    do {
        count = read(pipe_fds[0], &error, sizeof error);
    } while (count < 0 && errno == EINTR);
    close(pipe_fds[0]);
    if (count == (ssize_t)sizeof error) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        return error == 0 ? EIO : error;
    }
    *pid_out = pid;
    return 0;
}

int ctios_pidfd_open(pid_t pid) {
    return (int)syscall(SYS_pidfd_open, pid, 0);
}

int ctios_wake_fd(void) {
    return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}
