using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary><c>stat</c> asks the kernel for an object's state (IPC_STAT, FIONREAD, GETALL ...); <c>remove</c> deletes it.</summary>
internal sealed unsafe partial class StepRunner
{
    private void Stat(PlanStep step, string path)
    {
        var obj = Object(step);
        ObjectKernelState? state = null;
        var outcome = Call(step, path, StatCall(obj.Kind), () =>
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
        if (obj.Kind is not (ObjectKind.Pipe or ObjectKind.Fifo or ObjectKind.SocketPair or ObjectKind.UnixStream or ObjectKind.Tcp
            or ObjectKind.SysvShm or ObjectKind.PosixShm)) return;
        if (ObjectState.Read(obj, _handles, out _) is { } state)
            _link.Send(new StateFrame { Object = obj.Id, Step = path, State = state });
    }

    private static string StatCall(ObjectKind kind) => kind switch
    {
        ObjectKind.SysvMsgQueue => "msgctl",
        ObjectKind.SysvShm => "shmctl",
        ObjectKind.SysvSem => "semctl",
        ObjectKind.PosixMsgQueue => "mq_getattr",
        ObjectKind.PosixSem => "sem_getvalue",
        ObjectKind.Pipe or ObjectKind.Fifo or ObjectKind.SocketPair or ObjectKind.UnixStream or ObjectKind.UnixDgram or ObjectKind.Tcp
            or ObjectKind.PosixShm => "ioctl",
    };

    private void Remove(PlanStep step, string path)
    {
        var obj = Object(step);
        switch (obj.Kind)
        {
            case ObjectKind.SysvMsgQueue or ObjectKind.SysvShm or ObjectKind.SysvSem:
                var id = SysvId(obj);
                Call(step, path, StatCall(obj.Kind) + "(IPC_RMID)", () => Outcome.Of(obj.Kind switch
                {
                    ObjectKind.SysvMsgQueue => Libc.MsgCtl(id, Libc.IPC_RMID, null),
                    ObjectKind.SysvShm => Libc.ShmCtl(id, Libc.IPC_RMID, null),
                    _ => Libc.SemCtl(id, 0, Libc.IPC_RMID, 0),
                }), announce: false);
                break;
            case ObjectKind.PosixMsgQueue:
                Call(step, path, "mq_unlink", () => Outcome.Of(Libc.MqUnlink(obj.Name!)), announce: false);
                break;
            case ObjectKind.PosixShm:
                Call(step, path, "shm_unlink", () => Outcome.Of(Libc.ShmUnlink(obj.Name!)), announce: false);
                break;
            case ObjectKind.PosixSem:
                Call(step, path, "sem_unlink", () => Outcome.Of(Libc.SemUnlink(obj.Name!)), announce: false);
                break;
            case ObjectKind.Fifo or ObjectKind.UnixStream or ObjectKind.UnixDgram:
                Call(step, path, "unlink", () => Outcome.Of(Libc.Unlink(obj.Path!)), announce: false);
                break;
            case ObjectKind.Pipe or ObjectKind.SocketPair or ObjectKind.Tcp:
                NotOn(step, path, obj);
                break;
        }
    }
}
