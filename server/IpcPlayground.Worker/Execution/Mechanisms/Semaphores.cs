using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution.Mechanisms;

/// <summary>Semaphores: a System V set (semop with counts and SEM_UNDO) and POSIX named semaphores.</summary>
internal abstract unsafe class Semaphores : WorkerMechanism
{
    public static readonly WorkerMechanism[] All = [new SysvSet(), new PosixSemaphore()];

    public override bool SupervisorSees => true;

    /// <summary>
    /// Each wait and post is followed by the value as the process that made it reads it at once: the supervisor's own
    /// look comes later, after the next post may already have put it back (four lock/unlock pairs looked like one).
    /// </summary>
    public override bool ReportsStateAfterSteps => true;

    private sealed class SysvSet : Semaphores
    {
        public override ObjectKind Kind => ObjectKind.SysvSem;
        public override string StatCall => "semctl";

        /// <summary>semget, then SETALL to each member's initial value.</summary>
        public override int Create(PlanObject obj)
        {
            var id = Libc.SemGet(SystemV.KeyForCreation(obj), obj.Count, Libc.IPC_CREAT | Mode);
            if (id < 0) return id;
            var values = stackalloc ushort[obj.Count];
            for (var i = 0; i < obj.Count; i++) values[i] = (ushort)obj.InitialValues[i];
            return Libc.SemCtl(id, 0, Libc.SETALL, (nint)values) < 0 ? -1 : id;
        }

        public override void Open(ObjectStep s)
        {
            var count = s.Object.Count;
            SystemV.Open(s, "semget", (key, flags) => Libc.SemGet(key, count, flags));
        }

        public override void Remove(ObjectStep s) => SystemV.Remove(s, StatCall, id => Libc.SemCtl(id, 0, Libc.IPC_RMID, 0));

        public override void Semaphore(ObjectStep s, int sign)
        {
            var id = s.SysvId;
            var index = s.Step.Index ?? 0;
            var operation = new Libc.SemBuf
            {
                Number = (ushort)index,
                Operation = (short)(sign * (s.Step.Count ?? 1)),
                Flags = (short)((s.Step.Undo == true ? Libc.SEM_UNDO : 0) | (s.Step.Nowait == true ? Libc.IPC_NOWAIT : 0)),
            };
            s.Call("semop", () =>
            {
                var op = operation;
                var outcome = Outcome.Of(Libc.SemOp(id, &op, 1));
                // The member's value afterwards. A sleeper this post woke has already taken its share: the kernel
                // completes a waiting semop on behalf of the process it wakes, before this one returns.
                return outcome.Result == 0 ? outcome with { Value = Libc.SemCtl(id, index, Libc.GETVAL, 0) } : outcome;
            });
        }

        /// <summary>GETVAL, GETNCNT and GETZCNT of every member.</summary>
        public override ObjectKernelState? Snapshot(PlanObject obj, int? sysvId, out int errno)
        {
            errno = 0;
            if (sysvId is not { } id) return null;
            var key = SysvKeys.Text(obj);
            var values = new long[obj.Count];
            var waiting = new long[obj.Count];
            var waitingForZero = new long[obj.Count];
            for (var i = 0; i < obj.Count; i++)
            {
                var value = Libc.SemCtl(id, i, Libc.GETVAL, 0);
                if (value < 0) return Removed(new SysvSemaphoreState { Key = key }, out errno);
                values[i] = value;
                waiting[i] = Libc.SemCtl(id, i, Libc.GETNCNT, 0);
                waitingForZero[i] = Libc.SemCtl(id, i, Libc.GETZCNT, 0);
            }
            return new SysvSemaphoreState { Key = key, Id = id, Values = values, Waiting = waiting, WaitingForZero = waitingForZero };
        }
    }

    private sealed class PosixSemaphore : Semaphores
    {
        public override ObjectKind Kind => ObjectKind.PosixSem;
        public override string StatCall => "sem_getvalue";

        public override int Create(PlanObject obj) =>
            Libc.SemOpen(obj.Name!, Libc.O_CREAT, Mode, (uint)obj.Initial) == Libc.SEM_FAILED ? -1 : 0;

        public override void Open(ObjectStep s)
        {
            nint semaphore = 0;
            var (name, flags, initial) = (s.Object.Name!, s.PosixOpenFlags, s.Object.Initial);
            var outcome = s.Call("sem_open", () =>
            {
                semaphore = Libc.SemOpen(name, flags, Mode, (uint)initial);
                return semaphore == Libc.SEM_FAILED ? Outcome.Of(-1) : new Outcome(0);
            }, announce: false);
            if (outcome.Result == 0) s.Handles.Semaphores[s.Object.Id] = semaphore;
        }

        public override void Semaphore(ObjectStep s, int sign)
        {
            if (Handle(s) is not { } semaphore) return;
            var count = s.Step.Count ?? 1;
            s.Call(sign < 0 ? "sem_wait" : "sem_post", () =>
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

        public override void Remove(ObjectStep s) => s.Call("sem_unlink", () => Outcome.Of(Libc.SemUnlink(s.Object.Name!)), announce: false);

        /// <summary>This process's handle, opened on first use; when it cannot be, the step is reported with sem_open's errno.</summary>
        private static nint? Handle(ObjectStep s)
        {
            if (s.Handles.Semaphores.TryGetValue(s.Object.Id, out var semaphore)) return semaphore;
            semaphore = Libc.SemOpen(s.Object.Name!, 0, 0, 0);
            if (semaphore == Libc.SEM_FAILED)
            {
                s.Report("sem_open", Errno.Last());
                return null;
            }
            return s.Handles.Semaphores[s.Object.Id] = semaphore;
        }

        /// <summary>sem_getvalue on a handle of its own, opened and closed again.</summary>
        public override ObjectKernelState? Snapshot(PlanObject obj, int? sysvId, out int errno)
        {
            errno = 0;
            var semaphore = Libc.SemOpen(obj.Name!, 0, 0, 0);
            if (semaphore == Libc.SEM_FAILED) return Removed(new PosixSemaphoreState(), out errno);
            int value;
            Libc.SemGetValue(semaphore, &value);
            Libc.SemClose(semaphore);
            return new PosixSemaphoreState { Value = value };
        }

        /// <summary>sem_getvalue on this process's own handle when it holds one.</summary>
        public override ObjectKernelState? ReadState(PlanObject obj, ObjectHandles handles, out int errno)
        {
            if (!handles.Semaphores.TryGetValue(obj.Id, out var semaphore)) return base.ReadState(obj, handles, out errno);
            int value;
            if (Libc.SemGetValue(semaphore, &value) < 0) return Failed(out errno);
            errno = 0;
            return new PosixSemaphoreState { Value = value };
        }
    }
}
