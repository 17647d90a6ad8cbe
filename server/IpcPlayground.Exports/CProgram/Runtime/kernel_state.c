//@ stat_stream needs first_held output trace_step fields
/*
 * FIONREAD: bytes waiting to be read; F_GETPIPE_SZ: the pipe's capacity. Asked on a descriptor this process holds,
 * the first of its data ends (a listening socket only when it holds nothing else: FIONREAD on it is EINVAL), or on
 * -1 when it holds none (the kernel answers EBADF).
 */
static void stat_stream(struct ipc_object *o)
{
    int fd = first_held(o);
    int buffered = 0;
    int rc = ioctl(fd, FIONREAD, &buffered);
    int error = errno;
    if (rc < 0) {
        say("ioctl(%s, FIONREAD) = %d%s", o->id, rc, error_text(rc, error));
        trace_step("stat", o->id, rc, error, "");
    } else if (o->type == PIPE || o->type == FIFO) {
        int capacity = fcntl(fd, F_GETPIPE_SZ);
        say("ioctl(%s, FIONREAD) = 0: %d bytes buffered, capacity %d", o->id, buffered, capacity);
        trace_step("stat", o->id, 0, 0, fields(" buffered=%d capacity=%d", buffered, capacity));
    } else {
        say("ioctl(%s, FIONREAD) = 0: %d bytes buffered", o->id, buffered);
        trace_step("stat", o->id, 0, 0, fields(" buffered=%d", buffered));
    }
}

//@ stat_sysv_queue needs objects output trace_step fields
/* IPC_STAT, then each message's type and size, copied without taking it (MSG_COPY). */
static void stat_sysv_queue(struct ipc_object *o)
{
    struct msqid_ds info;
    int rc = msgctl(o->sysv_id, IPC_STAT, &info);
    int error = errno;
    if (rc < 0) {
        say("msgctl(%s, IPC_STAT) = %d%s", o->id, rc, error_text(rc, error));
        trace_step("stat", o->id, rc, error, "");
        return;
    }
    say("msgctl(%s, IPC_STAT) = 0: %lu messages, %lu bytes queued (of %lu)", o->id, (unsigned long)info.msg_qnum,
        (unsigned long)info.__msg_cbytes, (unsigned long)info.msg_qbytes);
    trace_step("stat", o->id, 0, 0, fields(" messages=%lu bytes=%lu", (unsigned long)info.msg_qnum, (unsigned long)info.__msg_cbytes));
    struct { long type; char text[8192]; } message;
    for (unsigned long i = 0; i < info.msg_qnum; i++) {
        ssize_t n = msgrcv(o->sysv_id, &message, sizeof message.text, (long)i, IPC_NOWAIT | MSG_COPY | MSG_NOERROR);
        if (n < 0) break;
        say("  message %lu: type %ld, %ld bytes", i, message.type, (long)n);
    }
}

//@ stat_sysv_segment needs objects quoted trace_step fields
static void stat_sysv_segment(struct ipc_object *o)
{
    struct shmid_ds info;
    int rc = shmctl(o->sysv_id, IPC_STAT, &info);
    int error = errno;
    if (rc < 0) {
        say("shmctl(%s, IPC_STAT) = %d%s", o->id, rc, error_text(rc, error));
        trace_step("stat", o->id, rc, error, "");
        return;
    }
    say("shmctl(%s, IPC_STAT) = 0: %lu bytes, attached %lu times%s%s", o->id, (unsigned long)info.shm_segsz,
        (unsigned long)info.shm_nattch, o->memory ? ", starts " : "", o->memory ? quoted(o->memory, 16) : "");
    trace_step("stat", o->id, 0, 0, fields(" size=%lu", (unsigned long)info.shm_segsz));
}

//@ stat_sysv_semaphores needs objects output trace_step fields
/* GETALL: every member's value; GETNCNT: how many processes wait for member 0 to grow. */
static void stat_sysv_semaphores(struct ipc_object *o)
{
    unsigned short *values = calloc(o->count, sizeof *values);
    int rc = semctl(o->sysv_id, 0, GETALL, values);
    int error = errno;
    if (rc < 0) {
        say("semctl(%s, GETALL) = %d%s", o->id, rc, error_text(rc, error));
        trace_step("stat", o->id, rc, error, "");
    } else {
        char text[512] = "", list[512] = "";
        for (int i = 0; i < o->count && strlen(text) < 480; i++) {
            snprintf(text + strlen(text), sizeof text - strlen(text), " %u", values[i]);
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%u", i ? "," : "", values[i]);
        }
        say("semctl(%s, GETALL) = 0: values%s, %d waiting", o->id, text, semctl(o->sysv_id, 0, GETNCNT));
        trace_step("stat", o->id, 0, 0, fields(" values=%s", list));
    }
    free(values);
}

//@ stat_posix_queue needs objects output trace_step fields
static void stat_posix_queue(struct ipc_object *o)
{
    mqd_t queue = o->queue != (mqd_t)-1 ? o->queue : mq_open(o->name, O_RDONLY);
    struct mq_attr attr;
    int rc = queue == (mqd_t)-1 ? -1 : mq_getattr(queue, &attr);
    int error = errno;
    if (queue != (mqd_t)-1 && queue != o->queue) mq_close(queue);
    if (rc < 0) {
        say("mq_getattr(%s) = %d%s", o->id, rc, error_text(rc, error));
        trace_step("stat", o->id, rc, error, "");
        return;
    }
    say("mq_getattr(%s) = 0: %ld messages (of %ld), up to %ld bytes each", o->id, attr.mq_curmsgs, attr.mq_maxmsg, attr.mq_msgsize);
    trace_step("stat", o->id, 0, 0, fields(" messages=%ld", attr.mq_curmsgs));
}

