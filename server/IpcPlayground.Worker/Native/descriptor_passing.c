/*
 * Passing a descriptor over a Unix socket (SCM_RIGHTS): the message is one byte, 'F', since a stream socket carries
 * control data only with data. The same calls as the C export's send_fd and receive_fd.
 */
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>

/* sendmsg(2) of one byte carrying DESCRIPTOR, to ADDRESS when there is one (an unconnected datagram socket). */
ssize_t ipcplay_send_fd(int sock, int descriptor, const void *address, socklen_t length, int flags)
{
    char byte = 'F';
    struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
    union { struct cmsghdr header; char space[CMSG_SPACE(sizeof(int))]; } control;
    memset(&control, 0, sizeof control);
    struct msghdr message = {
        .msg_name = (void *)address, .msg_namelen = address ? length : 0, .msg_iov = &iov, .msg_iovlen = 1,
        .msg_control = control.space, .msg_controllen = sizeof control.space,
    };
    struct cmsghdr *header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(header), &descriptor, sizeof(int));
    return sendmsg(sock, &message, flags);
}

/* recvmsg(2) of one byte with room for one descriptor: *RECEIVED is the one that came with it, else -1. */
ssize_t ipcplay_receive_fd(int sock, unsigned char *byte, int flags, int *received)
{
    struct iovec iov = { .iov_base = byte, .iov_len = 1 };
    union { struct cmsghdr header; char space[CMSG_SPACE(sizeof(int))]; } control;
    memset(&control, 0, sizeof control);
    struct msghdr message = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.space, .msg_controllen = sizeof control.space };
    *received = -1;
    ssize_t n = recvmsg(sock, &message, flags);
    if (n < 0) return n;
    for (struct cmsghdr *header = CMSG_FIRSTHDR(&message); header; header = CMSG_NXTHDR(&message, header))
        if (header->cmsg_level == SOL_SOCKET && header->cmsg_type == SCM_RIGHTS && header->cmsg_len >= CMSG_LEN(sizeof(int)))
            memcpy(received, CMSG_DATA(header), sizeof(int));
    return n;
}
