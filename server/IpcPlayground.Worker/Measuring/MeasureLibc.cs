using System.Runtime.InteropServices;

namespace IpcPlayground.Worker.Measuring;

/// <summary>The calls only the measurement loops make (the rest are the experiment steps' own, in Interop).</summary>
internal static unsafe partial class MeasureLibc
{
    private const string Lib = "libc.so.6";
    public const int MAP_SHARED_ANONYMOUS = 0x01 | 0x20;
    public const int IPPROTO_TCP = 6, TCP_NODELAY = 1;
    public const int SIGUSR1 = 10, SIGUSR2 = 12;
    private const int SYS_futex = 202, FUTEX_WAIT = 0, FUTEX_WAKE = 1;

    [LibraryImport(Lib, EntryPoint = "fork", SetLastError = true)]
    public static partial int Fork();

    [LibraryImport(Lib, EntryPoint = "sem_init", SetLastError = true)]
    public static partial int SemInit(nint semaphore, int shared, uint value);

    /// <summary>libc's memcpy, as the C reference copies (short and never blocking: no GC transition).</summary>
    [LibraryImport(Lib, EntryPoint = "memcpy"), SuppressGCTransition]
    public static partial void* MemCpy(void* destination, void* source, nint count);

    [LibraryImport(Lib, EntryPoint = "sched_getaffinity", SetLastError = true)]
    public static partial int SchedGetAffinity(int pid, nint size, ulong* mask);

    [LibraryImport(Lib, EntryPoint = "sched_setaffinity", SetLastError = true)]
    public static partial int SchedSetAffinity(int pid, nint size, ulong* mask);

    [LibraryImport(Lib, EntryPoint = "getppid")]
    public static partial int GetPPid();

    /// <summary>Sleeps while the 32-bit word at <paramref name="address"/> holds <paramref name="expected"/> (not private: the word is shared between processes).</summary>
    public static void FutexWait(void* address, uint expected) => LoopCalls.Syscall(SYS_futex, address, FUTEX_WAIT, (nint)expected, 0, 0, 0);

    public static void FutexWake(void* address) => LoopCalls.Syscall(SYS_futex, address, FUTEX_WAKE, 1, 0, 0, 0);

    /// <summary>Memory both processes of a loop see, zeroed: MAP_SHARED | MAP_ANONYMOUS, inherited across fork.</summary>
    public static byte* SharedMap(nint bytes)
    {
        var p = Interop.Libc.Mmap(0, bytes, Interop.Libc.PROT_READ | Interop.Libc.PROT_WRITE, MAP_SHARED_ANONYMOUS, -1, 0);
        if (p == -1) throw new MeasureFailedException("mmap");
        return (byte*)p;
    }
}

/// <summary>A call the loop needs failed where it never should (not a limit of the kernel's, which is a cell's reason).</summary>
internal sealed class MeasureFailedException(string call) : Exception($"{call}: {Interop.Errno.Name(Interop.Errno.Last())}");
