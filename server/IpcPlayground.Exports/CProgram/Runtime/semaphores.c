//@ semop_sysv needs objects output trace_step fields
/*
 * DELTA < 0 waits (takes), > 0 posts (gives back); undo asks the kernel to reverse it when the process exits. Then
 * the member's value (GETVAL), as the playground's event says: a sleeper this post woke has already taken its share,
 * since the kernel completes a waiting semop on behalf of the process it wakes.
 */
static void semop_sysv(struct ipc_object *o, int index, int delta, int undo, int nowait)
{
    struct sembuf operation = { (unsigned short)index, (short)delta, (short)((undo ? SEM_UNDO : 0) | (nowait ? IPC_NOWAIT : 0)) };
    int rc = semop(o->sysv_id, &operation, 1);
    int error = errno;
    const char *op = delta < 0 ? "semWait" : "semPost";
    if (rc < 0) {
        say("semop(%s, member %d, %+d%s) = %d%s", o->id, index, delta, undo ? ", SEM_UNDO" : "", rc, error_text(rc, error));
        trace_step(op, o->id, rc, error, "");
        return;
    }
    int value = semctl(o->sysv_id, index, GETVAL);
    say("semop(%s, member %d, %+d%s) = 0, value %d", o->id, index, delta, undo ? ", SEM_UNDO" : "", value);
    trace_step(op, o->id, rc, 0, fields(" value=%d", value));
}

//@ semaphore_of needs objects output
/* The process's POSIX semaphore, opened on first use; NULL (errno says why) if it cannot be. */
static sem_t *semaphore_of(struct ipc_object *o)
{
    if (o->semaphore) return o->semaphore;
    o->semaphore = sem_open(o->name, 0);
    if (o->semaphore == SEM_FAILED) {
        int error = errno;
        say("sem_open(%s) = -1%s", o->id, error_text(-1, error));
        o->semaphore = NULL;
        errno = error;
    }
    return o->semaphore;
}

//@ sem_op_posix needs semaphore_of trace_step fields
/* DELTA < 0: sem_wait -DELTA times (each takes one); DELTA > 0: sem_post DELTA times. Then the value, as the event says. */
static void sem_op_posix(struct ipc_object *o, int delta)
{
    const char *call = delta < 0 ? "sem_wait" : "sem_post", *op = delta < 0 ? "semWait" : "semPost";
    sem_t *semaphore = semaphore_of(o);
    if (!semaphore) {
        trace_step(op, o->id, -1, errno, "");
        return;
    }
    int rc = 0, value = 0, times = delta < 0 ? -delta : delta;
    for (int i = 0; i < times && rc == 0; i++) rc = delta < 0 ? sem_wait(semaphore) : sem_post(semaphore);
    int error = errno;
    if (rc != 0) {
        say("%s(%s) = %d%s", call, o->id, rc, error_text(rc, error));
        trace_step(op, o->id, rc, error, "");
        return;
    }
    sem_getvalue(semaphore, &value);
    say("%s(%s) x %d = 0, value %d", call, o->id, times, value);
    trace_step(op, o->id, 0, 0, fields(" value=%d", value));
}

//@ open_posix_semaphore needs objects output trace_step
static void open_posix_semaphore(struct ipc_object *o, int flags)
{
    sem_t *semaphore = flags & O_CREAT ? sem_open(o->name, flags, 0666, (unsigned)o->initial) : sem_open(o->name, 0);
    int rc = semaphore == SEM_FAILED ? -1 : 0;
    int error = errno;
    say("sem_open(%s) = %d%s", o->id, rc, error_text(rc, error));
    trace_step("open", o->id, rc, error, "");
    if (rc == 0) o->semaphore = semaphore;
}
