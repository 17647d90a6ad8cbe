using IpcPlayground.Contracts.Experiments;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Exports.CProgram.Mechanisms;

/// <summary>Shared memory, System V (shmget/shmat) and POSIX (shm_open/mmap): store, load and increment work on its bytes.</summary>
internal sealed class SharedMemory(ObjectKind kind, string creation, string statHelper, string? open) : CMechanism
{
    public static readonly CMechanism[] All =
    [
        new SharedMemory(ObjectKind.SysvShm, "create_sysv_segment", "stat_sysv_segment", open: null),
        new SharedMemory(ObjectKind.PosixShm, "create_posix_memory", "stat_posix_memory", "attach_memory"),
    ];

    public override ObjectKind Kind => kind;

    public override IEnumerable<string> Fields(PlanObject obj, string name)
    {
        yield return $"{name}.size = {obj.Size};";
    }

    public override string Creation => creation;
    public override string StatHelper => statHelper;
    public override bool IsMemory => true;

    public override string Open(CStatements c, PlanStep step, CTarget target) =>
        open is null ? c.Call("open_sysv", target.Ref, CStatements.OpenFlags(step, sysv: true)) : c.Call(open, target.Ref, "1", CStatements.OpenFlags(step, sysv: false));
}
