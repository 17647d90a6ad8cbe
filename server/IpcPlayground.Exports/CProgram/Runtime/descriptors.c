//@ send_fd needs socket_address output trace_step
/*
 * sendFd: sendmsg(2) on SOCK of one byte, 'F', carrying PASSED (SCM_RIGHTS) — a stream socket carries control data
 * only with data — to the object's path when TO_PATH (an unconnected datagram socket). PASSED is -1 when this
 * process does not hold it: the kernel answers EBADF.
 */
static void send_fd(struct ipc_object *o, int sock, int to_path, int passed)
{
    char byte = 'F';
    struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
    union { struct cmsghdr header; char space[CMSG_SPACE(sizeof(int))]; } control;
    memset(&control, 0, sizeof control);
    struct sockaddr_storage address;
    struct msghdr message = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.space, .msg_controllen = sizeof control.space };
    if (to_path) {
        message.msg_name = &address;
        message.msg_namelen = socket_address(o, &address);
    }
    struct cmsghdr *header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(header), &passed, sizeof(int));
    ssize_t n = sendmsg(sock, &message, 0);
    int error = errno;
    say("sendmsg(%s, 'F' + descriptor %d) = %ld%s", o->id, passed, (long)n, error_text(n, error));
    trace_step("sendFd", o->id, n, error, "");
}

//@ send_fd_datagram needs send_fd
/* sendFd on a datagram socket: through the connected socket if the process opened one, else from its sender socket to the path. */
static void send_fd_datagram(struct ipc_object *o, int passed)
{
    int connected = o->fd[CONNECTED] >= 0;
    if (!connected && o->fd[SENDER] < 0) o->fd[SENDER] = socket(AF_UNIX, SOCK_DGRAM, 0);
    send_fd(o, connected ? o->fd[CONNECTED] : o->fd[SENDER], !connected, passed);
}

//@ receive_fd needs objects output quoted trace_step trace_data fields
/*
 * receiveFd: recvmsg(2) of one byte on SOCK with room for one descriptor. A descriptor that came with it is held from
 * then on as AS_END of AS (-1: as AS's POSIX queue); bytes that carried none leave AS as it was.
 */
static void receive_fd(struct ipc_object *o, int sock, int nowait, struct ipc_object *as, int as_end)
{
    unsigned char byte;
    struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
    union { struct cmsghdr header; char space[CMSG_SPACE(sizeof(int))]; } control;
    memset(&control, 0, sizeof control);
    struct msghdr message = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.space, .msg_controllen = sizeof control.space };
    ssize_t n = recvmsg(sock, &message, nowait ? MSG_DONTWAIT : 0);
    int error = errno;
    int received = -1;
    for (struct cmsghdr *header = n >= 0 ? CMSG_FIRSTHDR(&message) : NULL; header; header = CMSG_NXTHDR(&message, header))
        if (header->cmsg_level == SOL_SOCKET && header->cmsg_type == SCM_RIGHTS && header->cmsg_len >= CMSG_LEN(sizeof(int)))
            memcpy(&received, CMSG_DATA(header), sizeof(int));
    if (n < 0) say("recvmsg(%s) = %ld%s", o->id, (long)n, error_text(n, error));
    else if (received >= 0) say("recvmsg(%s) = %ld %s + descriptor %d, held as %s", o->id, (long)n, quoted(&byte, n), received, as->id);
    else say("recvmsg(%s) = %ld %s, no descriptor with it", o->id, (long)n, quoted(&byte, n));
    trace_step("receiveFd", o->id, n, error, fields("%s%s", trace_data(&byte, n), received >= 0 ? " fd=yes" : ""));
    if (received < 0) return;
    if (as_end < 0) as->queue = (mqd_t)received;
    else as->fd[as_end] = received;
}