//@ stat_posix_semaphore needs objects output trace_step fields
static void stat_posix_semaphore(struct ipc_object *o)
{
    sem_t *semaphore = o->semaphore ? o->semaphore : sem_open(o->name, 0);
    int value = 0;
    int rc = semaphore == SEM_FAILED ? -1 : sem_getvalue(semaphore, &value);
    int error = errno;
    if (semaphore != SEM_FAILED && semaphore != o->semaphore) sem_close(semaphore);
    if (rc < 0) {
        say("sem_getvalue(%s) = %d%s", o->id, rc, error_text(rc, error));
        trace_step("stat", o->id, rc, error, "");
        return;
    }
    say("sem_getvalue(%s) = 0: value %d", o->id, value);
    trace_step("stat", o->id, 0, 0, fields(" value=%d", value));
}

//@ stat_posix_memory needs objects output quoted trace_step
/* POSIX shared memory has no counters to ask for: the step shows the object's size and its first bytes. */
static void stat_posix_memory(struct ipc_object *o)
{
    if (o->memory) say("stat %s: %d bytes, starts %s", o->id, o->size, quoted(o->memory, 16));
    else say("stat %s: %d bytes, not attached in this process", o->id, o->size);
    trace_step("stat", o->id, 0, 0, "");
}

//@ remove_object needs objects output trace_step
/* IPC_RMID for System V objects, *_unlink for POSIX ones, unlink(2) for a fifo's or socket's path. */
static void remove_object(struct ipc_object *o)
{
    int rc;
    const char *call;
    if (o->type == SYSV_MSGQ) rc = msgctl(o->sysv_id, IPC_RMID, NULL), call = "msgctl(IPC_RMID)";
    else if (o->type == SYSV_SHM) rc = shmctl(o->sysv_id, IPC_RMID, NULL), call = "shmctl(IPC_RMID)";
    else if (o->type == SYSV_SEM) rc = semctl(o->sysv_id, 0, IPC_RMID), call = "semctl(IPC_RMID)";
    else if (o->type == POSIX_MQ) rc = mq_unlink(o->name), call = "mq_unlink";
    else if (o->type == POSIX_SHM) rc = shm_unlink(o->name), call = "shm_unlink";
    else if (o->type == POSIX_SEM) rc = sem_unlink(o->name), call = "sem_unlink";
    else rc = unlink(o->path), call = "unlink";
    int error = errno;
    say("%s(%s) = %d%s", call, o->id, rc, error_text(rc, error));
    trace_step("remove", o->id, rc, error, "");
}

//@ open_sysv needs run_table attach_memory key_of remember_sysv_object trace_step
/* msgget / shmget / semget with the object's key: ftok gives every process the same key for the same file, while
   IPC_PRIVATE makes a new object every time, whose identifier the processes this one spawns afterwards inherit. */
static void open_sysv(struct ipc_object *o, int flags)
{
    key_t key = key_of(o);
    int id;
    const char *call;
    if (o->type == SYSV_MSGQ) id = msgget(key, flags | 0600), call = "msgget";
    else if (o->type == SYSV_SHM) id = shmget(key, o->size, flags | 0600), call = "shmget";
    else id = semget(key, o->count, flags | 0600), call = "semget";
    int error = errno;
    say("%s(%s, key 0x%x%s%s) = %d%s", call, o->id, (unsigned)key, flags & IPC_CREAT ? ", IPC_CREAT" : "", flags & IPC_EXCL ? " | IPC_EXCL" : "",
        id, error_text(id, error));
    trace_step("open", o->id, id, error, "");
    if (id < 0) return;
    o->sysv_id = id;
    remember_sysv_object(o->type, id);
    if (o->type == SYSV_SHM) attach_memory(o, 1, 0);
}

//@ stat_path needs set_path output trace_step fields
/* lstat(2) of a path of the experiment (in the private directory): its type, permission bits, links and size. */
static void stat_path(const char *path)
{
    char local[256];
    sandbox_path(local, sizeof local, path);
    struct stat st;
    int rc = lstat(local, &st);
    int error = errno;
    if (rc != 0) {
        say("lstat(%s) = -1%s", path, error_text(-1, error));
        trace_step("stat", "-", -1, error, error == ENOENT || error == ENOTDIR ? " file=missing" : "");
        return;
    }
    const char *type = S_ISFIFO(st.st_mode) ? "fifo" : S_ISSOCK(st.st_mode) ? "socket" : S_ISREG(st.st_mode) ? "regular"
        : S_ISDIR(st.st_mode) ? "directory" : S_ISLNK(st.st_mode) ? "symlink" : S_ISCHR(st.st_mode) ? "character-device" : "block-device";
    say("lstat(%s) = 0: %s, mode 0%03o, %ld link(s), %lld bytes", path, type, (unsigned)(st.st_mode & 07777), (long)st.st_nlink, (long long)st.st_size);
    trace_step("stat", "-", 0, 0, fields(" file=%s:0%03o:%ld:%lld", type, (unsigned)(st.st_mode & 07777), (long)st.st_nlink, (long long)st.st_size));
}
