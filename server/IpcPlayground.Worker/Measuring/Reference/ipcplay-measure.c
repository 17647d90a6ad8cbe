/*
 * ipcplay-measure MECHANISM SIZE PATTERN CPUS ITERATIONS
 *
 * The C reference of a measurement cell: the same loop as the NativeAOT worker's (the .cs files of Measuring/), written as a C
 * programmer would, so a student sees what the managed worker costs. Prints one JSON line:
 *   {"messages":N,"elapsedNs":N,"p50":N,"p90":N,"p99":N}   (no percentiles for a stream of messages under 8 bytes)
 * or {"reason":"..."} when the kernel cannot do the cell (a message above a queue's limit, one CPU for "different").
 *
 * The loop (the worker's is the same, step for step):
 *   stream: the parent sends W + N messages of SIZE bytes, the forked child receives them; W = max(1, N/10) warm the
 *     path up. The child starts the clock when warm-up message W-1 has arrived and stops it at the last one: N
 *     messages in that time. Every 16th message carries the sender's CLOCK_MONOTONIC in its first 8 bytes; the
 *     child records now minus that stamp: the latency of a message from send to receive.
 *   ping-pong: the parent sends a message, the child answers with one of the same size, W + N times; the last N round
 *     trips are timed (2N messages) and half of each round trip is a latency sample.
 * Latencies go into a log-linear histogram (64 exact buckets, then 32 per power of two: within 1.6%); a percentile is
 * the middle of its bucket. CPUS: "same" pins both processes to the first CPU the process may use, "different" the
 * parent to the first and the child to the second, "any" leaves them to the scheduler.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <mqueue.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define HISTOGRAM_BUCKETS 1280
#define STAMP_EVERY 16
#define RING_BYTES (256 * 1024)
/* A side of the ring spins this long before it sleeps, when the other side can run meanwhile (not on the same CPU). */
#define SPINS 256
#define LINE 64

typedef struct {
    int64_t t0, t1, count;
    int64_t buckets[HISTOGRAM_BUCKETS];
} results_t;

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static int bucket_of(int64_t v) {
    if (v < 64) return v < 0 ? 0 : (int)v;
    int e = 63 - __builtin_clzll((uint64_t)v);
    int i = 64 + (e - 6) * 32 + (int)((v >> (e - 5)) & 31);
    return i < HISTOGRAM_BUCKETS ? i : HISTOGRAM_BUCKETS - 1;
}

/* The middle of a bucket: exact below 64 ns. */
static int64_t bucket_value(int i) {
    if (i < 64) return i;
    int e = (i - 64) / 32 + 6, m = (i - 64) % 32;
    int64_t low = ((int64_t)(32 + m)) << (e - 5), width = (int64_t)1 << (e - 5);
    return low + width / 2;
}

static int64_t percentile(const results_t *r, int per_mille) {
    int64_t rank = (r->count * per_mille + 999) / 1000, seen = 0;
    if (rank < 1) rank = 1;
    for (int i = 0; i < HISTOGRAM_BUCKETS; i++) {
        seen += r->buckets[i];
        if (seen >= rank) return bucket_value(i);
    }
    return 0;
}

static void record(results_t *r, int64_t ns) {
    r->buckets[bucket_of(ns)]++;
    r->count++;
}

static void die(const char *what) {
    fprintf(stderr, "ipcplay-measure: %s: %s\n", what, strerror(errno));
    exit(2);
}

static void refuse(const char *reason) {
    printf("{\"reason\":\"%s\"}\n", reason);
    exit(0);
}

static long read_limit(const char *path) {
    FILE *f = fopen(path, "r");
    long v = -1;
    if (f) {
        if (fscanf(f, "%ld", &v) != 1) v = -1;
        fclose(f);
    }
    return v;
}

/* ---- channels: one direction of a mechanism, set up before fork ---- */

enum kind { FD_STREAM, SYSV, POSIX_MQ, SHM_SEM, SHM_RING, EVENTFD, SIGNAL };

typedef struct {
    volatile uint64_t head; char pad0[LINE - 8];
    volatile uint64_t tail; char pad1[LINE - 8];
    volatile uint32_t consumer_waiting; char pad2[LINE - 4];
    volatile uint32_t producer_waiting; char pad3[LINE - 4];
} ring_t;

