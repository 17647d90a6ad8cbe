//@ need_sysv_id needs objects output
static int need_sysv_id(const struct ipc_object *o, const char *op)
{
    if (o->sysv_id < 0) say("%s %s: refused: '%s' has no System V identifier in this process", op, o->id, o->id);
    return o->sysv_id;
}

//@ send_sysv_message needs need_sysv_id quoted
static void send_sysv_message(struct ipc_object *o, long type, const void *data, size_t length, int nowait)
{
    int id = need_sysv_id(o, "send");
    if (id < 0) return;
    struct message { long type; char text[]; } *message = malloc(sizeof(long) + length);
    message->type = type;
    memcpy(message->text, data, length);
    int rc = msgsnd(id, message, length, nowait ? IPC_NOWAIT : 0);
    say("msgsnd(%s, type %ld, %s) = %d%s", o->id, type, quoted(data, length), rc, error_text(rc, errno));
    free(message);
}

//@ receive_sysv_message needs need_sysv_id quoted
/* type 0: the oldest message; > 0: the oldest of that type; < 0: the lowest type up to -type. */
static void receive_sysv_message(struct ipc_object *o, long type, size_t max, int nowait)
{
    int id = need_sysv_id(o, "receive");
    if (id < 0) return;
    struct message { long type; char text[]; } *message = malloc(sizeof(long) + max);
    ssize_t n = msgrcv(id, message, max, type, nowait ? IPC_NOWAIT : 0);
    int error = errno;
    if (n >= 0) say("msgrcv(%s, type %ld) = %ld %s, type %ld", o->id, type, (long)n, quoted((unsigned char *)message->text, n), message->type);
    else say("msgrcv(%s, type %ld) = %ld%s", o->id, type, (long)n, error_text(n, error));
    free(message);
}

//@ queue_of needs objects output
/* The process's POSIX queue descriptor, opened read-write on first use. */
static mqd_t queue_of(struct ipc_object *o, const char *op)
{
    if (o->queue != (mqd_t)-1) return o->queue;
    o->queue = mq_open(o->name, O_RDWR);
    if (o->queue == (mqd_t)-1) say("%s %s: refused: mq_open %s:%s", op, o->id, o->name, error_text(-1, errno));
    return o->queue;
}

//@ send_posix_message needs queue_of quoted
/* nowait sends through a second, O_NONBLOCK descriptor, so the process's own one stays blocking. */
static void send_posix_message(struct ipc_object *o, const char *data, size_t length, unsigned priority, int nowait)
{
    mqd_t queue = queue_of(o, "send");
    if (queue == (mqd_t)-1) return;
    if (nowait) queue = mq_open(o->name, O_RDWR | O_NONBLOCK);
    int rc = mq_send(queue, data, length, priority);
    int error = errno;
    if (nowait) mq_close(queue);
    say("mq_send(%s, %s, priority %u) = %d%s", o->id, quoted((const unsigned char *)data, length), priority, rc, error_text(rc, error));
}

//@ receive_posix_message needs queue_of quoted
static void receive_posix_message(struct ipc_object *o, size_t max, int nowait)
{
    mqd_t queue = queue_of(o, "receive");
    if (queue == (mqd_t)-1) return;
    if (nowait) queue = mq_open(o->name, O_RDWR | O_NONBLOCK);
    char *buffer = malloc(max);
    unsigned priority = 0;
    ssize_t n = mq_receive(queue, buffer, max, &priority);
    int error = errno;
    if (nowait) mq_close(queue);
    if (n >= 0) say("mq_receive(%s) = %ld %s, priority %u", o->id, (long)n, quoted((unsigned char *)buffer, n), priority);
    else say("mq_receive(%s) = %ld%s", o->id, (long)n, error_text(n, error));
    free(buffer);
}

//@ open_posix_queue needs objects output
static void open_posix_queue(struct ipc_object *o, int flags)
{
    mqd_t queue = mq_open(o->name, flags);
    static const char *const modes[] = { "O_RDONLY", "O_WRONLY", "O_RDWR" };
    say("mq_open(%s, %s) = %d%s", o->id, modes[flags & O_ACCMODE], (int)queue, error_text(queue, errno));
    if (queue != (mqd_t)-1) o->queue = queue;
}

//@ send_datagram needs socket_address output quoted
/* Through the connected socket if the process opened one, else from an unbound sender socket to the path. */
static void send_datagram(struct ipc_object *o, const char *data, size_t length)
{
    int connected = o->fd[CONNECTED] >= 0;
    if (!connected && o->fd[SENDER] < 0) o->fd[SENDER] = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_storage address;
    socklen_t address_length = socket_address(o, &address);
    ssize_t n = connected ? send(o->fd[CONNECTED], data, length, 0)
                          : sendto(o->fd[SENDER], data, length, 0, (struct sockaddr *)&address, address_length);
    say("sendto(%s, %s) = %ld%s", o->id, quoted((const unsigned char *)data, length), (long)n, error_text(n, errno));
}

//@ receive_datagram needs need_fd quoted
static void receive_datagram(struct ipc_object *o, size_t max, int nowait)
{
    int fd = need_fd(o, BOUND, "receive");
    if (fd < 0) return;
    unsigned char *buffer = malloc(max ? max : 1);
    ssize_t n = recv(fd, buffer, max, nowait ? MSG_DONTWAIT : 0);
    int error = errno;
    if (n >= 0) say("recv(%s) = %ld %s", o->id, (long)n, quoted(buffer, n));
    else say("recv(%s) = %ld%s", o->id, (long)n, error_text(n, error));
    free(buffer);
}
