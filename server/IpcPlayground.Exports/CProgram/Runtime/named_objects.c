//@ create_fifo needs objects output
/* main makes the named objects before any process starts, as the playground's supervisor does. */
static void create_fifo(struct ipc_object *o)
{
    int rc = mkfifo(o->path, 0666);
    say("mkfifo(%s) = %d%s", o->id, rc, error_text(rc, errno));
}

//@ sysv_key_for_creation needs key_of
/* ftok needs an existing file: the experiment names a path, and main makes the file. */
static key_t sysv_key_for_creation(struct ipc_object *o)
{
    if (o->key_kind == KEY_FTOK) {
        int fd = open(o->path, O_CREAT | O_RDWR, 0666);
        if (fd >= 0) close(fd);
    }
    return key_of(o);
}

//@ create_sysv_queue needs sysv_key_for_creation output
static void create_sysv_queue(struct ipc_object *o)
{
    key_t key = sysv_key_for_creation(o);
    o->sysv_id = o->created_sysv_id = msgget(key, IPC_CREAT | 0666);
    say("msgget(%s, key 0x%x, IPC_CREAT) = %d%s", o->id, (unsigned)key, o->sysv_id, error_text(o->sysv_id, errno));
}

//@ create_sysv_segment needs sysv_key_for_creation output
static void create_sysv_segment(struct ipc_object *o)
{
    key_t key = sysv_key_for_creation(o);
    o->sysv_id = o->created_sysv_id = shmget(key, o->size, IPC_CREAT | 0666);
    say("shmget(%s, key 0x%x, %d bytes, IPC_CREAT) = %d%s", o->id, (unsigned)key, o->size, o->sysv_id, error_text(o->sysv_id, errno));
}

//@ create_sysv_semaphore_set needs sysv_key_for_creation output
static void create_sysv_semaphore_set(struct ipc_object *o)
{
    key_t key = sysv_key_for_creation(o);
    o->sysv_id = o->created_sysv_id = semget(key, o->count, IPC_CREAT | 0666);
    say("semget(%s, key 0x%x, %d members, IPC_CREAT) = %d%s", o->id, (unsigned)key, o->count, o->sysv_id, error_text(o->sysv_id, errno));
    if (o->sysv_id < 0) return;
    unsigned short *values = calloc(o->count, sizeof *values);
    for (int i = 0; i < o->count; i++) values[i] = o->initial_values ? o->initial_values[i] : (unsigned short)o->initial;
    int rc = semctl(o->sysv_id, 0, SETALL, values);
    if (o->initial_values) say("semctl(%s, SETALL, one value per member) = %d%s", o->id, rc, error_text(rc, errno));
    else say("semctl(%s, SETALL, %d) = %d%s", o->id, o->initial, rc, error_text(rc, errno));
    free(values);
}

//@ create_posix_queue needs objects output
static void create_posix_queue(struct ipc_object *o)
{
    struct mq_attr attr = { .mq_maxmsg = o->max_messages, .mq_msgsize = o->message_size };
    mqd_t queue = mq_open(o->name, O_CREAT | O_RDWR, 0666, &attr);
    say("mq_open(%s, O_CREAT, %d x %d bytes) = %d%s", o->name, o->max_messages, o->message_size, queue == (mqd_t)-1 ? -1 : 0,
        error_text(queue == (mqd_t)-1 ? -1 : 0, errno));
    if (queue != (mqd_t)-1) mq_close(queue);
}

//@ create_posix_memory needs objects output
static void create_posix_memory(struct ipc_object *o)
{
    int fd = shm_open(o->name, O_CREAT | O_RDWR, 0666);
    int rc = fd < 0 ? -1 : ftruncate(fd, o->size);
    say("shm_open(%s, O_CREAT) + ftruncate(%d) = %d%s", o->name, o->size, rc, error_text(rc, errno));
    if (fd >= 0) close(fd);
}

//@ create_posix_semaphore needs objects output
static void create_posix_semaphore(struct ipc_object *o)
{
    sem_t *semaphore = sem_open(o->name, O_CREAT, 0666, (unsigned)o->initial);
    int rc = semaphore == SEM_FAILED ? -1 : 0;
    say("sem_open(%s, O_CREAT, %d) = %d%s", o->name, o->initial, rc, error_text(rc, errno));
    if (semaphore != SEM_FAILED) sem_close(semaphore);
}
