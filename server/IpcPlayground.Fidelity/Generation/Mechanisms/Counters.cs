using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Generation.Simulation;
using IpcPlayground.Fidelity.Generation.Simulation.Objects;

namespace IpcPlayground.Fidelity.Generation.Mechanisms;

/// <summary>Counters written and read whole: eventfd, now and then in semaphore mode.</summary>
internal abstract class Counters : GeneratedMechanism
{
    public static IReadOnlyList<GeneratedMechanism> All { get; } = [new EventFdCounter()];

    private sealed class EventFdCounter : Counters
    {
        public override ObjectKind Kind => ObjectKind.EventFd;
        public override string IdPrefix => "efd";

        internal override ObjectDefinition Define(string id, int n, ChoiceSource choices) => new()
        {
            Id = id, Type = Type, Initial = choices.Chance(40) ? InitialValues.Of(choices.Between(0, 3)) : null, Semaphore = choices.Chance(40) ? true : null,
        };

        internal override SimObject Model(ObjectDefinition obj, string? owner, string? binder) =>
            new CounterObject(obj.Id!, owner!, obj.Initial?.Value ?? 0, obj.Semaphore == true);

        internal override int Engagement(SimObject model, SimProcess holder) => Holds(model, holder) ? 12 : 1;

        internal override Step Propose(ObjectDefinition obj, SimProcess process, SimWorld world, StepProposals steps)
        {
            var (id, choices) = (obj.Id!, steps.Choices);
            return choices.Below(10) switch
            {
                < 4 => new Step { Op = Ops.Write, Object = id, Value = choices.Chance(10) ? 0 : choices.Between(1, 5) },
                < 8 => new Step { Op = Ops.Read, Object = id },
                8 => new Step { Op = Ops.Stat, Object = id },
                _ => new Step { Op = Ops.Close, Object = id },
            };
        }
    }
}