typedef struct {
    enum kind kind;
    int send_fd, receive_fd;   /* FD_STREAM, EVENTFD */
    int queue; long type;      /* SYSV */
    mqd_t mq;                  /* POSIX_MQ */
    sem_t *full, *empty;       /* SHM_SEM */
    unsigned char *shared;     /* SHM_SEM: the message; SHM_RING: the slots */
    ring_t *ring; uint64_t slots; size_t stride; int spins;
    int signal; pid_t peer;    /* SIGNAL */
} channel_t;

static void write_all(int fd, const unsigned char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) { if (errno == EINTR) continue; die("write"); }
        p += w; n -= (size_t)w;
    }
}

static void read_all(int fd, unsigned char *p, size_t n) {
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0) { if (errno == EINTR) continue; die("read"); }
        if (r == 0) { errno = EPIPE; die("read: end of file"); }
        p += r; n -= (size_t)r;
    }
}

static void futex_wait(volatile void *address, uint32_t expected) {
    syscall(SYS_futex, address, FUTEX_WAIT, expected, NULL, NULL, 0);
}

static void futex_wake(volatile void *address) {
    syscall(SYS_futex, address, FUTEX_WAKE, 1, NULL, NULL, 0);
}

static void ring_send(channel_t *c, const unsigned char *message, size_t size) {
    ring_t *r = c->ring;
    uint64_t head = r->head;
    if (head - __atomic_load_n(&r->tail, __ATOMIC_ACQUIRE) == c->slots) {
        for (int i = 0; i < c->spins && head - __atomic_load_n(&r->tail, __ATOMIC_ACQUIRE) == c->slots; i++) __builtin_ia32_pause();
        while (1) {
            uint64_t tail = __atomic_load_n(&r->tail, __ATOMIC_ACQUIRE);
            if (head - tail != c->slots) break;
            __atomic_store_n(&r->producer_waiting, 1, __ATOMIC_SEQ_CST);
            tail = __atomic_load_n(&r->tail, __ATOMIC_SEQ_CST);
            if (head - tail == c->slots) futex_wait(&r->tail, (uint32_t)tail);
            __atomic_store_n(&r->producer_waiting, 0, __ATOMIC_RELAXED);
        }
    }
    memcpy(c->shared + (head % c->slots) * c->stride, message, size);
    __atomic_store_n(&r->head, head + 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&r->consumer_waiting, __ATOMIC_SEQ_CST)) futex_wake(&r->head);
}

static void ring_receive(channel_t *c, unsigned char *message, size_t size) {
    ring_t *r = c->ring;
    uint64_t tail = r->tail;
    if (__atomic_load_n(&r->head, __ATOMIC_ACQUIRE) == tail) {
        for (int i = 0; i < c->spins && __atomic_load_n(&r->head, __ATOMIC_ACQUIRE) == tail; i++) __builtin_ia32_pause();
        while (1) {
            if (__atomic_load_n(&r->head, __ATOMIC_ACQUIRE) != tail) break;
            __atomic_store_n(&r->consumer_waiting, 1, __ATOMIC_SEQ_CST);
            if (__atomic_load_n(&r->head, __ATOMIC_SEQ_CST) == tail) futex_wait(&r->head, (uint32_t)tail);
            __atomic_store_n(&r->consumer_waiting, 0, __ATOMIC_RELAXED);
        }
    }
    memcpy(message, c->shared + (tail % c->slots) * c->stride, size);
    __atomic_store_n(&r->tail, tail + 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&r->producer_waiting, __ATOMIC_SEQ_CST)) futex_wake(&r->tail);
}

/* message points 8 bytes into its buffer: a System V message's type goes just before it, with no copy. */
static void channel_send(channel_t *c, unsigned char *message, size_t size) {
    switch (c->kind) {
    case FD_STREAM: write_all(c->send_fd, message, size); break;
    case SYSV:
        *(long *)(message - 8) = c->type;
        while (msgsnd(c->queue, message - 8, size, 0) != 0) if (errno != EINTR) die("msgsnd");
        break;
    case POSIX_MQ: while (mq_send(c->mq, (const char *)message, size, 0) != 0) if (errno != EINTR) die("mq_send"); break;
    case SHM_SEM:
        memcpy(c->shared, message, size);
        if (sem_post(c->full) != 0) die("sem_post");
        while (sem_wait(c->empty) != 0) if (errno != EINTR) die("sem_wait");
        break;
    case SHM_RING: ring_send(c, message, size); break;
    case EVENTFD: { uint64_t one = 1; write_all(c->send_fd, (unsigned char *)&one, 8); break; }
    case SIGNAL: if (kill(c->peer, c->signal) != 0) die("kill"); break;
    }
}

