using IpcPlayground.Worker.Execution.Mechanisms;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// Creates the run's named objects before any process starts: FIFOs, the files ftok keys name, System V queues,
/// segments and semaphore sets, POSIX queues, shared memory and semaphores (each as its mechanism makes it). They
/// live in the sandbox's IPC namespace and tmpfs, so they vanish with the sandbox.
/// </summary>
internal static class NamedObjects
{
    /// <summary>Creates them; returns the System V identifiers by object id, and adds a message for each failure.</summary>
    public static Dictionary<string, int> Create(IEnumerable<PlanObject> objects, List<string> failures)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var obj in objects)
        {
            var rc = WorkerMechanisms.For(obj).Create(obj);
            if (rc < 0) failures.Add($"creating {obj.Type} '{obj.Id}': {Errno.Name(Errno.Last())}");
            else if (obj.Mechanism.IsSysv) ids[obj.Id] = rc;
        }
        return ids;
    }
}
