/*
 * The one piece of the worker that is C: a signal handler. A handler runs on whatever the thread was doing, so it
 * must be async-signal-safe, which managed code is not. This one reads the monotonic clock and writes one 32-byte
 * record ("handler ran for signal N at time T; siginfo said code C, sender P, value V") to a socket the supervisor
 * reads; both calls are async-signal-safe.
 * It is linked into the NativeAOT worker as a static library.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <pthread.h>
#include <unistd.h>

struct ipcplay_signal_record {
    uint32_t magic;   /* 'SIGH' */
    int32_t signo;
    int64_t t_ns;
    int32_t code;     /* si_code */
    int32_t pid;      /* si_pid: the sender (kill, sigqueue) or the child (SIGCHLD) */
    int32_t value;    /* si_value.sival_int: what sigqueue carried */
    int32_t reserved;
};

static volatile int report_fd = -1;

static void ipcplay_on_signal(int signo, siginfo_t *info, void *context)
{
    (void)context;
    int saved = errno;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    struct ipcplay_signal_record record = {
        0x48474953u, signo, (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec,
        info->si_code, info->si_pid, info->si_value.sival_int, 0,
    };
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

/*
 * SIGRTMIN is also the NativeAOT runtime's own signal: it sends it to its threads (tgkill, SI_TKILL from this very
 * process) to suspend them for a collection. So the experiment's disposition of SIGRTMIN is played by a stand-in
 * handler in front of the runtime's: the runtime's own activations go on to it, and a SIGRTMIN from anyone else is
 * taken as the experiment said — the default action (which kills), ignored, or the logging handler.
 */
static struct sigaction runtime_action;
static int runtime_signal = -1;
static volatile int runtime_signal_action; /* 0 default, 1 ignore, 2 log */
static volatile int runtime_signal_resets;  /* SA_RESETHAND asked for */

static void ipcplay_on_runtime_signal(int signo, siginfo_t *info, void *context)
{
    if (info->si_code == SI_TKILL && info->si_pid == getpid()) {
        if (runtime_action.sa_flags & SA_SIGINFO) runtime_action.sa_sigaction(signo, info, context);
        return;
    }
    if (runtime_signal_action == 2) {
        if (runtime_signal_resets) runtime_signal_action = 0;
        ipcplay_on_signal(signo, info, context);
        return;
    }
    if (runtime_signal_action == 1) return;
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigaction(signo, &fallback, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signo);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    kill(getpid(), signo);
}

static int stand_in_for_runtime_signal(int signo, int action, int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = ipcplay_on_runtime_signal;
    /* SA_RESETHAND is played by the stand-in: the runtime's activations must keep reaching it. */
    sa.sa_flags = SA_SIGINFO | (flags & ~SA_RESETHAND);
    sigemptyset(&sa.sa_mask);
    runtime_signal_action = action;
    runtime_signal_resets = (flags & SA_RESETHAND) != 0;
    if (runtime_signal < 0) {
        if (sigaction(signo, &sa, &runtime_action) != 0) return -1;
        runtime_signal = signo;
        return 0;
    }
    return sigaction(signo, &sa, NULL);
}

/* The runtime's activation signal (SIGRTMIN) gets the stand-in above, at its default, as the worker starts. */
int ipcplay_take_runtime_signal(int signo)
{
    return stand_in_for_runtime_signal(signo, 0, SA_RESTART);
}

/* action: 0 = SIG_DFL, 1 = SIG_IGN, 2 = the logging handler above (SA_SIGINFO, to read who sent it and why).
 * flags: SA_RESTART, SA_RESETHAND, SA_NODEFER as the step asks; without SA_RESTART a handled signal interrupts a
 * blocking call with EINTR, as sigaction without flags does in a C program. Returns sigaction's result; errno is set. */
int ipcplay_set_disposition(int signo, int action, int flags)
{
    if (signo == runtime_signal) return stand_in_for_runtime_signal(signo, action, flags);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    if (action == 2) {
        sa.sa_sigaction = ipcplay_on_signal;
        sa.sa_flags = SA_SIGINFO | flags;
    } else {
        sa.sa_handler = action == 0 ? SIG_DFL : SIG_IGN;
        sa.sa_flags = flags;
    }
    sigemptyset(&sa.sa_mask);
    return sigaction(signo, &sa, NULL);
}
