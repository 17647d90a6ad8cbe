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
    int stream = o->type != UNIX_DGRAM;
    int fd = socket(o->type == TCP ? AF_INET : AF_UNIX, stream ? SOCK_STREAM : SOCK_DGRAM, 0);
    int one = 1;
    if (o->type == TCP) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (fd < 0 || bind(fd, (struct sockaddr *)&address, length) != 0 || (stream && listen(fd, 16) != 0)) {
        say("binding %s: -1%s", o->id, error_text(-1, errno));
        exit(70);
    }
    o->fd[stream ? LISTENER : BOUND] = fd;
    say("socket + bind%s(%s) = %d", stream ? " + listen" : "", o->id, fd);
}

//@ need_fd needs objects output end_names
/* The descriptor of END, or -1 after saying why the step cannot run (as the playground refuses it). */
static int need_fd(const struct ipc_object *o, enum end end, const char *op)
{
    if (o->fd[end] >= 0) return o->fd[end];
    if (o->type == FIFO) say("%s %s: refused: open '%s' first", op, o->id, o->id);
    else if (o->type == UNIX_STREAM || o->type == TCP) say("%s %s: refused: open (connect) or accept on '%s' first", op, o->id, o->id);
    else say("%s %s: refused: the %s end of '%s' is not open in this process", op, o->id, end_names[end], o->id);
    return -1;
}

//@ write_bytes needs need_fd
static void write_bytes(struct ipc_object *o, enum end end, const void *data, size_t length)
{
    int fd = need_fd(o, end, "write");
    if (fd < 0) return;
    ssize_t n = write(fd, data, length);
    say("write(%s) = %ld%s", o->id, (long)n, error_text(n, errno));
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

//@ read_bytes needs need_fd quoted
static void read_bytes(struct ipc_object *o, enum end end, size_t max)
{
    int fd = need_fd(o, end, "read");
    if (fd < 0) return;
    unsigned char *buffer = malloc(max ? max : 1);
    ssize_t n = read(fd, buffer, max);
    int error = errno;
    if (n > 0) say("read(%s) = %ld %s", o->id, (long)n, quoted(buffer, n));
    else say("read(%s) = %ld%s", o->id, (long)n, error_text(n, error));
    free(buffer);
}

//@ accept_connection needs need_fd
static void accept_connection(struct ipc_object *o)
{
    int listener = need_fd(o, LISTENER, "accept");
    if (listener < 0) return;
    int fd = accept4(listener, NULL, NULL, 0);
    say("accept(%s) = %d%s", o->id, fd, error_text(fd, errno));
    if (fd >= 0) o->fd[SOCKET] = fd;
}

//@ open_fifo needs objects output
static void open_fifo(struct ipc_object *o, int flags)
{
    int fd = open(o->path, flags);
    static const char *const modes[] = { "O_RDONLY", "O_WRONLY", "O_RDWR" };
    say("open(%s, %s) = %d%s", o->id, modes[flags & O_ACCMODE], fd, error_text(fd, errno));
    if (fd < 0) return;
    if (flags != O_WRONLY) o->fd[READ_END] = fd;
    if (flags != O_RDONLY) o->fd[WRITE_END] = fd;
}

//@ connect_socket needs socket_address output
static void connect_socket(struct ipc_object *o)
{
    struct sockaddr_storage address;
    socklen_t length = socket_address(o, &address);
    int fd = socket(o->type == TCP ? AF_INET : AF_UNIX, o->type == UNIX_DGRAM ? SOCK_DGRAM : SOCK_STREAM, 0);
    int rc = connect(fd, (struct sockaddr *)&address, length);
    say("connect(%s) = %d%s", o->id, rc, error_text(rc, errno));
    if (rc < 0) close(fd);
    else o->fd[o->type == UNIX_DGRAM ? CONNECTED : SOCKET] = fd;
}

//@ close_object needs objects output end_names
/* Closes one end (or every end this process holds; one descriptor held as two ends is closed once). */
static void close_object(struct ipc_object *o, int only_end)
{
    if (o->type == POSIX_MQ && o->queue != (mqd_t)-1) {
        int rc = mq_close(o->queue);
        o->queue = (mqd_t)-1;
        say("mq_close(%s) = %d%s", o->id, rc, error_text(rc, errno));
        return;
    }
    if ((o->type == SYSV_SHM || o->type == POSIX_SHM) && o->memory) {
        int rc = o->type == SYSV_SHM ? shmdt(o->memory) : munmap(o->memory, o->size);
        o->memory = NULL;
        say("%s(%s) = %d%s", o->type == SYSV_SHM ? "shmdt" : "munmap", o->id, rc, error_text(rc, errno));
        return;
    }
    int closed_any = 0;
    for (int end = 0; end < END_COUNT; end++) {
        if ((only_end != ALL_ENDS && end != only_end) || o->fd[end] < 0) continue;
        int fd = o->fd[end], shared = 0;
        o->fd[end] = -1;
        for (int other = 0; other < END_COUNT; other++) shared |= o->fd[other] == fd;
        closed_any = 1;
        if (shared) continue;
        int rc = close(fd);
        say("close(%s, %s end) = %d%s", o->id, end_names[end], rc, error_text(rc, errno));
    }
    if (!closed_any && only_end == ALL_ENDS) say("close %s: refused: '%s' has nothing open in this process", o->id, o->id);
    else if (!closed_any) say("close %s: refused: '%s' has no open %s end in this process", o->id, o->id, end_names[only_end]);
}
