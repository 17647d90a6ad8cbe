//@ output
/* The experiment process this code runs as ("(main)" until a fork gives it a name from the experiment). */
static const char *me = "(main)";
static int my_index = -1; /* me's index in process_names */

static const char *const signal_names[32] = {
    [SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT", [SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP",
    [SIGABRT] = "SIGABRT", [SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL", [SIGUSR1] = "SIGUSR1",
    [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2", [SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
    [SIGSTKFLT] = "SIGSTKFLT", [SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT", [SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP",
    [SIGTTIN] = "SIGTTIN", [SIGTTOU] = "SIGTTOU", [SIGURG] = "SIGURG", [SIGXCPU] = "SIGXCPU", [SIGXFSZ] = "SIGXFSZ",
    [SIGVTALRM] = "SIGVTALRM", [SIGPROF] = "SIGPROF", [SIGWINCH] = "SIGWINCH", [SIGIO] = "SIGIO", [SIGPWR] = "SIGPWR",
    [SIGSYS] = "SIGSYS",
};

/* glibc's SIGRTMIN is 34 (the kernel's 32 and 33 belong to the threading library), SIGRTMAX 64. */
static const char *const realtime_names[31] = {
    "SIGRTMIN", "SIGRTMIN+1", "SIGRTMIN+2", "SIGRTMIN+3", "SIGRTMIN+4", "SIGRTMIN+5", "SIGRTMIN+6", "SIGRTMIN+7",
    "SIGRTMIN+8", "SIGRTMIN+9", "SIGRTMIN+10", "SIGRTMIN+11", "SIGRTMIN+12", "SIGRTMIN+13", "SIGRTMIN+14",
    "SIGRTMIN+15", "SIGRTMIN+16", "SIGRTMIN+17", "SIGRTMIN+18", "SIGRTMIN+19", "SIGRTMIN+20", "SIGRTMIN+21",
    "SIGRTMIN+22", "SIGRTMIN+23", "SIGRTMIN+24", "SIGRTMIN+25", "SIGRTMIN+26", "SIGRTMIN+27", "SIGRTMIN+28",
    "SIGRTMIN+29", "SIGRTMAX",
};

static const char *signal_name(int signo)
{
    if (signo >= 34 && signo <= 64) return realtime_names[signo - 34];
    return signo > 0 && signo < 32 && signal_names[signo] ? signal_names[signo] : "SIG?";
}

/* Writes LEAD, then the formatted text, as one line with one write(2), so the lines of different processes never mix. */
__attribute__((format(printf, 3, 0)))
static void write_line(int fd, const char *lead, const char *format, va_list args)
{
    char line[1400];
    int n = snprintf(line, sizeof line, "%s", lead);
    n += vsnprintf(line + n, sizeof line - n, format, args);
    if (n > (int)sizeof line - 2) n = (int)sizeof line - 2;
    line[n++] = '\n';
    ssize_t written = write(fd, line, n);
    (void)written;
}

/* Prints "[process] text" on standard output. */
__attribute__((format(printf, 1, 2)))
static void say(const char *format, ...)
{
    char lead[64];
    snprintf(lead, sizeof lead, "[%s] ", me);
    va_list args;
    va_start(args, format);
    write_line(STDOUT_FILENO, lead, format, args);
    va_end(args);
}

/* "" for a call that succeeded, else " " and errno's symbolic name, as the playground's events spell it. */
static const char *error_text(long result, int error)
{
    static char text[64];
    if (result >= 0) return "";
    const char *name = strerrorname_np(error);
    snprintf(text, sizeof text, " %s", name ? name : "E?");
    return text;
}

//@ trace needs output
/*
 * For the playground's fidelity oracle, which runs this program beside the experiment's run and compares the two:
 * with IPCPLAY_TRACE set in the environment, every step also writes one line to standard error, in the normalised
 * form the oracle reads a run's events into:
 *   @ PROCESS step PATH ITERATION OP SUBJECT RESULT ERRNO [data=... value=N type=N priority=N exit=code:N|signal:NAME]
 *   @ PROCESS signal NAME DISPOSITION [code=SI_... sender=PROCESS value=N]
 *   @ PROCESS exit code N      @ PROCESS exit signal NAME      @ - run STATUS
 * ITERATION is "-" outside a repeat, ERRNO "-" on success. Off by default: the program's own lines stay on stdout.
 */
static int tracing;

/* One trace line for PROCESS, "@ process text", on standard error. */
__attribute__((format(printf, 2, 3)))
static void trace(const char *process, const char *format, ...)
{
    if (!tracing) return;
    char lead[64];
    snprintf(lead, sizeof lead, "@ %s ", process);
    va_list args;
    va_start(args, format);
    write_line(STDERR_FILENO, lead, format, args);
    va_end(args);
}

//@ at_step needs trace
static const char *step_path = "-";
static int step_iteration = -1;

/* The step of the process's script that runs next: its path ("3", or "3.1" inside a repeat) and the iteration. */
static void at_step(const char *path, int iteration)
{
    step_path = path;
    step_iteration = iteration;
}

//@ trace_step needs at_step
/* The record of the step at_step named; FIELDS (" data=... value=N ...", or "") follow the result. */
static void trace_step(const char *op, const char *subject, long result, int error, const char *fields)
{
    if (!tracing) return;
    char iteration[16] = "-";
    if (step_iteration >= 0) snprintf(iteration, sizeof iteration, "%d", step_iteration);
    const char *name = result < 0 ? strerrorname_np(error) : "-";
    trace(me, "step %s %s %s %s %ld %s%s", step_path, iteration, op, subject, result, name ? name : "E?", fields);
}

//@ fields needs trace
/* Several trace fields at once, e.g. fields("%s type=%ld", trace_data(...), type). */
__attribute__((format(printf, 1, 2)))
static const char *fields(const char *format, ...)
{
    static char text[1100];
    va_list args;
    va_start(args, format);
    vsnprintf(text, sizeof text, format, args);
    va_end(args);
    return text;
}

//@ trace_data needs trace
/*
 * " data=..." for a step that returned bytes: up to 256 of them percent-encoded (printable ASCII but '%' as is,
 * anything else %XX), more as their count and FNV-1a hash ("data=65536B#cbf29ce484222325"); "" for none.
 */
static const char *trace_data(const unsigned char *data, long length)
{
    static char text[16 + 3 * 256];
    if (length <= 0) return "";
    int n = snprintf(text, sizeof text, " data=");
    if (length > 256) {
        unsigned long long hash = 14695981039346656037ULL;
        for (long i = 0; i < length; i++) hash = (hash ^ data[i]) * 1099511628211ULL;
        snprintf(text + n, sizeof text - n, "%ldB#%016llx", length, hash);
        return text;
    }
    for (long i = 0; i < length; i++) {
        unsigned char c = data[i];
        if (c > 32 && c < 127 && c != '%') text[n++] = (char)c;
        else n += snprintf(text + n, sizeof text - n, "%%%02X", c);
    }
    text[n] = '\0';
    return text;
}

//@ quoted
/* Bytes as a quoted C-like string: printable ASCII as is, the rest escaped; long data is cut after 64 bytes. */
static const char *quoted(const unsigned char *data, long length)
{
    static char text[400];
    int n = 0;
    text[n++] = '"';
    for (long i = 0; i < length && i < 64; i++) {
        unsigned char c = data[i];
        if (c == '"' || c == '\\') n += snprintf(text + n, sizeof text - n, "\\%c", c);
        else if (c >= 32 && c < 127) text[n++] = (char)c;
        else n += snprintf(text + n, sizeof text - n, "\\x%02x", c);
    }
    text[n++] = '"';
    text[n] = '\0';
    if (length > 64) snprintf(text + n, sizeof text - n, "... (%ld bytes)", length);
    return text;
}

//@ how_it_ended needs output trace
/* How a process ended, from waitpid's status. */
static const char *how_it_ended(int status)
{
    static char text[64];
    if (WIFEXITED(status)) snprintf(text, sizeof text, "exited with %d", WEXITSTATUS(status));
    else if (WIFSIGNALED(status)) snprintf(text, sizeof text, "killed by %s", signal_name(WTERMSIG(status)));
    else snprintf(text, sizeof text, "status 0x%x", status);
    return text;
}

/* The trace's record of a death by signal, by whoever reaps it: the signal's default action ended the process.
   (A process that exits says so itself.) */
static void trace_end(const char *process, int status)
{
    if (!WIFSIGNALED(status)) return;
    trace(process, "signal %s default", signal_name(WTERMSIG(status)));
    trace(process, "exit signal %s", signal_name(WTERMSIG(status)));
}

//@ paths needs output
/*
 * The experiment's /sandbox (and /tmp) live in a private directory made by main with mkdtemp, so the program runs
 * anywhere and leaves nothing behind; its random suffix also makes POSIX names unique ("/q" becomes "/q.Ab3xYz").
 */
static char private_directory[64];

static void make_private_directory(void)
{
    snprintf(private_directory, sizeof private_directory, "/tmp/ipcplay-XXXXXX");
    if (mkdtemp(private_directory) == NULL) {
        perror("mkdtemp");
        exit(1);
    }
    char tmp[96];
    snprintf(tmp, sizeof tmp, "%s/tmp", private_directory);
    mkdir(tmp, 0700);
    say("the experiment's /sandbox is %s", private_directory);
}

//@ set_path needs objects
static void sandbox_path(char *out, size_t size, const char *path)
{
    if (strncmp(path, "/sandbox/", 9) == 0) snprintf(out, size, "%s/%s", private_directory, path + 9);
    else snprintf(out, size, "%s%s", private_directory, path); /* /tmp/x becomes DIR/tmp/x */
}

static void set_path(struct ipc_object *o, const char *path)
{
    sandbox_path(o->path, sizeof o->path, path);
}

//@ set_name needs objects
static void posix_name(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s.%s", name, private_directory + strlen("/tmp/ipcplay-"));
}

static void set_name(struct ipc_object *o, const char *name)
{
    posix_name(o->name, sizeof o->name, name);
}

//@ remove_private_directory needs paths
static int remove_entry(const char *path, const struct stat *info, int flag, struct FTW *walk)
{
    (void)info, (void)flag, (void)walk;
    return remove(path);
}

static void remove_private_directory(void)
{
    nftw(private_directory, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

//@ objects needs paths
/* One constant per object type of the contract, written by the export from its mechanism table. */
enum object_type {
    OBJECT_TYPES
};

/* The ends a process can hold of an object, as the playground names them. */
enum end { READ_END, WRITE_END, FIRST_END, SECOND_END, LISTENER, SOCKET, BOUND, CONNECTED, SENDER, COUNTER, END_COUNT };
enum { ALL_ENDS = -1 };

enum key_kind { KEY_PRIVATE, KEY_FTOK, KEY_NUMBER };

/* One object of the experiment as this process holds it; after fork each process has its own copy. */
struct ipc_object {
    const char *id;
    enum object_type type;
    char path[PATH_MAX];     /* fifo or socket path, or the file ftok names, inside the private directory */
    char name[128];          /* POSIX name */
    int fd[END_COUNT];       /* descriptors by end; -1 when this process does not hold that end */
    int sysv_id;             /* System V identifier this process uses: main's, or one an open made (inherited by fork) */
    int created_sysv_id;     /* the one main made before any process started */
    mqd_t queue;             /* open POSIX queue, or -1 */
    sem_t *semaphore;        /* open POSIX semaphore, or NULL */
    unsigned char *memory;   /* attached shared memory, or NULL */
    int size;                /* shared memory bytes */
    int capacity;            /* pipe buffer bytes asked for, 0 for the default */
    int count, initial;      /* System V semaphore set: members and their first value; POSIX semaphore: first value */
    const unsigned short *initial_values; /* System V set: each member's first value, or NULL when all start at initial */
    int max_messages, message_size;
    enum key_kind key_kind;
    int key_number, ftok_proj;
    int port;
    int socket_type;         /* SOCK_STREAM, SOCK_DGRAM or SOCK_SEQPACKET for a socket */
    int eventfd_flags;       /* EFD_SEMAPHORE for an eventfd that counts down by one */
};

//@ init_object needs objects
static void init_object(struct ipc_object *o, const char *id, enum object_type type)
{
    memset(o, 0, sizeof *o);
    o->id = id;
    o->type = type;
    for (int end = 0; end < END_COUNT; end++) o->fd[end] = -1;
    o->sysv_id = o->created_sysv_id = -1;
    o->queue = (mqd_t)-1;
}

//@ first_held needs objects
/* The descriptor a step that names no end uses (a stat, a poll), as the worker's ObjectHandles.FirstHeld chooses it:
   the first held of socket, read, write, first, second, connected, bound, sender, listener, counter, else a POSIX
   queue's; -1 when the process holds none (the kernel then answers EBADF, or poll ignores it). */
static int first_held(const struct ipc_object *o)
{
    static const enum end order[] = { SOCKET, READ_END, WRITE_END, FIRST_END, SECOND_END, CONNECTED, BOUND, SENDER, LISTENER, COUNTER };
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (o->fd[order[i]] >= 0) return o->fd[order[i]];
    return o->queue != (mqd_t)-1 ? (int)o->queue : -1;
}

//@ key_of needs objects
/* The System V key: ftok on the object's file, a number, or IPC_PRIVATE. */
static key_t key_of(const struct ipc_object *o)
{
    if (o->key_kind == KEY_FTOK) return ftok(o->path, o->ftok_proj);
    if (o->key_kind == KEY_NUMBER) return (key_t)o->key_number;
    return IPC_PRIVATE;
}

//@ forget_inherited_handles needs objects
/*
 * A spawned process of the playground is a fresh program that inherits descriptors and, like any forked process,
 * the System V identifiers its parent uses (an IPC_PRIVATE object its parent opened included); but no mappings and
 * no POSIX queue or semaphore handles.
 */
static void forget_inherited_handles(struct ipc_object *o)
{
    if (o->queue != (mqd_t)-1) mq_close(o->queue);
    if (o->semaphore) sem_close(o->semaphore);
    if (o->memory && o->type == SYSV_SHM) shmdt(o->memory);
    if (o->memory && o->type == POSIX_SHM) munmap(o->memory, o->size);
    o->queue = (mqd_t)-1;
    o->semaphore = NULL;
    o->memory = NULL;
}

//@ run_table needs objects
/*
 * One page every process shares (MAP_SHARED | MAP_ANONYMOUS, made before the first fork): each process's pid, so
 * any process can signal any other, and the System V objects processes made with open, so main can remove them.
 */
struct run_table {
    pid_t pid[NUMBER_OF_PROCESSES]; /* 0: not started yet; else its pid, also once it has ended */
    int execed[NUMBER_OF_PROCESSES]; /* 1 once the process exec'd a program, which cannot say how it ends */
    int sysv_made;
    struct { enum object_type type; int id; } sysv[256];
};
static struct run_table *table;

static void make_run_table(void)
{
    table = mmap(NULL, sizeof *table, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (table == MAP_FAILED) {
        perror("mmap");
        exit(1);
    }
}

//@ remember_sysv_object needs run_table
static void remember_sysv_object(enum object_type type, int id)
{
    int slot = __atomic_fetch_add(&table->sysv_made, 1, __ATOMIC_SEQ_CST);
    if (slot < 256) {
        table->sysv[slot].type = type;
        table->sysv[slot].id = id;
    }
}

//@ remove_named_objects needs run_table
static void remove_sysv_object(enum object_type type, int id)
{
    if (id < 0) return;
    if (type == SYSV_MSGQ) msgctl(id, IPC_RMID, NULL);
    if (type == SYSV_SHM) shmctl(id, IPC_RMID, NULL);
    if (type == SYSV_SEM) semctl(id, 0, IPC_RMID);
}

/* Removes what main made and what processes made with open; errors are expected for objects a step removed. */
static void remove_named_object(struct ipc_object *o)
{
    remove_sysv_object(o->type, o->created_sysv_id);
    if (o->type == POSIX_MQ) mq_unlink(o->name);
    if (o->type == POSIX_SHM) shm_unlink(o->name);
    if (o->type == POSIX_SEM) sem_unlink(o->name);
}

static void remove_what_processes_made(void)
{
    for (int i = 0; i < table->sysv_made && i < 256; i++) remove_sysv_object(table->sysv[i].type, table->sysv[i].id);
}

//@ end_names needs objects
static const char *const end_names[END_COUNT] = {
    "read", "write", "first", "second", "listener", "socket", "bound", "connected", "sender",
};
