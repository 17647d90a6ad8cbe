using System.Text.Json.Nodes;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary><c>stat</c> asks the kernel for an object's state (IPC_STAT, FIONREAD, GETALL ...); <c>remove</c> deletes it.</summary>
internal sealed unsafe partial class StepRunner
{
    private void Stat(PlanStep step, string path)
    {
        var obj = Object(step);
        JsonObject? state = null;
        var outcome = Call(step, path, StatCall(obj.Type), () =>
        {
            state = ObjectState.Read(obj, _handles, out var errno);
            return state is null ? Outcome.Failed(errno) : new Outcome(0);
        }, announce: false);
        if (outcome.Result == 0 && state is not null)
            _link.Send(new StateFrame { Object = obj.Id, Step = path, State = state });
    }

    /// <summary>
    /// After a step on a pipe, socket or shared memory, the kernel's view of it from this process's own handle
    /// (FIONREAD on its descriptor, IPC_STAT and a preview of its mapping), which only a holder can read undisturbed.
    /// </summary>
    private void ReportState(PlanStep step, string path)
    {
        var obj = Object(step);
        if (obj.Type is not ("pipe" or "fifo" or "socketpair" or "unix-stream" or "tcp" or "sysv-shm" or "posix-shm")) return;
        if (ObjectState.Read(obj, _handles, out _) is { } state)
            _link.Send(new StateFrame { Object = obj.Id, Step = path, State = state });
    }

    private static string StatCall(string type) => type switch
    {
        "sysv-msgq" => "msgctl",
        "sysv-shm" => "shmctl",
        "sysv-sem" => "semctl",
        "posix-mq" => "mq_getattr",
        "posix-sem" => "sem_getvalue",
        _ => "ioctl",
    };

    private void Remove(PlanStep step, string path)
    {
        var obj = Object(step);
        switch (obj.Type)
        {
            case "sysv-msgq" or "sysv-shm" or "sysv-sem":
                var id = SysvId(obj);
                Call(step, path, obj.Type switch { "sysv-msgq" => "msgctl", "sysv-shm" => "shmctl", _ => "semctl" } + "(IPC_RMID)", () => Outcome.Of(obj.Type switch
                {
                    "sysv-msgq" => Libc.MsgCtl(id, Libc.IPC_RMID, null),
                    "sysv-shm" => Libc.ShmCtl(id, Libc.IPC_RMID, null),
                    _ => Libc.SemCtl(id, 0, Libc.IPC_RMID, 0),
                }), announce: false);
                break;
            case "posix-mq":
                Call(step, path, "mq_unlink", () => Outcome.Of(Libc.MqUnlink(obj.Name!)), announce: false);
                break;
            case "posix-shm":
                Call(step, path, "shm_unlink", () => Outcome.Of(Libc.ShmUnlink(obj.Name!)), announce: false);
                break;
            case "posix-sem":
                Call(step, path, "sem_unlink", () => Outcome.Of(Libc.SemUnlink(obj.Name!)), announce: false);
                break;
            default:
                Call(step, path, "unlink", () => Outcome.Of(Libc.Unlink(obj.Path!)), announce: false);
                break;
        }
    }
}
