//@ start_process needs run_table output forget_inherited_handles how_it_ended
typedef int (*process_body)(void);

/* Pids of the children this process spawned, by process index (each process starts with none). */
static pid_t child_pid[NUMBER_OF_PROCESSES];

/* Every experiment process is in one process group (the first root's), so main can stop them all at the timeout. */
static pid_t run_group;

/* The roots wait on this pipe until main has started every one of them (they start together, as in the playground). */
static int roots_start[2] = { -1, -1 };

/* Reads until end of file: until every holder of the pipe's write end has closed it. */
static void wait_for_close(int fd)
{
    char ignored;
    ssize_t n;
    while ((n = read(fd, &ignored, 1)) > 0 || (n < 0 && errno == EINTR)) {
    }
}

/*
 * fork, and in the child become experiment process INDEX: the playground starts each process as a fresh program,
 * so the child starts with every signal at its default action and none blocked, and holds only inherited
 * descriptors. The parent goes on only once the child is set up (it closes its end of a pipe), as the playground's
 * spawn returns only then: a signal sent to the child at once finds it as it will be, not as its parent was.
 */
static pid_t start_process(int index, process_body body)
{
    int ready[2];
    if (pipe2(ready, O_CLOEXEC) != 0) return -1;
    pid_t pid = fork();
    if (pid != 0) {
        int error = errno;
        close(ready[1]);
        if (pid > 0) {
            table->pid[index] = pid;
            wait_for_close(ready[0]);
        }
        close(ready[0]);
        errno = error;
        return pid;
    }
    close(ready[0]);
    me = process_names[index];
    my_index = index;
    table->pid[index] = getpid();
    /* Every signal an experiment names, standard and real-time (SIGRTMIN..SIGRTMAX), back at its default. */
    for (int signo = 1; signo <= SIGRTMAX; signo++)
        if (signo != SIGKILL && signo != SIGSTOP && (signo < 32 || signo >= SIGRTMIN)) signal(signo, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (int i = 0; i < OBJECT_COUNT; i++) forget_inherited_handles(objects[i]);
    memset(child_pid, 0, sizeof child_pid);
    close(ready[1]);
    if (roots_start[0] >= 0) {
        close(roots_start[1]);
        wait_for_close(roots_start[0]);
        close(roots_start[0]);
        roots_start[0] = roots_start[1] = -1;
    }
    /* A process says itself how it ends, as the playground's worker does: no one may reap it (a parent that
       ignores SIGCHLD has its children reaped by the kernel). */
    int code = body();
    trace(me, "exit code %d", code);
    exit(code);
}

/* main starts the processes that have no parent, each in the run's process group; they begin together. */
static void start_root(int index, process_body body)
{
    if (roots_start[0] < 0 && pipe2(roots_start, O_CLOEXEC) != 0) {
        perror("pipe2");
        exit(1);
    }
    pid_t pid = start_process(index, body);
    if (pid > 0) {
        if (run_group == 0) run_group = pid;
        setpgid(pid, run_group);
    }
    say("start %s: fork() = %ld%s", process_names[index], (long)pid, error_text(pid, errno));
}

/* Lets the roots begin, once main has started them all. */
static void begin_roots(void)
{
    close(roots_start[1]);
    close(roots_start[0]);
    roots_start[0] = roots_start[1] = -1;
}

/* How a process ended, as its reaper records it: a death by signal always (the process could not say it), an exit
   only for a process that exec'd a program (the experiment's own code says so itself). */
static void trace_reaped(int index, int status)
{
    trace_end(process_names[index], status);
    if (WIFEXITED(status) && table->execed[index]) trace(process_names[index], "exit code %d", WEXITSTATUS(status));
}

//@ spawn_process needs start_process trace_step
static void spawn_process(int index, process_body body)
{
    pid_t pid = start_process(index, body);
    int error = errno;
    if (pid > 0) child_pid[index] = pid;
    say("spawn %s: fork() = %ld%s", process_names[index], (long)pid, error_text(pid, error));
    trace_step("spawn", process_names[index], pid, error, "");
}

//@ wait_for_child needs start_process how_it_ended trace_step fields
/* waitpid for a child this process spawned; one it did not spawn (yet) is no child of it: ECHILD. */
static void wait_for_child(int index)
{
    if (child_pid[index] <= 0) {
        say("waitpid(%s) = -1 ECHILD: it was not spawned by this process", process_names[index]);
        trace_step("wait", process_names[index], -1, ECHILD, "");
        return;
    }
    int status = 0;
    pid_t rc;
    while ((rc = waitpid(child_pid[index], &status, 0)) < 0 && errno == EINTR) {
    }
    int error = errno;
    say("waitpid(%s) = %ld%s%s%s", process_names[index], (long)rc, error_text(rc, error), rc > 0 ? " " : "",
        rc > 0 ? how_it_ended(status) : "");
    if (rc <= 0) {
        trace_step("wait", process_names[index], rc, error, "");
        return;
    }
    trace_reaped(index, status);
    if (WIFSIGNALED(status)) trace_step("wait", process_names[index], rc, 0, fields(" exit=signal:%s", signal_name(WTERMSIG(status))));
    else trace_step("wait", process_names[index], rc, 0, fields(" exit=code:%d", WEXITSTATUS(status)));
}

//@ wait_for_every_process needs start_process how_it_ended
static volatile sig_atomic_t run_timed_out;

/* Whether PID is a process that has not ended (it exists, and is not a zombie). */
static int is_running(pid_t pid)
{
    char path[64], stat[512];
    snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
    FILE *file = fopen(path, "r");
    if (!file) return 0;
    size_t n = fread(stat, 1, sizeof stat - 1, file);
    fclose(file);
    stat[n] = '\0';
    const char *close = strrchr(stat, ')');
    return close && close[1] == ' ' && close[2] != 'Z';
}

static void on_run_timeout(int signo)
{
    (void)signo;
    run_timed_out = 1;
}

/*
 * main is a child subreaper (like the playground's supervisor): orphans come to it, so it sees every process end.
 * Returns 1 when every process ended by itself, 0 when the run's time ran out and main killed what was left.
 */
static int wait_for_every_process(int timeout_ms)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_run_timeout; /* no SA_RESTART: the alarm interrupts waitpid */
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval timer = { { 0, 0 }, { timeout_ms / 1000, (long)(timeout_ms % 1000) * 1000L } };
    setitimer(ITIMER_REAL, &timer, NULL);
    int killed = 0, status, running[NUMBER_OF_PROCESSES] = { 0 }, seen[NUMBER_OF_PROCESSES] = { 0 };
    for (;;) {
        pid_t pid = waitpid(-1, &status, 0);
        if (pid > 0) {
            for (int i = 0; i < NUMBER_OF_PROCESSES; i++)
                if (table->pid[i] == pid) {
                    seen[i] = 1;
                    say("%s %s", process_names[i], how_it_ended(status));
                    trace_reaped(i, status);
                }
        } else if (errno == ECHILD) {
            break;
        } else if (run_timed_out && !killed) {
            killed = 1;
            say("the run passed its limit of %d ms: every process left is killed", timeout_ms);
            for (int i = 0; i < NUMBER_OF_PROCESSES; i++) running[i] = table->pid[i] > 0 && is_running(table->pid[i]);
            if (run_group > 0) kill(-run_group, SIGKILL);
            for (int i = 0; i < NUMBER_OF_PROCESSES; i++)
                if (table->pid[i] > 0) kill(table->pid[i], SIGKILL);
        }
    }
    /* A process running at the timeout died of the SIGKILL, though a parent waiting for it may have reaped it
       while both died, so that main never saw that end. */
    for (int i = 0; i < NUMBER_OF_PROCESSES; i++)
        if (running[i] && !seen[i]) trace_end(process_names[i], SIGKILL); /* the wait status of a death by SIGKILL */
    struct itimerval off = { { 0, 0 }, { 0, 0 } };
    setitimer(ITIMER_REAL, &off, NULL);
    return !killed;
}

//@ sleep_ms needs output trace_step
static void sleep_ms(int ms)
{
    struct timespec request = { ms / 1000, (long)(ms % 1000) * 1000000L };
    /* A handled signal interrupts the sleep; the rest is slept, as the step asked for the whole of it. */
    int rc;
    while ((rc = clock_nanosleep(CLOCK_MONOTONIC, 0, &request, &request)) == EINTR) {
    }
    say("nanosleep(%d ms) = %d%s", ms, rc == 0 ? 0 : -1, error_text(rc == 0 ? 0 : -1, rc));
    trace_step("sleep", "-", rc == 0 ? 0 : -1, rc, "");
}
