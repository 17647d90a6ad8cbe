//@ signal_masks needs output
/* The target's signal sets from /proc/PID/status, each a mask with bit N-1 for signal N; 0 when it is gone. */
struct signal_masks {
    unsigned long long pending, blocked, ignored, caught;
};

static struct signal_masks signal_masks_of(pid_t pid)
{
    struct signal_masks masks = { 0, 0, 0, 0 };
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
    FILE *status = fopen(path, "r");
    if (!status) return masks;
    unsigned long long value;
    while (fgets(line, sizeof line, status)) {
        if (sscanf(line, "SigPnd: %llx", &value) == 1 || sscanf(line, "ShdPnd: %llx", &value) == 1) masks.pending |= value;
        else if (sscanf(line, "SigBlk: %llx", &value) == 1) masks.blocked = value;
        else if (sscanf(line, "SigIgn: %llx", &value) == 1) masks.ignored = value;
        else if (sscanf(line, "SigCgt: %llx", &value) == 1) masks.caught = value;
    }
    fclose(status);
    return masks;
}

//@ signal_origin needs run_table
/*
 * What siginfo says of a signal, as " code=NAME sender=PROCESS value=N" (the parts it knows), appended to LINE with
 * plain stores only, so a handler may call it: si_code by name, the process of the run whose pid si_pid is (for kill,
 * sigqueue and a child's SIGCHLD), and the value sigqueue carried.
 */
static const char *signal_code_name(int signo, int code)
{
    static const char *const ill[] = { "ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK" };
    static const char *const fpe[] = { "FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB" };
    static const char *const segv[] = { "SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR" };
    static const char *const bus[] = { "BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR", "BUS_MCEERR_AR", "BUS_MCEERR_AO" };
    static const char *const trap[] = { "TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT" };
    static const char *const cld[] = { "CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED" };
    static const char *const poll_codes[] = { "POLL_IN", "POLL_OUT", "POLL_MSG", "POLL_ERR", "POLL_PRI", "POLL_HUP" };
    switch (code) {
    case SI_USER: return "SI_USER";
    case SI_KERNEL: return "SI_KERNEL";
    case SI_QUEUE: return "SI_QUEUE";
    case SI_TIMER: return "SI_TIMER";
    case SI_MESGQ: return "SI_MESGQ";
    case SI_ASYNCIO: return "SI_ASYNCIO";
    case SI_SIGIO: return "SI_SIGIO";
    case SI_TKILL: return "SI_TKILL";
    }
#define CODE_OF(names) (code <= (int)(sizeof names / sizeof names[0]) ? names[code - 1] : NULL)
    if (code > 0) switch (signo) {
    case SIGILL: return CODE_OF(ill);
    case SIGFPE: return CODE_OF(fpe);
    case SIGSEGV: return CODE_OF(segv);
    case SIGBUS: return CODE_OF(bus);
    case SIGTRAP: return CODE_OF(trap);
    case SIGCHLD: return CODE_OF(cld);
    case SIGIO: return CODE_OF(poll_codes);
    }
#undef CODE_OF
    return NULL;
}

static void append_text(char *line, size_t *n, size_t size, const char *text)
{
    while (*text && *n < size) line[(*n)++] = *text++;
}

static void append_number(char *line, size_t *n, size_t size, long value)
{
    char digits[24];
    int count = 0;
    unsigned long magnitude = value < 0 ? 0UL - (unsigned long)value : (unsigned long)value;
    do digits[count++] = (char)('0' + magnitude % 10); while ((magnitude /= 10) != 0);
    if (value < 0 && *n < size) line[(*n)++] = '-';
    while (count > 0 && *n < size) line[(*n)++] = digits[--count];
}

static void append_origin(char *line, size_t *n, size_t size, int signo, int code, pid_t sender, int value)
{
    append_text(line, n, size, " code=");
    const char *name = signal_code_name(signo, code);
    if (name) append_text(line, n, size, name);
    else append_number(line, n, size, code);
    if (code == SI_USER || code == SI_QUEUE || code == SI_TKILL || (signo == SIGCHLD && code > 0))
        for (int i = 0; i < NUMBER_OF_PROCESSES; i++)
            if (table->pid[i] == sender) {
                append_text(line, n, size, " sender=");
                append_text(line, n, size, process_names[i]);
                break;
            }
    if (code == SI_QUEUE) {
        append_text(line, n, size, " value=");
        append_number(line, n, size, value);
    }
}

