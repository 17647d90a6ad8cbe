using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution.Mechanisms;

/// <summary>
/// What System V objects share: a key (numeric, ftok or IPC_PRIVATE), an <c>open</c> that looks the key up — where
/// IPC_PRIVATE makes a new object every time — and IPC_RMID.
/// </summary>
internal static class SystemV
{
    /// <summary>The object's key; ftok needs an existing file, so the supervisor makes the one the experiment names.</summary>
    public static int KeyForCreation(PlanObject obj)
    {
        if (obj.SysvKey == SysvKeyKind.Ftok)
        {
            var fd = Libc.Open(obj.Path!, Libc.O_CREAT | Libc.O_RDWR, 0x1B6);
            if (fd >= 0) Libc.Close(fd);
        }
        return SysvKeys.Of(obj);
    }

    /// <summary>An <c>open</c>: the get call by key; from here on the process uses the identifier it returned.</summary>
    public static bool Open(ObjectStep s, string call, Func<int, int, long> get)
    {
        var key = SysvKeys.Of(s.Object);
        var flags = s.SysvOpenFlags | 0x180;
        var outcome = s.Call(call, () => Outcome.Of(get(key, flags)), announce: false,
            details: (made, end) => made.Result >= 0 ? end with { SysvId = (int)made.Result } : end);
        if (outcome.Result < 0) return false;
        s.Handles.SysvIds[s.Object.Id] = (int)outcome.Result;
        return true;
    }

    /// <summary>A <c>remove</c>: IPC_RMID by the identifier this process uses.</summary>
    public static void Remove(ObjectStep s, string call, Func<int, long> remove)
    {
        var id = s.SysvId;
        s.Call(call + "(IPC_RMID)", () => Outcome.Of(remove(id)), announce: false);
    }
}
