using System.Runtime.InteropServices;
using IpcPlayground.Worker.Interop;

namespace IpcPlayground.Worker.Measuring;

/// <summary>
/// The calls a loop makes once a message, as the C reference makes them: straight into libc, without the GC
/// transition a P/Invoke normally makes and without saving errno after every call (<see cref="Errno"/> reads it when a
/// call has failed). Skipping the transition is safe only where these are called: in the loop's forked processes,
/// which have one thread and never allocate, so no garbage collection can ever wait for them while they block.
/// </summary>
internal static unsafe partial class LoopCalls
{
    private const string Lib = "libc.so.6";

    [LibraryImport(Lib, EntryPoint = "read"), SuppressGCTransition]
    public static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport(Lib, EntryPoint = "write"), SuppressGCTransition]
    public static partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport(Lib, EntryPoint = "msgsnd"), SuppressGCTransition]
    public static partial int MsgSnd(int id, byte* message, nint size, int flags);

    [LibraryImport(Lib, EntryPoint = "msgrcv"), SuppressGCTransition]
    public static partial nint MsgRcv(int id, byte* message, nint size, long type, int flags);

    [LibraryImport(Lib, EntryPoint = "mq_send"), SuppressGCTransition]
    public static partial int MqSend(int mq, byte* message, nint length, uint priority);

    [LibraryImport(Lib, EntryPoint = "mq_receive"), SuppressGCTransition]
    public static partial nint MqReceive(int mq, byte* message, nint length, uint* priority);

    [LibraryImport(Lib, EntryPoint = "sem_wait"), SuppressGCTransition]
    public static partial int SemWait(nint semaphore);

    [LibraryImport(Lib, EntryPoint = "sem_post"), SuppressGCTransition]
    public static partial int SemPost(nint semaphore);

    [LibraryImport(Lib, EntryPoint = "kill"), SuppressGCTransition]
    public static partial int Kill(int pid, int signal);

    [LibraryImport(Lib, EntryPoint = "sigtimedwait"), SuppressGCTransition]
    public static partial int SigTimedWait(ulong* set, void* info, Libc.Timespec* timeout);

    [LibraryImport(Lib, EntryPoint = "syscall"), SuppressGCTransition]
    public static partial nint Syscall(nint number, void* address, nint operation, nint value, nint timeout, nint address2, nint value3);

    [LibraryImport(Lib, EntryPoint = "clock_gettime"), SuppressGCTransition]
    private static partial int ClockGetTime(int clock, Libc.Timespec* time);

    /// <summary>
    /// CLOCK_MONOTONIC in nanoseconds (vDSO: no system call), as <see cref="MonotonicClock"/> gives it. Not shared with
    /// it: a run's processes keep the ordinary transition. With the suppressed one there too, a generated experiment
    /// whose process is killed by a SIGBUS sent with kill(2) hung in CI instead; it is kept to the loops' forks.
    /// </summary>
    public static long Now()
    {
        Libc.Timespec t;
        _ = ClockGetTime(Libc.CLOCK_MONOTONIC, &t);
        return t.Seconds * 1_000_000_000 + t.Nanoseconds;
    }

    /// <summary>errno as the failed call left it.</summary>
    public static int Errno => Marshal.GetLastSystemError();
}
