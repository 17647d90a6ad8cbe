//@ send_sysv_message needs objects quoted trace_step fields
static void send_sysv_message(struct ipc_object *o, long type, const void *data, size_t length, int nowait)
{
    struct message { long type; char text[]; } *message = malloc(sizeof(long) + length);
    message->type = type;
    memcpy(message->text, data, length);
    int rc = msgsnd(o->sysv_id, message, length, nowait ? IPC_NOWAIT : 0);
    int error = errno;
    say("msgsnd(%s, type %ld, %s) = %d%s", o->id, type, quoted(data, length), rc, error_text(rc, error));
    trace_step("send", o->id, rc, error, rc < 0 ? "" : fields(" type=%ld", type));
    free(message);
}

//@ receive_sysv_message needs objects quoted trace_step trace_data fields
/* type 0: the oldest message; > 0: the oldest of that type; < 0: the lowest type up to -type. */
static void receive_sysv_message(struct ipc_object *o, long type, size_t max, int nowait)
{
    struct message { long type; char text[]; } *message = malloc(sizeof(long) + max);
    ssize_t n = msgrcv(o->sysv_id, message, max, type, nowait ? IPC_NOWAIT : 0);
    int error = errno;
    if (n >= 0) {
        say("msgrcv(%s, type %ld) = %ld %s, type %ld", o->id, type, (long)n, quoted((unsigned char *)message->text, n), message->type);
        trace_step("receive", o->id, n, 0, fields("%s type=%ld", trace_data((unsigned char *)message->text, n), message->type));
    } else {
        say("msgrcv(%s, type %ld) = %ld%s", o->id, type, (long)n, error_text(n, error));
        trace_step("receive", o->id, n, error, "");
    }
    free(message);
}

//@ queue_of needs objects output
/* The process's POSIX queue descriptor, opened read-write on first use; -1 (errno says why) if it cannot be. */
static mqd_t queue_of(struct ipc_object *o)
{
    if (o->queue != (mqd_t)-1) return o->queue;
    o->queue = mq_open(o->name, O_RDWR);
    if (o->queue == (mqd_t)-1) say("mq_open(%s) = -1%s", o->id, error_text(-1, errno));
    return o->queue;
}

//@ send_posix_message needs queue_of quoted trace_step fields
/* nowait sends through a second, O_NONBLOCK descriptor, so the process's own one stays blocking. */
static void send_posix_message(struct ipc_object *o, const char *data, size_t length, unsigned priority, int nowait)
{
    mqd_t queue = queue_of(o);
    if (queue == (mqd_t)-1) {
        trace_step("send", o->id, -1, errno, "");
        return;
    }
    if (nowait) queue = mq_open(o->name, O_RDWR | O_NONBLOCK);
    int rc = queue == (mqd_t)-1 ? -1 : mq_send(queue, data, length, priority);
    int error = errno;
    if (nowait && queue != (mqd_t)-1) mq_close(queue);
    say("mq_send(%s, %s, priority %u) = %d%s", o->id, quoted((const unsigned char *)data, length), priority, rc, error_text(rc, error));
    trace_step("send", o->id, rc, error, rc < 0 ? "" : fields(" priority=%u", priority));
}

//@ receive_posix_message needs queue_of quoted trace_step trace_data fields
static void receive_posix_message(struct ipc_object *o, size_t max, int nowait)
{
    mqd_t queue = queue_of(o);
    if (queue == (mqd_t)-1) {
        trace_step("receive", o->id, -1, errno, "");
        return;
    }
    if (nowait) queue = mq_open(o->name, O_RDWR | O_NONBLOCK);
    char *buffer = malloc(max);
    unsigned priority = 0;
    ssize_t n = queue == (mqd_t)-1 ? -1 : mq_receive(queue, buffer, max, &priority);
    int error = errno;
    if (nowait && queue != (mqd_t)-1) mq_close(queue);
    if (n >= 0) {
        say("mq_receive(%s) = %ld %s, priority %u", o->id, (long)n, quoted((unsigned char *)buffer, n), priority);
        trace_step("receive", o->id, n, 0, fields("%s priority=%u", trace_data((unsigned char *)buffer, n), priority));
    } else {
        say("mq_receive(%s) = %ld%s", o->id, (long)n, error_text(n, error));
        trace_step("receive", o->id, n, error, "");
    }
    free(buffer);
}

//@ open_posix_queue needs objects output trace_step
static void open_posix_queue(struct ipc_object *o, int flags)
{
    struct mq_attr attr = { .mq_maxmsg = o->max_messages, .mq_msgsize = o->message_size };
    mqd_t queue = flags & O_CREAT ? mq_open(o->name, flags, 0666, &attr) : mq_open(o->name, flags);
    int error = errno;
    static const char *const modes[] = { "O_RDONLY", "O_WRONLY", "O_RDWR" };
    say("mq_open(%s, %s%s%s) = %d%s", o->id, modes[flags & O_ACCMODE], flags & O_CREAT ? " | O_CREAT" : "", flags & O_EXCL ? " | O_EXCL" : "",
        (int)queue, error_text(queue, error));
    trace_step("open", o->id, queue, error, "");
    if (queue != (mqd_t)-1) o->queue = queue;
}

//@ send_datagram needs socket_address output quoted trace_step
/* Through the connected socket if the process opened one, else from an unbound sender socket to the path. */
static void send_datagram(struct ipc_object *o, const char *data, size_t length, int nowait)
{
    int flags = nowait ? MSG_DONTWAIT : 0;
    int connected = o->fd[CONNECTED] >= 0;
    if (!connected && o->fd[SENDER] < 0) o->fd[SENDER] = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_storage address;
    socklen_t address_length = socket_address(o, &address);
    ssize_t n = connected ? send(o->fd[CONNECTED], data, length, flags)
                          : sendto(o->fd[SENDER], data, length, flags, (struct sockaddr *)&address, address_length);
    int error = errno;
    say("sendto(%s, %s) = %ld%s", o->id, quoted((const unsigned char *)data, length), (long)n, error_text(n, error));
    trace_step("send", o->id, n, error, "");
}

//@ receive_message needs need_fd quoted trace_step trace_data
/* recv of one message on a message socket's END (a datagram socket's bound one, a seqpacket connection), cut to MAX. */
static void receive_message(struct ipc_object *o, enum end end, size_t max, int nowait)
{
    unsigned char *buffer = malloc(max ? max : 1);
    ssize_t n = recv(need_fd(o, end), buffer, max, nowait ? MSG_DONTWAIT : 0);
    int error = errno;
    if (n >= 0) say("recv(%s) = %ld %s", o->id, (long)n, quoted(buffer, n));
    else say("recv(%s) = %ld%s", o->id, (long)n, error_text(n, error));
    trace_step("receive", o->id, n, error, trace_data(buffer, n));
    free(buffer);
}
