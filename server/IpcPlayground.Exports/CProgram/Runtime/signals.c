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

//@ send_signal needs run_table signal_masks trace_step
/*
 * kill(2) to another experiment process. One that has not started has no pid yet: ESRCH, as for any pid that names
 * no process. One that has ended keeps its pid: kill succeeds while it is a zombie and fails with ESRCH once reaped.
 * After the call, the target's /proc status says what became of the signal, as the playground's signal event does:
 * pending, held by its mask (merged into one already pending, for a standard signal), discarded as ignored, or
 * discarded by default (SIGCHLD, SIGCONT, SIGURG, SIGWINCH). A handler says so itself; a death shows in the exit.
 */
static void send_signal(int index, int signo)
{
    const char *target = process_names[index];
    pid_t pid = table->pid[index];
    if (pid <= 0) {
        say("kill(%s, %s) = -1 ESRCH: it has not started", target, signal_name(signo));
        trace_step("signal", target, -1, ESRCH, "");
        return;
    }
    unsigned long long bit = 1ULL << (signo - 1);
    struct signal_masks before = signal_masks_of(pid);
    int was_pending = (before.pending & before.blocked & bit) != 0;
    int rc = kill(pid, signo);
    int error = errno;
    say("kill(%s, %s) = %d%s", target, signal_name(signo), rc, error_text(rc, error));
    trace_step("signal", target, rc, error, "");
    if (rc != 0) return;
    struct signal_masks masks = signal_masks_of(pid);
    const char *fate = NULL;
    /* Pending only while blocked: an unblocked signal is pending just until its target runs, to take it. And blocked
       but not pending is one delivered already, to a handler that blocks it while it runs (and says so itself). */
    if (masks.blocked & bit) {
        if (!(masks.pending & bit)) return;
        fate = was_pending && signo < 32 ? "merged" : "pending";
    } else if (masks.ignored & bit) fate = "ignored";
    else if (!(masks.caught & bit) && (signo == SIGCHLD || signo == SIGCONT || signo == SIGURG || signo == SIGWINCH)) fate = "default";
    if (!fate) return;
    say("  %s is %s in %s", signal_name(signo), fate, target);
    trace(target, "signal %s %s", signal_name(signo), fate);
}

//@ handle_signal needs output trace_step
static void append(char *line, size_t *n, size_t size, const char *text)
{
    while (*text && *n < size) line[(*n)++] = *text++;
}

/* The handler runs in the middle of whatever the process was doing, so it only makes async-signal-safe calls. */
static void log_signal(int signo)
{
    int saved = errno;
    char line[128];
    size_t n = 0;
    append(line, &n, sizeof line, "[");
    append(line, &n, sizeof line, me);
    append(line, &n, sizeof line, "] handler: ");
    append(line, &n, sizeof line, signal_name(signo));
    append(line, &n, sizeof line, " handled\n");
    ssize_t written = write(STDOUT_FILENO, line, n);
    if (tracing) {
        n = 0;
        append(line, &n, sizeof line, "@ ");
        append(line, &n, sizeof line, me);
        append(line, &n, sizeof line, " signal ");
        append(line, &n, sizeof line, signal_name(signo));
        append(line, &n, sizeof line, " handled\n");
        written = write(STDERR_FILENO, line, n);
    }
    (void)written;
    errno = saved;
}

enum signal_action { ACTION_DEFAULT, ACTION_IGNORE, ACTION_LOG };

/* No SA_RESTART: a handled signal interrupts a blocking call with EINTR, as plain sigaction does. */
static void handle_signal(int signo, enum signal_action action)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = action == ACTION_LOG ? log_signal : action == ACTION_IGNORE ? SIG_IGN : SIG_DFL;
    sigemptyset(&sa.sa_mask);
    int rc = sigaction(signo, &sa, NULL);
    int error = errno;
    static const char *const names[] = { "SIG_DFL", "SIG_IGN", "log_signal" };
    say("sigaction(%s, %s) = %d%s", signal_name(signo), names[action], rc, error_text(rc, error));
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

//@ wait_for_signal needs signal_set trace_step
/* timeout_ms < 0 waits for ever. */
static void wait_for_signal(const int *signals, int count, int timeout_ms)
{
    char names[256];
    sigset_t set = signal_set(signals, count, names, sizeof names);
    struct timespec timeout = { timeout_ms / 1000, (long)(timeout_ms % 1000) * 1000000L };
    int rc = sigtimedwait(&set, NULL, timeout_ms < 0 ? NULL : &timeout);
    int error = errno;
    if (rc > 0) say("sigtimedwait(%s) = %d: %s waited", names, rc, signal_name(rc));
    else say("sigtimedwait(%s) = %d%s", names, rc, error_text(rc, error));
    trace_step("waitSignal", "-", rc, error, "");
    if (rc > 0) trace(me, "signal %s waited", signal_name(rc));
}
