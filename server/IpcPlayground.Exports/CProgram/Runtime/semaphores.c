//@ semop_sysv needs need_sysv_id
/* DELTA < 0 waits (takes), > 0 posts (gives back); undo asks the kernel to reverse it when the process exits. */
static void semop_sysv(struct ipc_object *o, int index, int delta, int undo, int nowait)
{
    int id = need_sysv_id(o, delta < 0 ? "semWait" : "semPost");
    if (id < 0) return;
    struct sembuf operation = { (unsigned short)index, (short)delta, (short)((undo ? SEM_UNDO : 0) | (nowait ? IPC_NOWAIT : 0)) };
    int rc = semop(id, &operation, 1);
    say("semop(%s, member %d, %+d%s) = %d%s", o->id, index, delta, undo ? ", SEM_UNDO" : "", rc, error_text(rc, errno));
}

//@ semaphore_of needs objects output
static sem_t *semaphore_of(struct ipc_object *o, const char *op)
{
    if (o->semaphore) return o->semaphore;
    o->semaphore = sem_open(o->name, 0);
    if (o->semaphore == SEM_FAILED) {
        say("%s %s: refused: sem_open %s:%s", op, o->id, o->name, error_text(-1, errno));
        o->semaphore = NULL;
    }
    return o->semaphore;
}

//@ sem_op_posix needs semaphore_of
/* DELTA < 0: sem_wait -DELTA times (each takes one); DELTA > 0: sem_post DELTA times. Then the value, as the event says. */
static void sem_op_posix(struct ipc_object *o, int delta)
{
    const char *call = delta < 0 ? "sem_wait" : "sem_post";
    sem_t *semaphore = semaphore_of(o, delta < 0 ? "semWait" : "semPost");
    if (!semaphore) return;
    int rc = 0, value = 0, times = delta < 0 ? -delta : delta;
    for (int i = 0; i < times && rc == 0; i++) rc = delta < 0 ? sem_wait(semaphore) : sem_post(semaphore);
    int error = errno;
    sem_getvalue(semaphore, &value);
    if (rc == 0) say("%s(%s) x %d = 0, value %d", call, o->id, times, value);
    else say("%s(%s) = %d%s", call, o->id, rc, error_text(rc, error));
}

//@ open_posix_semaphore needs objects output
static void open_posix_semaphore(struct ipc_object *o)
{
    sem_t *semaphore = sem_open(o->name, 0);
    int rc = semaphore == SEM_FAILED ? -1 : 0;
    say("sem_open(%s) = %d%s", o->id, rc, error_text(rc, errno));
    if (rc == 0) o->semaphore = semaphore;
}
