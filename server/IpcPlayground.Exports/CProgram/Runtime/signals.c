//@ pid_of needs run_table output
/* The pid of another experiment process, waiting (up to 5 s) until it has started, as the playground's pid query does. */
static pid_t pid_of(int index)
{
    for (int tries = 0; table->pid[index] == 0 && tries < 5000; tries++) {
        struct timespec millisecond = { 0, 1000000L };
        nanosleep(&millisecond, NULL);
    }
    return table->pid[index];
}

//@ send_signal needs pid_of
/* After kill(2), the target's /proc status says what became of the signal, as the playground's signal event does;
   a signal its handler takes says so itself. */
static void report_signal_fate(pid_t pid, int signo)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
    FILE *status = fopen(path, "r");
    if (!status) return;
    unsigned long long pending = 0, shared_pending = 0, blocked = 0, ignored = 0, caught = 0, bit = 1ULL << (signo - 1);
    while (fgets(line, sizeof line, status)) {
        sscanf(line, "SigPnd: %llx", &pending);
        sscanf(line, "ShdPnd: %llx", &shared_pending);
        sscanf(line, "SigBlk: %llx", &blocked);
        sscanf(line, "SigIgn: %llx", &ignored);
        sscanf(line, "SigCgt: %llx", &caught);
    }
    fclose(status);
    if ((pending | shared_pending) & bit) say("  %s is pending: the target blocks it", signal_name(signo));
    else if (blocked & bit) return; /* blocked, yet no longer pending: sigtimedwait took it */
    else if (ignored & bit) say("  %s is ignored by the target", signal_name(signo));
    else if (!(caught & bit)) say("  %s takes its default action in the target", signal_name(signo));
}

static void send_signal(int index, int signo)
{
    pid_t pid = pid_of(index);
    if (pid <= 0) {
        say("signal %s: refused: '%s' is not running (not yet spawned, or already gone)", signal_name(signo), process_names[index]);
        return;
    }
    int rc = kill(pid, signo);
    say("kill(%s, %s) = %d%s", process_names[index], signal_name(signo), rc, error_text(rc, errno));
    if (rc == 0) report_signal_fate(pid, signo);
}

//@ handle_signal needs output
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
    static const char *const names[] = { "SIG_DFL", "SIG_IGN", "log_signal" };
    say("sigaction(%s, %s) = %d%s", signal_name(signo), names[action], rc, error_text(rc, errno));
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

//@ mask_signals needs signal_set
static void mask_signals(int how, const int *signals, int count)
{
    char names[256];
    sigset_t set = signal_set(signals, count, names, sizeof names);
    int rc = sigprocmask(how, &set, NULL);
    say("sigprocmask(%s, %s) = %d%s", how == SIG_BLOCK ? "SIG_BLOCK" : "SIG_UNBLOCK", names, rc, error_text(rc, errno));
}

//@ wait_for_signal needs signal_set
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
}
