using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>Semaphores: a System V set (semop with counts and SEM_UNDO) and POSIX named semaphores.</summary>
internal sealed unsafe partial class StepRunner
{
    private void Semaphore(PlanStep step, string path, int sign)
    {
        var obj = Object(step);
        var count = step.Count ?? 1;
        if (obj.Type == "sysv-sem")
        {
            if (SysvId(step, path, obj) is not { } id) return;
            var operation = new Libc.SemBuf
            {
                Number = (ushort)(step.Index ?? 0),
                Operation = (short)(sign * count),
                Flags = (short)((step.Undo == true ? Libc.SEM_UNDO : 0) | (step.Nowait == true ? Libc.IPC_NOWAIT : 0)),
            };
            Call(step, path, "semop", () =>
            {
                var op = operation;
                return Outcome.Of(Libc.SemOp(id, &op, 1));
            });
            return;
        }

        if (PosixSemaphore(step, path, obj) is not { } semaphore) return;
        Call(step, path, sign < 0 ? "sem_wait" : "sem_post", () =>
        {
            for (var i = 0; i < count; i++)
            {
                var rc = sign < 0 ? Libc.SemWait(semaphore) : Libc.SemPost(semaphore);
                if (rc != 0) return Outcome.Of(rc);
            }
            int value;
            Libc.SemGetValue(semaphore, &value);
            return new Outcome(0, Value: value);
        });
    }

    private nint? PosixSemaphore(PlanStep step, string path, PlanObject obj)
    {
        if (_handles.Semaphores.TryGetValue(obj.Id, out var semaphore)) return semaphore;
        semaphore = Libc.SemOpen(obj.Name!, 0, 0, 0);
        if (semaphore == -1)
        {
            Fail(path, step, $"sem_open {obj.Name}: {Interop.Errno.Name(Interop.Errno.Last())}");
            return null;
        }
        return _handles.Semaphores[obj.Id] = semaphore;
    }

    private void OpenPosixSemaphore(PlanStep step, string path, PlanObject obj)
    {
        nint semaphore = 0;
        var outcome = Call(step, path, "sem_open", () =>
        {
            semaphore = Libc.SemOpen(obj.Name!, 0, 0, 0);
            return semaphore == -1 ? Outcome.Of(-1) : new Outcome(0);
        }, announce: false);
        if (outcome.Result == 0) _handles.Semaphores[obj.Id] = semaphore;
    }
}
