#define _GNU_SOURCE
#include "CNodeManager.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

ssize_t ctios_receive_notification(int fd, char *buffer, size_t length, pid_t *sender_pid, int *truncated,
                                   int *fds_received) {
    struct iovec vector = {.iov_base = buffer, .iov_len = length};
    union {
        struct cmsghdr header;
        char space[CMSG_SPACE(sizeof(struct ucred)) + CMSG_SPACE(sizeof(int) * 253)];
    } control;
    memset(&control, 0, sizeof control);
    struct msghdr message = {
        .msg_iov = &vector,
        .msg_iovlen = 1,
        .msg_control = &control,
        .msg_controllen = sizeof control,
    };
    *sender_pid = 0;
    *truncated = 0;
    *fds_received = 0;
    ssize_t count = recvmsg(fd, &message, MSG_DONTWAIT | MSG_CMSG_CLOEXEC | MSG_TRUNC);
    if (count < 0) return -1;
    for (struct cmsghdr *header = CMSG_FIRSTHDR(&message); header != NULL; header = CMSG_NXTHDR(&message, header)) {
        if (header->cmsg_level != SOL_SOCKET) continue;
        if (header->cmsg_type == SCM_CREDENTIALS && header->cmsg_len == CMSG_LEN(sizeof(struct ucred))) {
            struct ucred credentials;
            memcpy(&credentials, CMSG_DATA(header), sizeof credentials);
            *sender_pid = credentials.pid;
        } else if (header->cmsg_type == SCM_RIGHTS) {
            size_t fd_count = (header->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (size_t i = 0; i < fd_count; i++) {
                int passed;
                memcpy(&passed, CMSG_DATA(header) + i * sizeof(int), sizeof passed);
                close(passed);
            }
            *fds_received += (int)fd_count;
        }
    }
    if ((size_t)count > length || (message.msg_flags & MSG_TRUNC)) {
        *truncated = 1;
        count = (ssize_t)length;
    }
    if (message.msg_flags & MSG_CTRUNC) *truncated = 1;
    return count;
}
