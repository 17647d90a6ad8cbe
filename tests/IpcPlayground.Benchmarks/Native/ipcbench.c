/*
 * The C reference for the IPC benchmark: the same loops, the same system calls, as
 * server/IpcPlayground.Worker/Benchmarking/IpcBench.cs. Usage: ipcbench MECHANISM SIZE ITERATIONS
 * Prints: MECHANISM SIZE ITERATIONS SECONDS (or "unsupported REASON").
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <netinet/in.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
static void die(const char *what) { perror(what); exit(2); }

static void write_all(int fd, const char *b, size_t n) { while (n) { ssize_t w = write(fd, b, n); if (w < 0) die("write"); b += w; n -= (size_t)w; } }
static void read_all(int fd, char *b, size_t n) { while (n) { ssize_t r = read(fd, b, n); if (r <= 0) die("read"); b += r; n -= (size_t)r; } }

static void stream(int wfd, int rfd, int size, long iterations, char *buf) {
    pid_t pid = fork();
    if (pid == 0) { close(wfd); for (long i = 0; i < iterations; i++) read_all(rfd, buf, size); _exit(0); }
    close(rfd);
    for (long i = 0; i < iterations; i++) write_all(wfd, buf, size);
    close(wfd);
    waitpid(pid, NULL, 0);
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: ipcbench MECHANISM SIZE ITERATIONS\n"); return 64; }
    const char *mech = argv[1]; int size = atoi(argv[2]); long iterations = atol(argv[3]);
    char *buf = malloc(size + 8); memset(buf, 'x', size + 8);
    double start = now();
    if (!strcmp(mech, "pipe")) {
        int p[2]; if (pipe(p)) die("pipe"); stream(p[1], p[0], size, iterations, buf);
    } else if (!strcmp(mech, "socketpair")) {
        int s[2]; if (socketpair(AF_UNIX, SOCK_STREAM, 0, s)) die("socketpair"); stream(s[0], s[1], size, iterations, buf);
    } else if (!strcmp(mech, "tcp")) {
        int l = socket(AF_INET, SOCK_STREAM, 0); int one = 1; setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(7100), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
        if (bind(l, (struct sockaddr *)&a, sizeof a) || listen(l, 1)) die("bind");
        int c = socket(AF_INET, SOCK_STREAM, 0); if (connect(c, (struct sockaddr *)&a, sizeof a)) die("connect");
        int s = accept(l, NULL, NULL); close(l);
        start = now(); stream(c, s, size, iterations, buf);
    } else if (!strcmp(mech, "sysv-msgq")) {
        int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600); if (q < 0) die("msgget");
        *(long *)buf = 1;
        if (msgsnd(q, buf, size, IPC_NOWAIT) && errno == EINVAL) { printf("unsupported msgmax\n"); msgctl(q, IPC_RMID, NULL); return 0; }
        msgrcv(q, buf, size, 0, 0);
        start = now();
        pid_t pid = fork();
        if (pid == 0) { for (long i = 0; i < iterations; i++) if (msgrcv(q, buf, size, 0, 0) < 0) die("msgrcv"); _exit(0); }
        for (long i = 0; i < iterations; i++) { *(long *)buf = 1; if (msgsnd(q, buf, size, 0)) die("msgsnd"); }
        waitpid(pid, NULL, 0); msgctl(q, IPC_RMID, NULL);
    } else if (!strcmp(mech, "posix-mq")) {
        struct mq_attr attr = { .mq_maxmsg = 10, .mq_msgsize = size };
        mqd_t q = mq_open("/ipcbench", O_CREAT | O_RDWR, 0600, &attr);
        if (q < 0) { if (errno == EINVAL) { printf("unsupported msgsize_max\n"); return 0; } die("mq_open"); }
        mq_unlink("/ipcbench");
        pid_t pid = fork();
        if (pid == 0) { for (long i = 0; i < iterations; i++) if (mq_receive(q, buf, size, NULL) < 0) die("mq_receive"); _exit(0); }
        for (long i = 0; i < iterations; i++) if (mq_send(q, buf, size, 0)) die("mq_send");
        waitpid(pid, NULL, 0);
    } else if (!strcmp(mech, "shm-sem")) {
        char *shm = mmap(NULL, size + 2 * sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        sem_t *full = (sem_t *)shm, *empty = full + 1; char *data = (char *)(empty + 1);
        sem_init(full, 1, 0); sem_init(empty, 1, 0);
        pid_t pid = fork();
        if (pid == 0) { for (long i = 0; i < iterations; i++) { sem_wait(full); memcpy(buf, data, size); sem_post(empty); } _exit(0); }
        for (long i = 0; i < iterations; i++) { memcpy(data, buf, size); sem_post(full); sem_wait(empty); }
        waitpid(pid, NULL, 0);
    } else { fprintf(stderr, "unknown mechanism %s\n", mech); return 64; }
    printf("%s %d %ld %.9f\n", mech, size, iterations, now() - start);
    return 0;
}
