//@ relay_output needs output quoted trace_data
/* What an exec'd program writes to its stdout and stderr pipes, as lines "[process] stdout: ..." and trace records. */
static void relay_output(int out, int err)
{
    struct pollfd fds[2] = { { out, POLLIN, 0 }, { err, POLLIN, 0 } };
    int open_pipes = (out >= 0) + (err >= 0);
    unsigned char buffer[256];
    while (open_pipes > 0) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !fds[i].revents) continue;
            ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_pipes--;
                continue;
            }
            const char *stream = i == 0 ? "stdout" : "stderr";
            say("%s: %s", stream, quoted(buffer, n));
            trace(me, "output %s%s", stream, trace_data(buffer, n));
        }
    }
}

//@ exec_program needs run_table relay_output trace_step
/*
 * exec, as a shell runs one side of a pipeline: dup2 of IN_FD onto standard input and OUT_FD onto standard output
 * (-2: not redirected), then execve of PATH. A stream not redirected goes into a pipe that a small reader process
 * relays (forked first, holding nothing else of the experiment's). A failing dup2 ends the step with its errno,
 * as the worker's does; the program inherits every other descriptor the process holds.
 */
static void exec_program(const char *path, char *const argv[], int in_fd, int out_fd)
{
    int out_pipe[2] = { -1, -1 }, err_pipe[2] = { -1, -1 };
    if ((out_fd == -2 && pipe2(out_pipe, O_CLOEXEC) != 0) || pipe2(err_pipe, O_CLOEXEC) != 0) {
        perror("pipe2");
        return;
    }
    pid_t reader = fork();
    if (reader == 0) {
        for (int fd = 3; fd < 1024; fd++)
            if (fd != out_pipe[0] && fd != err_pipe[0]) close(fd);
        relay_output(out_pipe[0], err_pipe[0]);
        _exit(0);
    }
    if (out_pipe[0] >= 0) close(out_pipe[0]);
    close(err_pipe[0]);
    say("execve(%s)", path);
    const int redirects[2][2] = { { in_fd, STDIN_FILENO }, { out_fd, STDOUT_FILENO } };
    for (int i = 0; i < 2; i++) {
        if (redirects[i][0] == -2 || dup2(redirects[i][0], redirects[i][1]) >= 0) continue;
        int error = errno;
        say("dup2(%d, %d) = -1%s", redirects[i][0], redirects[i][1], error_text(-1, error));
        trace_step("exec", "-", -1, error, "");
        if (out_pipe[1] >= 0) close(out_pipe[1]);
        close(err_pipe[1]);
        return;
    }
    if (in_fd == -2) {
        /* A playground process's standard input is /dev/null: so is the program's, unless it is redirected. */
        int nothing = open("/dev/null", O_RDONLY);
        if (nothing >= 0 && nothing != STDIN_FILENO) {
            dup2(nothing, STDIN_FILENO);
            close(nothing);
        }
    }
    trace_step("exec", "-", 0, 0, "");
    table->execed[my_index] = 1;
    if (out_pipe[1] >= 0) dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    char *const environment[] = { "PATH=/usr/bin:/bin", "LC_ALL=C", NULL };
    execve(path, argv, environment);
    int error = errno;
    table->execed[my_index] = 0;
    dprintf(STDERR_FILENO, "execve %s: %s\n", path, strerror(error));
}
