/*
 * The run's seccomp filter: a deny-list, installed by the supervisor before it starts the first worker, inherited by
 * every process of the run and impossible to remove. It keeps every IPC call of the contract working (pipes, FIFOs,
 * signals, System V and POSIX queues, shared memory, semaphores, Unix and TCP sockets) and refuses, with EPERM, the
 * calls an experiment never needs and that widen the kernel surface: tracing other processes, namespaces and mounts,
 * kernel keyrings, BPF, perf, io_uring (whose operations bypass seccomp), userfaultfd, modules, clocks, reboot.
 * New user namespaces are refused through clone's flags; clone3 answers ENOSYS so libc falls back to clone, whose
 * flags a filter can read. Sockets outside AF_UNIX, AF_INET, AF_INET6 and AF_NETLINK get EAFNOSUPPORT.
 * A system call from another ABI (x32, or i386 through int 0x80) kills the process.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define IPCPLAY_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define IPCPLAY_AUDIT_ARCH AUDIT_ARCH_AARCH64
#else
#error "seccomp_filter.c knows x86-64 and arm64 only"
#endif

#define NAMESPACE_FLAGS (CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP)

static const int denied[] = {
    SYS_ptrace, SYS_process_vm_readv, SYS_process_vm_writev, SYS_kcmp, SYS_pidfd_getfd,
    SYS_mount, SYS_umount2, SYS_pivot_root, SYS_chroot, SYS_unshare, SYS_setns,
    SYS_open_tree, SYS_move_mount, SYS_fsopen, SYS_fsconfig, SYS_fsmount, SYS_fspick, SYS_mount_setattr,
    SYS_name_to_handle_at, SYS_open_by_handle_at,
    SYS_keyctl, SYS_add_key, SYS_request_key,
    SYS_bpf, SYS_perf_event_open, SYS_userfaultfd, SYS_fanotify_init,
    SYS_io_uring_setup, SYS_io_uring_enter, SYS_io_uring_register,
    SYS_init_module, SYS_finit_module, SYS_delete_module, SYS_kexec_load, SYS_kexec_file_load,
    SYS_reboot, SYS_swapon, SYS_swapoff, SYS_acct, SYS_syslog, SYS_quotactl, SYS_vhangup,
    SYS_settimeofday, SYS_clock_settime, SYS_clock_adjtime, SYS_adjtimex, SYS_sethostname, SYS_setdomainname,
#ifdef SYS_iopl
    SYS_iopl, SYS_ioperm,
#endif
#ifdef SYS_uselib
    SYS_uselib, SYS_ustat, SYS_sysfs, SYS__sysctl, SYS_lookup_dcookie,
#endif
#ifdef SYS_memfd_secret
    SYS_memfd_secret,
#endif
#ifdef SYS_quotactl_fd
    SYS_quotactl_fd,
#endif
};

#define DENIED_COUNT ((int)(sizeof denied / sizeof denied[0]))
#define ALLOW BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)
#define FAIL(e) BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ((e) & SECCOMP_RET_DATA))
#define LOAD(field) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, field))

/* The number of system calls the filter refuses, for the run-start event. */
int ipcplay_seccomp_denied_count(void) { return DENIED_COUNT; }

/* Installs the filter on the calling thread and, with TSYNC, every other thread of the process. 0 or -errno. */
int ipcplay_install_seccomp(void)
{
    struct sock_filter program[32 + DENIED_COUNT * 2];
    int n = 0;
    program[n++] = (struct sock_filter)LOAD(arch);
    program[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, IPCPLAY_AUDIT_ARCH, 1, 0);
    program[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
    program[n++] = (struct sock_filter)LOAD(nr);
#if defined(__x86_64__)
    program[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000u, 0, 1);
    program[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
#endif
    for (int i = 0; i < DENIED_COUNT; i++) {
        program[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)denied[i], 0, 1);
        program[n++] = (struct sock_filter)FAIL(EPERM);
    }
    program[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone3, 0, 1);
    program[n++] = (struct sock_filter)FAIL(ENOSYS);
    /* clone(flags, ...): flags is the first argument on both architectures; its low 32 bits hold every CLONE_NEW*. */
    program[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone, 0, 3);
    program[n++] = (struct sock_filter)LOAD(args[0]);
    program[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, NAMESPACE_FLAGS, 0, 1);
    program[n++] = (struct sock_filter)FAIL(EPERM);
    program[n++] = (struct sock_filter)LOAD(nr);
    program[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_socket, 0, 5);
    program[n++] = (struct sock_filter)LOAD(args[0]);
    program[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_UNIX, 3, 0);
    program[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_INET, 2, 0);
    program[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_INET6, 1, 0);
    program[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_NETLINK, 0, 1);
    program[n++] = (struct sock_filter)ALLOW;
    program[n++] = (struct sock_filter)FAIL(EAFNOSUPPORT);

    struct sock_fprog fprog = { .len = (unsigned short)n, .filter = program };
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return -errno;
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &fprog) != 0)
        return -errno;
    return 0;
}
