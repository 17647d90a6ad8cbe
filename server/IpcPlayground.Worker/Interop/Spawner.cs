using System.Runtime.InteropServices;
using System.Text;

namespace IpcPlayground.Worker.Interop;

/// <summary>
/// posix_spawn of this same binary. The child inherits every descriptor not marked close-on-exec, exactly as after
/// fork: that is how anonymous pipes reach it.
/// </summary>
internal static unsafe partial class Spawner
{
    private const int POSIX_SPAWN_SETPGROUP = 0x02;
    private const int POSIX_SPAWN_SETSIGDEF = 0x04;
    private const int POSIX_SPAWN_SETSIGMASK = 0x08;

    [LibraryImport("libc.so.6", EntryPoint = "posix_spawnattr_setsigmask")]
    private static partial int AttrSetSigMask(void* attributes, void* signals);

    [LibraryImport("libc.so.6", EntryPoint = "posix_spawnattr_init")]
    private static partial int AttrInit(void* attributes);

    [LibraryImport("libc.so.6", EntryPoint = "posix_spawnattr_setflags")]
    private static partial int AttrSetFlags(void* attributes, short flags);

    [LibraryImport("libc.so.6", EntryPoint = "posix_spawnattr_setpgroup")]
    private static partial int AttrSetPgroup(void* attributes, int pgroup);

    [LibraryImport("libc.so.6", EntryPoint = "posix_spawnattr_setsigdefault")]
    private static partial int AttrSetSigDefault(void* attributes, void* signals);

    [LibraryImport("libc.so.6", EntryPoint = "posix_spawnattr_destroy")]
    private static partial int AttrDestroy(void* attributes);

    [LibraryImport("libc.so.6", EntryPoint = "sigemptyset")]
    private static partial int SigEmptySet(void* set);

    [LibraryImport("libc.so.6", EntryPoint = "sigaddset")]
    private static partial int SigAddSet(void* set, int signal);

    public static string SelfPath { get; } = Environment.ProcessPath ?? "/proc/self/exe";

    /// <summary>Starts <c>SelfPath args...</c>; returns the pid, or -errno. A <paramref name="processGroup"/> of 0 makes the child lead a new group.</summary>
    public static int Spawn(IReadOnlyList<string> args, int? processGroup = null)
    {
        var argv = new List<string> { SelfPath };
        argv.AddRange(args);
        var pointers = new nint[argv.Count + 1];
        var attributes = stackalloc byte[512];
        var defaults = stackalloc byte[128];
        try
        {
            for (var i = 0; i < argv.Count; i++) pointers[i] = Marshal.StringToCoTaskMemUTF8(argv[i]);
            _ = AttrInit(attributes);
            // Dispositions set to "ignore" survive exec: a child starts with every signal at its default, as a C
            // program started by a clean parent would (the .NET runtime, for one, ignores SIGPIPE).
            _ = SigEmptySet(defaults);
            foreach (var signal in WorkerSignals.Blockable) _ = SigAddSet(defaults, signal);
            _ = AttrSetSigDefault(attributes, defaults);
            // The child starts with the ordinary signals blocked, so the threads its runtime starts before Main inherit
            // that mask and never take a signal meant for the experiment; Main then unblocks them on its own thread.
            var blocked = stackalloc byte[128];
            _ = SigEmptySet(blocked);
            foreach (var signal in WorkerSignals.Blockable) _ = SigAddSet(blocked, signal);
            _ = AttrSetSigMask(attributes, blocked);
            short flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
            if (processGroup is { } group)
            {
                flags |= POSIX_SPAWN_SETPGROUP;
                _ = AttrSetPgroup(attributes, group);
            }
            _ = AttrSetFlags(attributes, flags);
            var path = Encoding.UTF8.GetBytes(SelfPath + "\0");
            int pid;
            fixed (byte* pathPointer = path)
            fixed (nint* argvPointer = pointers)
            {
                var environment = stackalloc byte*[1];
                environment[0] = null;
                var rc = Libc.PosixSpawn(&pid, pathPointer, null, attributes, (byte**)argvPointer, environment);
                return rc == 0 ? pid : -rc;
            }
        }
        finally
        {
            _ = AttrDestroy(attributes);
            foreach (var pointer in pointers) if (pointer != 0) Marshal.FreeCoTaskMem(pointer);
        }
    }
}