static void channel_receive(channel_t *c, unsigned char *message, size_t size) {
    switch (c->kind) {
    case FD_STREAM: read_all(c->receive_fd, message, size); break;
    case SYSV: while (msgrcv(c->queue, message - 8, size, c->type, 0) < 0) if (errno != EINTR) die("msgrcv"); break;
    case POSIX_MQ: while (mq_receive(c->mq, (char *)message, size, NULL) < 0) if (errno != EINTR) die("mq_receive"); break;
    case SHM_SEM:
        while (sem_wait(c->full) != 0) if (errno != EINTR) die("sem_wait");
        memcpy(message, c->shared, size);
        if (sem_post(c->empty) != 0) die("sem_post");
        break;
    case SHM_RING: ring_receive(c, message, size); break;
    case EVENTFD: { uint64_t value; read_all(c->receive_fd, (unsigned char *)&value, 8); break; }
    case SIGNAL: {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, c->signal);
        while (sigwaitinfo(&set, NULL) < 0) if (errno != EINTR) die("sigwaitinfo");
        break;
    }
    }
}

static void *shared_map(size_t bytes) {
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) die("mmap");
    return p;
}

static int tcp_port = 7100;

/* A connected pair of stream descriptors: fds[0] for the parent, fds[1] for the child. */
static void stream_pair(const char *mechanism, int fds[2], int forward) {
    if (strcmp(mechanism, "pipe") == 0 || strcmp(mechanism, "fifo") == 0) {
        int p[2];
        if (strcmp(mechanism, "pipe") == 0) {
            if (pipe(p) != 0) die("pipe");
        } else {
            const char *path = forward ? "/tmp/ipcplay-measure-forward" : "/tmp/ipcplay-measure-back";
            unlink(path);
            if (mkfifo(path, 0600) != 0) die("mkfifo");
            if ((p[0] = open(path, O_RDONLY | O_NONBLOCK)) < 0 || (p[1] = open(path, O_WRONLY)) < 0) die("open fifo");
            if (fcntl(p[0], F_SETFL, 0) != 0) die("fcntl");
            unlink(path);
        }
        /* forward: the parent writes; back: the child writes. */
        fds[0] = forward ? p[1] : p[0];
        fds[1] = forward ? p[0] : p[1];
        return;
    }
    if (strcmp(mechanism, "socketpair") == 0) {
        if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) die("socketpair");
        return;
    }
    int listener, client, one = 1;
    if (strcmp(mechanism, "unix-stream") == 0) {
        struct sockaddr_un address = { .sun_family = AF_UNIX };
        strcpy(address.sun_path, "/tmp/ipcplay-measure.sock");
        unlink(address.sun_path);
        listener = socket(AF_UNIX, SOCK_STREAM, 0);
        if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 1) != 0) die("bind");
        client = socket(AF_UNIX, SOCK_STREAM, 0);
        if (connect(client, (struct sockaddr *)&address, sizeof address) != 0) die("connect");
        unlink(address.sun_path);
    } else {
        struct sockaddr_in address = { .sin_family = AF_INET, .sin_port = htons(tcp_port++), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
        listener = socket(AF_INET, SOCK_STREAM, 0);
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 1) != 0) die("bind");
        client = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(client, (struct sockaddr *)&address, sizeof address) != 0) die("connect");
    }
    int server = accept(listener, NULL, NULL);
    if (server < 0) die("accept");
    close(listener);
    if (strcmp(mechanism, "tcp") == 0) {
        setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        setsockopt(server, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    fds[0] = client;
    fds[1] = server;
}

/* Sets up the forward (parent → child) and back channels; returns a reason when the kernel cannot. */
static const char *open_channels(const char *mechanism, size_t size, int ping_pong, channel_t *forward, channel_t *back) {
    static char reason[256];
    memset(forward, 0, sizeof *forward);
    memset(back, 0, sizeof *back);
    int is_fd_stream = !strcmp(mechanism, "pipe") || !strcmp(mechanism, "fifo") || !strcmp(mechanism, "socketpair") ||
                       !strcmp(mechanism, "unix-stream") || !strcmp(mechanism, "tcp");
    if (is_fd_stream) {
        int f[2], b[2];
        forward->kind = back->kind = FD_STREAM;
        stream_pair(mechanism, f, 1);
        if (!strcmp(mechanism, "pipe") || !strcmp(mechanism, "fifo")) {
            if (ping_pong) stream_pair(mechanism, b, 0); else b[0] = b[1] = -1;
        } else { b[0] = f[0]; b[1] = f[1]; }
        forward->send_fd = f[0]; forward->receive_fd = f[1];
        back->send_fd = b[1]; back->receive_fd = b[0];
        return NULL;
    }
    if (!strcmp(mechanism, "sysv-msgq")) {
        long max = read_limit("/proc/sys/kernel/msgmax");
        if (max >= 0 && (long)size > max) {
            snprintf(reason, sizeof reason, "a System V message holds at most %ld bytes here (/proc/sys/kernel/msgmax): msgsnd(2) fails with EINVAL", max);
            return reason;
        }
        int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
        if (q < 0) die("msgget");
        forward->kind = back->kind = SYSV;
        forward->queue = back->queue = q;
        forward->type = 1; back->type = 2;
        return NULL;
    }
    if (!strcmp(mechanism, "posix-mq")) {
        struct mq_attr attr = { .mq_maxmsg = 10, .mq_msgsize = (long)size };
        mqd_t q[2];
        for (int i = 0; i < 2; i++) {
            const char *name = i ? "/ipcplay-measure-back" : "/ipcplay-measure-forward";
            mq_unlink(name);
            q[i] = mq_open(name, O_CREAT | O_RDWR, 0600, &attr);
            if (q[i] == (mqd_t)-1) {
                if (errno == EINVAL) {
                    snprintf(reason, sizeof reason, "a POSIX queue's message holds at most %ld bytes here (/proc/sys/fs/mqueue/msgsize_max): mq_open(3) fails with EINVAL",
                             read_limit("/proc/sys/fs/mqueue/msgsize_max"));
                    return reason;
                }
                die("mq_open");
            }
            mq_unlink(name);
        }
        forward->kind = back->kind = POSIX_MQ;
        forward->mq = q[0]; back->mq = q[1];
        return NULL;
    }
    if (!strcmp(mechanism, "shm-sem")) {
        channel_t *both[2] = { forward, back };
        for (int i = 0; i < 2; i++) {
            unsigned char *region = shared_map(2 * LINE + size);
            both[i]->kind = SHM_SEM;
            both[i]->full = (sem_t *)region;
            both[i]->empty = (sem_t *)(region + LINE);
            both[i]->shared = region + 2 * LINE;
            if (sem_init(both[i]->full, 1, 0) != 0 || sem_init(both[i]->empty, 1, 0) != 0) die("sem_init");
        }
        return NULL;
    }
    if (!strcmp(mechanism, "shm-ring")) {
        channel_t *both[2] = { forward, back };
        size_t stride = (size + LINE - 1) / LINE * LINE;
        uint64_t slots = RING_BYTES / stride < 4 ? 4 : RING_BYTES / stride;
        for (int i = 0; i < 2; i++) {
            unsigned char *region = shared_map(sizeof(ring_t) + slots * stride);
            both[i]->kind = SHM_RING;
            both[i]->ring = (ring_t *)region;
            both[i]->shared = region + sizeof(ring_t);
            both[i]->slots = slots;
            both[i]->stride = stride;
        }
        return NULL;
    }
    if (!strcmp(mechanism, "eventfd")) {
        forward->kind = back->kind = EVENTFD;
        int f = eventfd(0, 0), b = eventfd(0, 0);
        if (f < 0 || b < 0) die("eventfd");
        forward->send_fd = forward->receive_fd = f;
        back->send_fd = back->receive_fd = b;
        return NULL;
    }
    if (!strcmp(mechanism, "signal")) {
        /* main blocks both signals before its fork and learns each peer's pid after it. */
        forward->kind = back->kind = SIGNAL;
        forward->signal = SIGUSR1;
        back->signal = SIGUSR2;
        return NULL;
    }
    snprintf(reason, sizeof reason, "%s is not a mechanism", mechanism);
    return reason;
}

/*
 * The CPUs to pin the parent and the child to, or -1 for none; a reason when there are not two. together: whether the
 * two may run at the same time (then waiting on the ring spins a little before it sleeps).
 */
static const char *placement(const char *cpus, int *parent_cpu, int *child_cpu, int *together) {
    *parent_cpu = *child_cpu = -1;
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0) die("sched_getaffinity");
    *together = strcmp(cpus, "same") != 0 && CPU_COUNT(&set) > 1;
    if (!strcmp(cpus, "any")) return NULL;
    int first = -1, second = -1;
    for (int i = 0; i < CPU_SETSIZE; i++) {
        if (!CPU_ISSET(i, &set)) continue;
        if (first < 0) first = i; else if (second < 0) { second = i; break; }
    }
    if (!strcmp(cpus, "same")) { *parent_cpu = *child_cpu = first; return NULL; }
    if (second < 0) return "the sandbox may use one CPU only: there are no two different CPUs to place the processes on";
    *parent_cpu = first;
    *child_cpu = second;
    return NULL;
}

