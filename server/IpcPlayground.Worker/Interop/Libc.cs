using System.Runtime.InteropServices;

namespace IpcPlayground.Worker.Interop;

/// <summary>The libc calls the worker makes. Each returns what libc returns; errno comes from <see cref="Errno.Last"/>.</summary>
internal static unsafe partial class Libc
{
    private const string Lib = "libc.so.6";

    public const int O_CLOEXEC = 0x80000;
    public const int O_NONBLOCK = 0x800;
    public const int F_SETPIPE_SZ = 1031;
    public const int F_GETPIPE_SZ = 1032;
    public const int AF_UNIX = 1;
    public const int SOCK_STREAM = 1;
    public const int SOCK_CLOEXEC = 0x80000;
    public const int MSG_NOSIGNAL = 0x4000;
    public const short POLLIN = 0x1;
    public const short POLLHUP = 0x10;
    public const short POLLERR = 0x8;
    public const int WNOHANG = 1;
    public const int PR_SET_CHILD_SUBREAPER = 36;
    public const int CLOCK_MONOTONIC = 1;
    public const int SIGKILL = 9;
    public const int SIGPIPE = 13;
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int ECHILD = 10;
    public const int ESRCH = 3, EBADF = 9, EINVAL = 22;
    public const int EPIPE = 32;
    public const int ECONNRESET = 104;

    [StructLayout(LayoutKind.Sequential)]
    public struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport(Lib, EntryPoint = "pipe2", SetLastError = true)]
    public static partial int Pipe2(int* fds, int flags);

    [LibraryImport(Lib, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport(Lib, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Lib, EntryPoint = "execve", SetLastError = true)]
    public static partial int Execve(byte* path, byte** argv, byte** environment);

    [LibraryImport(Lib, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport(Lib, EntryPoint = "posix_spawn", SetLastError = true)]
    public static partial int PosixSpawn(int* pid, byte* path, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport(Lib, EntryPoint = "waitpid", SetLastError = true)]
    public static partial int WaitPid(int pid, int* status, int options);

    [LibraryImport(Lib, EntryPoint = "clock_gettime", SetLastError = true)]
    public static partial int ClockGetTime(int clock, Timespec* time);

    [LibraryImport(Lib, EntryPoint = "clock_nanosleep")]
    public static partial int ClockNanosleep(int clock, int flags, Timespec* request, Timespec* remaining);

    [LibraryImport(Lib, EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Lib, EntryPoint = "bind", SetLastError = true)]
    public static partial int Bind(int fd, byte* address, int length);

    [LibraryImport(Lib, EntryPoint = "listen", SetLastError = true)]
    public static partial int Listen(int fd, int backlog);

    [LibraryImport(Lib, EntryPoint = "accept4", SetLastError = true)]
    public static partial int Accept4(int fd, byte* address, int* length, int flags);

    [LibraryImport(Lib, EntryPoint = "connect", SetLastError = true)]
    public static partial int Connect(int fd, byte* address, int length);

    [LibraryImport(Lib, EntryPoint = "send", SetLastError = true)]
    public static partial nint Send(int fd, byte* buffer, nint length, int flags);

    [LibraryImport(Lib, EntryPoint = "recv", SetLastError = true)]
    public static partial nint Recv(int fd, byte* buffer, nint length, int flags);

    [LibraryImport(Lib, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport(Lib, EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport(Lib, EntryPoint = "getpid")]
    public static partial int GetPid();

    [LibraryImport(Lib, EntryPoint = "prctl", SetLastError = true)]
    public static partial int Prctl(int option, nint argument);

    [LibraryImport(Lib, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Lib, EntryPoint = "dup2", SetLastError = true)]
    public static partial int Dup2(int oldFd, int newFd);

    public const int RLIMIT_CPU = 0, RLIMIT_NOFILE = 7, RLIMIT_MSGQUEUE = 12;

    [StructLayout(LayoutKind.Sequential)]
    public struct RLimit
    {
        public ulong Soft, Hard;
    }

    [LibraryImport(Lib, EntryPoint = "setrlimit", SetLastError = true)]
    public static partial int SetRLimit(int resource, RLimit* limit);

    [LibraryImport("libipcplay_native", EntryPoint = "ipcplay_install_seccomp")]
    public static partial int InstallSeccomp();

    [LibraryImport("libipcplay_native", EntryPoint = "ipcplay_seccomp_denied_count")]
    public static partial int SeccompDeniedCount();

    [LibraryImport(Lib, EntryPoint = "getrusage")]
    private static partial int GetRUsage(int who, byte* usage);

    /// <summary>This thread's voluntary context switches: it went up across a call if and only if the call slept.</summary>
    public static long VoluntarySwitches()
    {
        var usage = stackalloc byte[144];
        return GetRUsage(1 /* RUSAGE_THREAD */, usage) == 0 ? *(long*)(usage + 128) : 0;
    }

    [LibraryImport(Lib, EntryPoint = "wait4", SetLastError = true)]
    private static partial int Wait4(int pid, int* status, int options, byte* usage);

    /// <summary>waitpid that also says how much CPU time (user and system, ns) the reaped child used.</summary>
    public static int WaitPid(int pid, int* status, int options, out long cpuNs)
    {
        var usage = stackalloc byte[144];
        var rc = Wait4(pid, status, options, usage);
        // struct rusage begins with ru_utime and ru_stime, each a timeval { seconds, microseconds }.
        var times = (long*)usage;
        cpuNs = rc > 0 ? (times[0] + times[2]) * 1_000_000_000L + (times[1] + times[3]) * 1000L : 0;
        return rc;
    }

    [LibraryImport(Lib, EntryPoint = "_exit")]
    public static partial void Exit(int code);
}
