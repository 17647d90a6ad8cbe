/*
 * The one piece of the worker that is C: a signal handler. A handler runs on whatever the thread was doing, so it
 * must be async-signal-safe, which managed code is not. This one reads the monotonic clock and writes one 16-byte
 * record ("handler ran for signal N at time T") to a socket the supervisor reads; both calls are async-signal-safe.
 * It is linked into the NativeAOT worker as a static library.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct ipcplay_signal_record {
    uint32_t magic;   /* 'SIGH' */
    int32_t signo;
    int64_t t_ns;
};

static volatile int report_fd = -1;

static void ipcplay_on_signal(int signo)
{
    int saved = errno;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    struct ipcplay_signal_record record = { 0x48474953u, signo, (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec };
    if (report_fd >= 0) {
        ssize_t ignored = write(report_fd, &record, sizeof record);
        (void)ignored;
    }
    errno = saved;
}

void ipcplay_set_signal_report_fd(int fd)
{
    report_fd = fd;
}

/* action: 0 = SIG_DFL, 1 = SIG_IGN, 2 = the logging handler above. No SA_RESTART: a handled signal interrupts a
 * blocking call with EINTR, as sigaction without flags does in a C program. Returns sigaction's result; errno is set. */
int ipcplay_set_disposition(int signo, int action)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = action == 0 ? SIG_DFL : action == 1 ? SIG_IGN : ipcplay_on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    return sigaction(signo, &sa, NULL);
}
