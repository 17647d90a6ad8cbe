//@ create_pipe needs objects output
/* No O_CLOEXEC: children inherit both ends through spawn (fork). */
static void create_pipe(struct ipc_object *o)
{
    int fds[2];
    if (pipe2(fds, 0) != 0) {
        say("pipe2(%s) = -1%s", o->id, error_text(-1, errno));
        exit(70);
    }
    if (o->capacity > 0 && fcntl(fds[1], F_SETPIPE_SZ, o->capacity) < 0) {
        say("fcntl(%s, F_SETPIPE_SZ, %d) = -1%s", o->id, o->capacity, error_text(-1, errno));
        exit(70);
    }
    o->fd[READ_END] = fds[0];
    o->fd[WRITE_END] = fds[1];
    say("pipe2(%s) = 0: read end %d, write end %d", o->id, fds[0], fds[1]);
}

//@ create_socketpair needs objects output
static void create_socketpair(struct ipc_object *o)
{
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) {
        say("socketpair(%s) = -1%s", o->id, error_text(-1, errno));
        exit(70);
    }
    o->fd[FIRST_END] = fds[0];
    o->fd[SECOND_END] = fds[1];
    say("socketpair(%s) = 0: first end %d, second end %d", o->id, fds[0], fds[1]);
}

//@ socket_address needs objects
/* The address of a Unix socket's path, or of 127.0.0.1:port for tcp. */
static socklen_t socket_address(const struct ipc_object *o, struct sockaddr_storage *address)
{
    memset(address, 0, sizeof *address);
    if (o->type == TCP) {
        struct sockaddr_in *in = (struct sockaddr_in *)address;
        in->sin_family = AF_INET;
        in->sin_port = htons(o->port);
        in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return sizeof *in;
    }
    struct sockaddr_un *un = (struct sockaddr_un *)address;
    un->sun_family = AF_UNIX;
    size_t length = strlen(o->path);
    if (length >= sizeof un->sun_path) length = sizeof un->sun_path - 1; /* too long a path: the kernel says ENOENT */
    memcpy(un->sun_path, o->path, length);
    return sizeof *un;
}

//@ bind_socket needs socket_address output
/* The process that accepts (or receives datagrams) binds before its first step, so others can reach it. */
static void bind_socket(struct ipc_object *o)
{
    struct sockaddr_storage address;
    socklen_t length = socket_address(o, &address);
    int stream = o->socket_type != SOCK_DGRAM; /* a connection to accept, not datagrams to receive */
    int fd = socket(o->type == TCP ? AF_INET : AF_UNIX, o->socket_type, 0);
    int one = 1;
    if (o->type == TCP) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (fd < 0 || bind(fd, (struct sockaddr *)&address, length) != 0 || (stream && listen(fd, 16) != 0)) {
        say("binding %s: -1%s", o->id, error_text(-1, errno));
        exit(70);
    }
    o->fd[stream ? LISTENER : BOUND] = fd;
    say("socket + bind%s(%s) = %d", stream ? " + listen" : "", o->id, fd);
}

//@ need_fd needs objects
/*
 * The descriptor of END, or -1 when this process does not hold it (never had it, or closed it): the call is made
 * anyway and the kernel answers EBADF, as a C program using a closed descriptor's variable would see.
 */
static int need_fd(const struct ipc_object *o, enum end end)
{
    return o->fd[end];
}

//@ write_bytes needs need_fd output trace_step
static void write_bytes(struct ipc_object *o, enum end end, const void *data, size_t length)
{
    ssize_t n = write(need_fd(o, end), data, length);
    int error = errno;
    say("write(%s) = %ld%s", o->id, (long)n, error_text(n, error));
    trace_step("write", o->id, n, error, "");
}

//@ generated_bytes
/* The bytes a step with "size" writes: abcd...z, again and again. */
static unsigned char *generated_bytes(size_t size)
{
    unsigned char *bytes = malloc(size ? size : 1);
    for (size_t i = 0; bytes && i < size; i++) bytes[i] = (unsigned char)('a' + i % 26);
    return bytes;
}

//@ write_generated needs write_bytes generated_bytes
static void write_generated(struct ipc_object *o, enum end end, size_t size)
{
    unsigned char *bytes = generated_bytes(size);
    write_bytes(o, end, bytes, size);
    free(bytes);
}

//@ read_bytes needs need_fd quoted trace_step trace_data
static void read_bytes(struct ipc_object *o, enum end end, size_t max)
{
    unsigned char *buffer = malloc(max ? max : 1);
    ssize_t n = read(need_fd(o, end), buffer, max);
    int error = errno;
    if (n > 0) say("read(%s) = %ld %s", o->id, (long)n, quoted(buffer, n));
    else say("read(%s) = %ld%s", o->id, (long)n, error_text(n, error));
    trace_step("read", o->id, n, error, trace_data(buffer, n));
    free(buffer);
}

//@ accept_connection needs need_fd output trace_step
static void accept_connection(struct ipc_object *o)
{
    int fd = accept4(need_fd(o, LISTENER), NULL, NULL, 0);
    int error = errno;
    say("accept(%s) = %d%s", o->id, fd, error_text(fd, error));
    trace_step("accept", o->id, fd, error, "");
    if (fd >= 0) o->fd[SOCKET] = fd;
}