/* The origin as a string of its own (plain stores: a handler may call it). */
static const char *origin_text(char *out, size_t size, int signo, int code, pid_t sender, int value)
{
    size_t n = 0;
    append_origin(out, &n, size - 1, signo, code, sender, value);
    out[n] = '\0';
    return out;
}

//@ send_signal needs run_table signal_masks signal_origin fields trace_step
/*
 * kill(2) — or sigqueue(3) with a value — to another experiment process. One that has not started has no pid yet:
 * ESRCH, as for any pid that names no process. One that has ended keeps its pid: kill succeeds while it is a zombie
 * and fails with ESRCH once reaped. After the call, the target's /proc status says what became of the signal, as the
 * playground's signal event does: pending, held by its mask (merged into one already pending, for a standard signal;
 * a real-time one queues), discarded as ignored, or discarded by default (SIGCHLD, SIGCONT, SIGURG, SIGWINCH). A
 * handler says so itself; a death shows in the exit.
 */
static void send_signal(int index, int signo, int queued, int value)
{
    const char *target = process_names[index];
    const char *call = queued ? "sigqueue" : "kill";
    pid_t pid = table->pid[index];
    if (pid <= 0) {
        say("%s(%s, %s) = -1 ESRCH: it has not started", call, target, signal_name(signo));
        trace_step("signal", target, -1, ESRCH, "");
        return;
    }
    unsigned long long bit = 1ULL << (signo - 1);
    struct signal_masks before = signal_masks_of(pid);
    int was_pending = (before.pending & before.blocked & bit) != 0;
    int rc = queued ? sigqueue(pid, signo, (union sigval){ .sival_int = value }) : kill(pid, signo);
    int error = errno;
    if (queued) say("sigqueue(%s, %s, %d) = %d%s", target, signal_name(signo), value, rc, error_text(rc, error));
    else say("kill(%s, %s) = %d%s", target, signal_name(signo), rc, error_text(rc, error));
    trace_step("signal", target, rc, error, queued ? fields(" value=%d", value) : "");
    if (rc != 0) return;
    const char *fate = NULL;
    /* Not blocked before the kill: its disposition then decides (read before, so a target that handles it and moves
       on to change that disposition cannot race the reading). Blocked: pending only while blocked, and blocked but
       not pending is one delivered already, to a handler that blocks it while it runs (and says so itself). */
    if (!(before.blocked & bit)) {
        if (before.caught & bit) return;
        if (before.ignored & bit) fate = "ignored";
        else if (signo == SIGCHLD || signo == SIGCONT || signo == SIGURG || signo == SIGWINCH) fate = "default";
    } else {
        struct signal_masks masks = signal_masks_of(pid);
        if (!(masks.blocked & bit) || !(masks.pending & bit)) return;
        fate = was_pending && signo < 32 ? "merged" : "pending";
    }
    if (!fate) return;
    say("  %s is %s in %s", signal_name(signo), fate, target);
    char origin[128];
    trace(target, "signal %s %s%s", signal_name(signo), fate, origin_text(origin, sizeof origin, signo, queued ? SI_QUEUE : SI_USER, getpid(), value));
}

//@ handle_signal needs output signal_origin trace_step
/* PARTS written as one line with one write(2), built with plain stores, so a handler may call it. */
static void write_parts(int fd, const char *const *parts, int count)
{
    char line[256];
    size_t n = 0;
    for (int i = 0; i < count; i++) append_text(line, &n, sizeof line, parts[i]);
    ssize_t written = write(fd, line, n);
    (void)written;
}

/* The handler runs in the middle of whatever the process was doing, so it only makes async-signal-safe calls. */
static void log_signal(int signo, siginfo_t *info, void *context)
{
    (void)context;
    int saved = errno;
    char origin[128];
    origin_text(origin, sizeof origin, signo, info->si_code, info->si_pid, info->si_value.sival_int);
    const char *const shown[] = { "[", me, "] handler: ", signal_name(signo), " handled", origin, "\n" };
    write_parts(STDOUT_FILENO, shown, 7);
    if (tracing) {
        const char *const traced[] = { "@ ", me, " signal ", signal_name(signo), " handled", origin, "\n" };
        write_parts(STDERR_FILENO, traced, 7);
    }
    errno = saved;
}

enum signal_action { ACTION_DEFAULT, ACTION_IGNORE, ACTION_LOG };

