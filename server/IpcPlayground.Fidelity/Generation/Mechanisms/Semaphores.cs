using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Generation.Simulation;
using IpcPlayground.Fidelity.Generation.Simulation.Objects;

namespace IpcPlayground.Fidelity.Generation.Mechanisms;

/// <summary>Semaphores: System V sets (members, undo, counts) and POSIX semaphores (one value, one at a time).</summary>
internal abstract class Semaphores : GeneratedMechanism
{
    public static IReadOnlyList<GeneratedMechanism> All { get; } = [new SysvSet(), new PosixSemaphore()];

    private static InitialValues? Initial(ChoiceSource choices) => choices.Chance(60) ? InitialValues.Of(choices.Between(0, 3)) : null;

    /// <summary>The rarer steps, a removal, an open or a close; mostly a stat.</summary>
    private static Step Housekeeping(string id, ChoiceSource choices) => choices.Below(10) switch
    {
        0 => new Step { Op = Ops.Remove, Object = id },
        1 => OpenByName(id, "read-write", choices),
        2 => new Step { Op = Ops.Close, Object = id },
        _ => new Step { Op = Ops.Stat, Object = id },
    };

    private sealed class SysvSet : Semaphores
    {
        public override ObjectKind Kind => ObjectKind.SysvSem;
        public override string IdPrefix => "sem";
        internal override bool RemovalFailsWaiters => true;

        /// <summary>Now and then a start value per member (its count then said, or left to the array's length).</summary>
        internal override ObjectDefinition Define(string id, int n, ChoiceSource choices)
        {
            var key = SystemV.Key(n, choices);
            int? count = choices.Chance(50) ? choices.Between(1, 3) : null;
            var initial = choices.Chance(30)
                ? InitialValues.Of([.. Enumerable.Range(0, count ?? choices.Between(1, 3)).Select(_ => choices.Between(0, 3))])
                : Initial(choices);
            return new() { Id = id, Type = Type, Key = key, Count = count, Initial = initial };
        }

        internal override SimObject Model(ObjectDefinition obj, string? owner, string? binder) => SystemV.Model(obj, isMemory: false);
        internal override int Engagement(SimObject model, SimProcess holder) => SystemV.Engagement(model, holder);

        /// <summary>A wait for more than anyone posts.</summary>
        internal override Step WaitForRemoval(ObjectDefinition obj, ChoiceSource choices) =>
            new() { Op = Ops.SemWait, Object = obj.Id, Count = choices.Between(4, 9) };

        internal override Step Propose(ObjectDefinition obj, SimProcess process, SimWorld world, StepProposals steps)
        {
            var (id, choices) = (obj.Id!, steps.Choices);
            int? Member() => choices.Chance(40) ? choices.Below(obj.Count ?? 1) : null;
            return choices.Below(5) switch
            {
                0 or 1 => new Step
                {
                    Op = Ops.SemWait, Object = id, Index = Member(), Count = choices.Chance(30) ? choices.Between(1, 3) : null, Undo = steps.Flag(20),
                },
                2 or 3 => new Step
                {
                    // Past SEMVMX (32767) a post fails with ERANGE.
                    Op = Ops.SemPost, Object = id, Index = Member(), Undo = steps.Flag(20),
                    Count = choices.Chance(3) ? 32767 : choices.Chance(30) ? choices.Between(1, 3) : null,
                },
                _ => Housekeeping(id, choices),
            };
        }
    }

    private sealed class PosixSemaphore : Semaphores
    {
        public override ObjectKind Kind => ObjectKind.PosixSem;
        public override string IdPrefix => "psem";

        internal override ObjectDefinition Define(string id, int n, ChoiceSource choices) => new() { Id = id, Type = Type, Initial = Initial(choices) };
        internal override SimObject Model(ObjectDefinition obj, string? owner, string? binder) => new PosixSemaphoreObject(obj.Id!, obj.Initial?.Value ?? 1);

        internal override int Engagement(SimObject model, SimProcess holder) =>
            ((PosixSemaphoreObject)model).Linked || holder.Semaphores.Contains(model.Id) ? 10 : 2;

        internal override Step Propose(ObjectDefinition obj, SimProcess process, SimWorld world, StepProposals steps)
        {
            var (id, choices) = (obj.Id!, steps.Choices);
            return choices.Below(5) switch
            {
                0 or 1 => new Step { Op = Ops.SemWait, Object = id, Count = choices.Chance(20) ? 2 : null },
                2 or 3 => new Step { Op = Ops.SemPost, Object = id, Count = choices.Chance(20) ? 2 : null },
                _ => Housekeeping(id, choices),
            };
        }
    }
}
