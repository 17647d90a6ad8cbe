//@ start_process needs run_table output forget_inherited_handles
typedef int (*process_body)(void);

/* Pids of the children this process spawned, by process index (each process starts with none). */
static pid_t child_pid[NUMBER_OF_PROCESSES];

/*
 * fork, and in the child become experiment process INDEX: the playground starts each process as a fresh program,
 * so the child starts with every signal at its default action and none blocked, and holds only inherited descriptors.
 */
static pid_t start_process(int index, process_body body)
{
    pid_t pid = fork();
    if (pid != 0) {
        if (pid > 0) table->pid[index] = pid;
        return pid;
    }
    me = process_names[index];
    table->pid[index] = getpid();
    for (int signo = 1; signo < 32; signo++)
        if (signo != SIGKILL && signo != SIGSTOP) signal(signo, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (int i = 0; i < OBJECT_COUNT; i++) forget_inherited_handles(objects[i]);
    memset(child_pid, 0, sizeof child_pid);
    exit(body());
}

/* main starts the processes that have no parent. */
static void start_root(int index, process_body body)
{
    pid_t pid = start_process(index, body);
    say("start %s: fork() = %ld%s", process_names[index], (long)pid, error_text(pid, errno));
}

//@ spawn_process needs start_process
static void spawn_process(int index, process_body body)
{
    pid_t pid = start_process(index, body);
    int error = errno;
    if (pid > 0) child_pid[index] = pid;
    say("spawn %s: fork() = %ld%s", process_names[index], (long)pid, error_text(pid, error));
}

//@ wait_for_child needs start_process how_it_ended
static void wait_for_child(int index)
{
    if (child_pid[index] <= 0) {
        say("wait %s: refused: it was not spawned by this process", process_names[index]);
        return;
    }
    int status = 0;
    pid_t rc;
    while ((rc = waitpid(child_pid[index], &status, 0)) < 0 && errno == EINTR) {
    }
    int error = errno;
    if (rc > 0) table->pid[index] = -1;
    say("waitpid(%s) = %ld%s%s%s", process_names[index], (long)rc, error_text(rc, error), rc > 0 ? " " : "",
        rc > 0 ? how_it_ended(status) : "");
}

//@ wait_for_every_process needs start_process how_it_ended
/* main is a child subreaper (like the playground's supervisor): orphans come to it, so it sees every process end. */
static void wait_for_every_process(void)
{
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, 0)) > 0 || errno == EINTR) {
        if (pid <= 0) continue;
        for (int i = 0; i < NUMBER_OF_PROCESSES; i++)
            if (table->pid[i] == pid) {
                table->pid[i] = -1;
                say("%s %s", process_names[i], how_it_ended(status));
            }
    }
}

//@ sleep_ms needs output
static void sleep_ms(int ms)
{
    struct timespec request = { ms / 1000, (long)(ms % 1000) * 1000000L };
    /* A handled signal interrupts the sleep; the rest is slept, as the step asked for the whole of it. */
    int rc;
    while ((rc = clock_nanosleep(CLOCK_MONOTONIC, 0, &request, &request)) == EINTR) {
    }
    say("nanosleep(%d ms) = %d%s", ms, rc == 0 ? 0 : -1, error_text(rc == 0 ? 0 : -1, rc));
}