/* FLAGS are the step's SA_RESTART, SA_RESETHAND, SA_NODEFER; without SA_RESTART a handled signal interrupts a
   blocking call with EINTR, as plain sigaction does. */
static void handle_signal(int signo, enum signal_action action, int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    if (action == ACTION_LOG) {
        sa.sa_sigaction = log_signal;
        sa.sa_flags = SA_SIGINFO | flags;
    } else {
        sa.sa_handler = action == ACTION_IGNORE ? SIG_IGN : SIG_DFL;
        sa.sa_flags = flags;
    }
    sigemptyset(&sa.sa_mask);
    int rc = sigaction(signo, &sa, NULL);
    int error = errno;
    static const char *const names[] = { "SIG_DFL", "SIG_IGN", "log_signal" };
    say("sigaction(%s, %s%s%s%s) = %d%s", signal_name(signo), names[action], flags & SA_RESTART ? ", SA_RESTART" : "",
        flags & SA_RESETHAND ? ", SA_RESETHAND" : "", flags & SA_NODEFER ? ", SA_NODEFER" : "", rc, error_text(rc, error));
    trace_step("handle", "-", rc, error, "");
}

//@ signal_set needs output
static sigset_t signal_set(const int *signals, int count, char *names, size_t size)
{
    sigset_t set;
    sigemptyset(&set);
    names[0] = '\0';
    for (int i = 0; i < count; i++) {
        sigaddset(&set, signals[i]);
        snprintf(names + strlen(names), size - strlen(names), "%s%s", i ? "|" : "", signal_name(signals[i]));
    }
    return set;
}

//@ mask_signals needs signal_set trace_step
static void mask_signals(int how, const int *signals, int count)
{
    char names[256];
    sigset_t set = signal_set(signals, count, names, sizeof names);
    int rc = sigprocmask(how, &set, NULL);
    int error = errno;
    say("sigprocmask(%s, %s) = %d%s", how == SIG_BLOCK ? "SIG_BLOCK" : "SIG_UNBLOCK", names, rc, error_text(rc, error));
    trace_step(how == SIG_BLOCK ? "block" : "unblock", "-", rc, error, "");
}

//@ wait_for_signal needs signal_set signal_origin trace_step
/* timeout_ms < 0 waits for ever. */
static void wait_for_signal(const int *signals, int count, int timeout_ms)
{
    char names[256];
    sigset_t set = signal_set(signals, count, names, sizeof names);
    struct timespec timeout = { timeout_ms / 1000, (long)(timeout_ms % 1000) * 1000000L };
    siginfo_t info;
    memset(&info, 0, sizeof info);
    int rc = sigtimedwait(&set, &info, timeout_ms < 0 ? NULL : &timeout);
    int error = errno;
    char origin[128] = "";
    if (rc > 0) origin_text(origin, sizeof origin, rc, info.si_code, info.si_pid, info.si_value.sival_int);
    if (rc > 0) say("sigtimedwait(%s) = %d: %s waited,%s", names, rc, signal_name(rc), origin);
    else say("sigtimedwait(%s) = %d%s", names, rc, error_text(rc, error));
    trace_step("waitSignal", "-", rc, error, "");
    if (rc > 0) trace(me, "signal %s waited%s", signal_name(rc), origin);
}

//@ commit_fault needs output
/* The fault step: the process commits it, and the kernel's signal follows (SIGSEGV, SIGFPE, SIGBUS, SIGILL), or
   abort(3) raises SIGABRT. Returns only if abort's handler returned; the others fault again after a handler. */
static void commit_fault(int kind)
{
    static const char *const what[] = { "a store through a null pointer", "an integer division by zero",
        "a store past the end of a truncated shared mapping", "an illegal instruction", "abort()" };
    say("fault: %s", what[kind]);
    switch (kind) {
    case 0:
        *(volatile int *)0 = 1;
        break;
    case 1: {
        /* Both operands volatile: with a constant 1, a compiler may compute 1 / x without a division. */
        volatile int one = 1, zero = 0;
        volatile int quotient = one / zero;
        (void)quotient;
        break;
    }
    case 2: {
        long page = sysconf(_SC_PAGESIZE);
        int fd = memfd_create("ipcplay-fault", 0);
        if (fd < 0 || ftruncate(fd, page) != 0) break;
        volatile char *mapping = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (mapping == MAP_FAILED) break;
        mapping[page] = 1;
        break;
    }
    case 3:
        __builtin_trap();
    default:
        abort();
    }
}