static void pin(int cpu) {
    if (cpu < 0) return;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) die("sched_setaffinity");
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: ipcplay-measure MECHANISM SIZE PATTERN CPUS ITERATIONS\n");
        return 64;
    }
    const char *mechanism = argv[1], *pattern = argv[3], *cpus = argv[4];
    size_t size = (size_t)atol(argv[2]);
    int64_t n = atoll(argv[5]), warm = n / 10 < 1 ? 1 : n / 10, total = warm + n;
    int ping_pong = !strcmp(pattern, "ping-pong");
    int stamps = !ping_pong && size >= 8;
    if (size < 1 || n < 1) { fprintf(stderr, "ipcplay-measure: SIZE and ITERATIONS must be positive\n"); return 64; }

    int parent_cpu, child_cpu, together;
    const char *reason = placement(cpus, &parent_cpu, &child_cpu, &together);
    if (reason) refuse(reason);
    channel_t forward, back;
    if ((reason = open_channels(mechanism, size, ping_pong, &forward, &back))) refuse(reason);
    forward.spins = back.spins = together ? SPINS : 0;

    unsigned char *buffer = malloc(size + 8);
    if (!buffer) die("malloc");
    memset(buffer, 'x', size + 8);
    unsigned char *message = buffer + 8;
    results_t *results = shared_map(sizeof(results_t));

    if (forward.kind == SIGNAL) {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGUSR1);
        sigaddset(&set, SIGUSR2);
        if (sigprocmask(SIG_BLOCK, &set, NULL) != 0) die("sigprocmask");
    }
    pin(parent_cpu);
    pid_t child = fork();
    if (child < 0) die("fork");
    if (child == 0) {
        pin(child_cpu);
        back.peer = getppid();
        for (int64_t i = 0; i < total; i++) {
            channel_receive(&forward, message, size);
            if (ping_pong) { channel_send(&back, message, size); continue; }
            if (i == warm - 1) results->t0 = now_ns();
            else if (stamps && i >= warm) {
                int64_t stamp;
                memcpy(&stamp, message, 8);
                if (stamp != 0) record(results, now_ns() - stamp);
            }
        }
        if (!ping_pong) results->t1 = now_ns();
        _exit(0);
    }
    forward.peer = child;
    for (int64_t i = 0; i < total; i++) {
        if (ping_pong) {
            int64_t start = now_ns();
            if (i == warm) results->t0 = start;
            channel_send(&forward, message, size);
            channel_receive(&back, message, size);
            if (i >= warm) record(results, (now_ns() - start) / 2);
        } else {
            if (stamps) {
                int64_t stamp = i % STAMP_EVERY == 0 ? now_ns() : 0;
                memcpy(message, &stamp, 8);
            }
            channel_send(&forward, message, size);
        }
    }
    if (ping_pong) results->t1 = now_ns();
    int status;
    if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "ipcplay-measure: the receiving process failed (status %d)\n", status);
        return 2;
    }
    if (forward.kind == SYSV) msgctl(forward.queue, IPC_RMID, NULL);
    int64_t messages = ping_pong ? 2 * n : n;
    if (results->count > 0)
        printf("{\"messages\":%lld,\"elapsedNs\":%lld,\"p50\":%lld,\"p90\":%lld,\"p99\":%lld}\n", (long long)messages,
               (long long)(results->t1 - results->t0), (long long)percentile(results, 500), (long long)percentile(results, 900),
               (long long)percentile(results, 990));
    else
        printf("{\"messages\":%lld,\"elapsedNs\":%lld}\n", (long long)messages, (long long)(results->t1 - results->t0));
    return 0;
}