//@ open_fifo needs objects output trace_step
static void open_fifo(struct ipc_object *o, int flags)
{
    int fd = open(o->path, flags);
    int error = errno;
    static const char *const modes[] = { "O_RDONLY", "O_WRONLY", "O_RDWR" };
    say("open(%s, %s) = %d%s", o->id, modes[flags & O_ACCMODE], fd, error_text(fd, error));
    trace_step("open", o->id, fd, error, "");
    if (fd < 0) return;
    if (flags != O_WRONLY) o->fd[READ_END] = fd;
    if (flags != O_RDONLY) o->fd[WRITE_END] = fd;
}

//@ connect_socket needs socket_address output trace_step
static void connect_socket(struct ipc_object *o)
{
    struct sockaddr_storage address;
    socklen_t length = socket_address(o, &address);
    int fd = socket(o->type == TCP ? AF_INET : AF_UNIX, o->socket_type, 0);
    int rc = connect(fd, (struct sockaddr *)&address, length);
    int error = errno;
    say("connect(%s) = %d%s", o->id, rc, error_text(rc, error));
    trace_step("open", o->id, rc, error, "");
    if (rc < 0) close(fd);
    else o->fd[o->socket_type == SOCK_DGRAM ? CONNECTED : SOCKET] = fd;
}

//@ close_object needs objects output end_names trace_step
/*
 * One close step: mq_close or the shared memory's detach where the process holds one, else close(2) of every end it
 * holds, or of the END asked for; a descriptor held as two ends (a FIFO opened read-write) is closed with the
 * second. The step's result is the first failure, or 0. With no end held, it closes -1 and the kernel answers EBADF.
 */
static void close_object(struct ipc_object *o, int only_end)
{
    if (o->type == POSIX_MQ && o->queue != (mqd_t)-1) {
        int rc = mq_close(o->queue);
        int error = errno;
        o->queue = (mqd_t)-1;
        say("mq_close(%s) = %d%s", o->id, rc, error_text(rc, error));
        trace_step("close", o->id, rc, error, "");
        return;
    }
    if ((o->type == SYSV_SHM || o->type == POSIX_SHM) && o->memory) {
        int rc = o->type == SYSV_SHM ? shmdt(o->memory) : munmap(o->memory, o->size);
        int error = errno;
        o->memory = NULL;
        say("%s(%s) = %d%s", o->type == SYSV_SHM ? "shmdt" : "munmap", o->id, rc, error_text(rc, error));
        trace_step("close", o->id, rc, error, "");
        return;
    }
    int result = 0, first_error = 0, closed_any = 0;
    for (int end = 0; end < END_COUNT; end++) {
        if ((only_end != ALL_ENDS && end != only_end) || o->fd[end] < 0) continue;
        int fd = o->fd[end], shared = 0;
        o->fd[end] = -1;
        closed_any = 1;
        for (int other = 0; other < END_COUNT; other++) shared |= o->fd[other] == fd;
        if (shared) continue;
        int rc = close(fd);
        say("close(%s, %s end) = %d%s", o->id, end_names[end], rc, error_text(rc, errno));
        if (rc < 0 && result == 0) result = rc, first_error = errno;
    }
    if (!closed_any) {
        result = close(-1);
        first_error = errno;
        say("close(%s) = %d%s: no end of it is open in this process", o->id, result, error_text(result, first_error));
    }
    trace_step("close", o->id, result, first_error, "");
}

//@ poll_objects needs first_held output trace_step fields
/* One entry of a poll step: the object, the end it names (-1: the one it holds, first_held), POLLIN and/or POLLOUT. */
struct poll_entry {
    struct ipc_object *object;
    int end;
    short events;
};

/* poll(2) over COUNT entries; the trace lists each ready one as OBJECT:event+event. timeout_ms < 0 waits for ever. */
static void poll_objects(const struct poll_entry *entries, int count, int timeout_ms)
{
    struct pollfd fds[16];
    for (int i = 0; i < count; i++) {
        const struct poll_entry *entry = &entries[i];
        fds[i] = (struct pollfd){ entry->end >= 0 ? entry->object->fd[entry->end] : first_held(entry->object), entry->events, 0 };
    }
    int rc = poll(fds, (nfds_t)count, timeout_ms);
    int error = errno;
    char ready[512] = "";
    static const struct { short bit; const char *name; } names[] = {
        { POLLIN, "in" }, { POLLPRI, "pri" }, { POLLOUT, "out" }, { POLLERR, "err" }, { POLLHUP, "hup" }, { POLLNVAL, "nval" },
    };
    for (int i = 0; rc > 0 && i < count; i++) {
        if (!fds[i].revents) continue;
        size_t used = strlen(ready);
        snprintf(ready + used, sizeof ready - used, "%s%s:", used ? "," : "", entries[i].object->id);
        int first = 1;
        for (size_t b = 0; b < sizeof names / sizeof names[0]; b++)
            if (fds[i].revents & names[b].bit) {
                used = strlen(ready);
                snprintf(ready + used, sizeof ready - used, "%s%s", first ? "" : "+", names[b].name);
                first = 0;
            }
    }
    say("poll(%d descriptors, %d ms) = %d%s%s%s", count, timeout_ms, rc, error_text(rc, error), *ready ? ": " : "", ready);
    trace_step("poll", "-", rc, error, *ready ? fields(" ready=%s", ready) : "");
}
