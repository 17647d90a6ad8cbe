using IpcPlayground.Contracts.Experiments;
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
        if (obj.Kind == ObjectKind.SysvSem)
        {
            var id = SysvId(obj);
            var index = step.Index ?? 0;
            var operation = new Libc.SemBuf
            {
                Number = (ushort)index,
                Operation = (short)(sign * count),
                Flags = (short)((step.Undo == true ? Libc.SEM_UNDO : 0) | (step.Nowait == true ? Libc.IPC_NOWAIT : 0)),
            };
            Call(step, path, "semop", () =>
            {
                var op = operation;
                var outcome = Outcome.Of(Libc.SemOp(id, &op, 1));
                // The member's value afterwards. A sleeper this post woke has already taken its share: the kernel
                // completes a waiting semop on behalf of the process it wakes, before this one returns.
                return outcome.Result == 0 ? outcome with { Value = Libc.SemCtl(id, index, Libc.GETVAL, 0) } : outcome;
            });
            return;
        }

        var semaphore = PosixSemaphore(obj, out var openErrno);
        if (semaphore is null)
        {
            Report(step, path, "sem_open", openErrno);
            return;
        }
        Call(step, path, sign < 0 ? "sem_wait" : "sem_post", () =>
        {
            for (var i = 0; i < count; i++)
            {
                var rc = sign < 0 ? Libc.SemWait(semaphore.Value) : Libc.SemPost(semaphore.Value);
                if (rc != 0) return Outcome.Of(rc);
            }
            int value;
            Libc.SemGetValue(semaphore.Value, &value);
            return new Outcome(0, Value: value);
        });
    }

    /// <summary>This process's handle of the POSIX semaphore, opened on first use; null (and why) if it cannot be.</summary>
    private nint? PosixSemaphore(PlanObject obj, out int errno)
    {
        errno = 0;
        if (_handles.Semaphores.TryGetValue(obj.Id, out var semaphore)) return semaphore;
        semaphore = Libc.SemOpen(obj.Name!, 0, 0, 0);
        if (semaphore == Libc.SEM_FAILED)
        {
            errno = Interop.Errno.Last();
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
            return semaphore == Libc.SEM_FAILED ? Outcome.Of(-1) : new Outcome(0);
        }, announce: false);
        if (outcome.Result == 0) _handles.Semaphores[obj.Id] = semaphore;
    }
}
