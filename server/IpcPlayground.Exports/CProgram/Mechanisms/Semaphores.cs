using IpcPlayground.Contracts.Experiments;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Exports.CProgram.Mechanisms;

/// <summary>Semaphores: a System V set (semop on one member, with SEM_UNDO and IPC_NOWAIT) and a POSIX named semaphore.</summary>
internal abstract class Semaphores : CMechanism
{
    public static readonly CMechanism[] All = [new SysvSet(), new PosixSemaphore()];

    private sealed class SysvSet : Semaphores
    {
        public override ObjectKind Kind => ObjectKind.SysvSem;
        public override IEnumerable<string> Fields(PlanObject obj, string name)
        {
            yield return $"{name}.count = {obj.Count};";
            if (obj.InitialValues.Distinct().Count() > 1)
            {
                // Static storage: the set is made in main, after describe_objects has returned.
                yield return $"static const unsigned short {name}_initial[] = {{ {string.Join(", ", obj.InitialValues)} }};";
                yield return $"{name}.initial_values = {name}_initial;";
            }
            else
            {
                yield return $"{name}.initial = {(obj.InitialValues.Count > 0 ? obj.InitialValues[0] : 0)};";
            }
        }

        public override string Creation => "create_sysv_semaphore_set";
        public override string StatHelper => "stat_sysv_semaphores";
        public override string Open(CStatements c, PlanStep step, CTarget target) => c.Call("open_sysv", target.Ref, CStatements.OpenFlags(step, sysv: true));

        public override string Semaphore(CStatements c, PlanStep step, CTarget target, int sign) =>
            c.Call("semop_sysv", target.Ref, CStatements.Number(step.Index ?? 0), CStatements.Number(sign * (step.Count ?? 1)),
                CStatements.Flag(step.Undo), CStatements.Flag(step.Nowait));
    }

    private sealed class PosixSemaphore : Semaphores
    {
        public override ObjectKind Kind => ObjectKind.PosixSem;
        public override IEnumerable<string> Fields(PlanObject obj, string name)
        {
            yield return $"{name}.initial = {obj.Initial};";
        }

        public override string Creation => "create_posix_semaphore";
        public override string StatHelper => "stat_posix_semaphore";
        public override string Open(CStatements c, PlanStep step, CTarget target) => c.Call("open_posix_semaphore", target.Ref, CStatements.OpenFlags(step, sysv: false));

        public override string Semaphore(CStatements c, PlanStep step, CTarget target, int sign) =>
            c.Call("sem_op_posix", target.Ref, CStatements.Number(sign * (step.Count ?? 1)));
    }
}
