using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Generation.Simulation;
using IpcPlayground.Fidelity.Generation.Simulation.Objects;

namespace IpcPlayground.Fidelity.Generation.Mechanisms;

/// <summary>Message queues: System V (a type on each message) and POSIX (a priority on each, a size limit).</summary>
internal abstract class Queues : GeneratedMechanism
{
    public static IReadOnlyList<GeneratedMechanism> All { get; } = [new SysvQueue(), new PosixQueue()];

    private sealed class SysvQueue : Queues
    {
        public override ObjectKind Kind => ObjectKind.SysvMsgQueue;
        public override string IdPrefix => "msgq";
        internal override bool RemovalFailsWaiters => true;

        internal override ObjectDefinition Define(string id, int n, ChoiceSource choices) => new() { Id = id, Type = Type, Key = SystemV.Key(n, choices) };
        internal override SimObject Model(ObjectDefinition obj, string? owner, string? binder) => SystemV.Model(obj, isMemory: false);
        internal override int Engagement(SimObject model, SimProcess holder) => SystemV.Engagement(model, holder);

        /// <summary>A receive of a type nobody sends.</summary>
        internal override Step WaitForRemoval(ObjectDefinition obj, ChoiceSource choices) =>
            new() { Op = Ops.Receive, Object = obj.Id, Type = choices.Between(4, 9) };

        internal override Step Propose(ObjectDefinition obj, SimProcess process, SimWorld world, StepProposals steps)
        {
            var (id, choices) = (obj.Id!, steps.Choices);
            return (process.Sysv.GetValueOrDefault(id)?.Messages.Count > 0 && choices.Chance(40) ? 2 : choices.Below(6)) switch
            {
                0 or 1 => new Step { Op = Ops.Send, Object = id, Data = steps.Data(), Type = choices.Between(1, 3), Nowait = steps.Flag(20) },
                2 or 3 => Shorter(process.Sysv.GetValueOrDefault(id)?.Messages.FirstOrDefault().Data, choices) is { } shorter
                    ? new Step { Op = Ops.Receive, Object = id, MaxBytes = shorter }
                    : new Step
                    {
                        Op = Ops.Receive, Object = id, Type = choices.Between(-3, 3), Nowait = steps.Flag(40),
                        MaxBytes = choices.Chance(10) ? choices.Between(1, 8) : null,
                    },
                4 => choices.Chance(15) ? OpenByName(id, "read-write", choices) : new Step { Op = Ops.Stat, Object = id },
                _ => choices.Below(10) switch
                {
                    0 or 1 => new Step { Op = Ops.Remove, Object = id },
                    2 => new Step { Op = Ops.Close, Object = id }, // nothing to close: EBADF
                    _ => new Step { Op = Ops.Stat, Object = id },
                },
            };
        }

        /// <summary>Now and then a buffer too short for the message at the head of the queue: E2BIG, and it stays queued.</summary>
        private static int? Shorter(byte[]? message, ChoiceSource choices) =>
            message is { Length: > 1 } && choices.Chance(30) ? choices.Between(1, message.Length - 1) : null;
    }

    private sealed class PosixQueue : Queues
    {
        public override ObjectKind Kind => ObjectKind.PosixMsgQueue;
        public override string IdPrefix => "mq";
        public override bool OpenReturnsDescriptor => true;

        internal override ObjectDefinition Define(string id, int n, ChoiceSource choices) =>
            new() { Id = id, Type = Type, MaxMessages = choices.Between(1, 5), MessageSize = choices.OneOf([16, 32, 64]) };

        internal override SimObject Model(ObjectDefinition obj, string? owner, string? binder) =>
            new PosixQueueObject(obj.Id!, obj.MaxMessages ?? 10, obj.MessageSize ?? 1024);

        internal override int Engagement(SimObject model, SimProcess holder) =>
            ((PosixQueueObject)model).Linked || holder.QueueModes.ContainsKey(model.Id) ? 10 : 2;

        internal override Step Propose(ObjectDefinition obj, SimProcess process, SimWorld world, StepProposals steps)
        {
            var (id, choices) = (obj.Id!, steps.Choices);
            return choices.Below(6) switch
            {
                0 or 1 => new Step
                {
                    Op = Ops.Send, Object = id, Data = steps.Data(choices.Chance(10) ? 90 : 24), Priority = choices.Between(0, 5), Nowait = steps.Flag(30),
                },
                2 or 3 => new Step { Op = Ops.Receive, Object = id, Nowait = steps.Flag(40), MaxBytes = choices.Chance(20) ? choices.Between(1, 200) : null },
                4 => choices.Chance(50)
                    ? OpenByName(id, choices.OneOf(["read", "write", "read-write"]), choices)
                    : new Step { Op = Ops.Close, Object = id },
                _ => choices.Chance(20) ? new Step { Op = Ops.Remove, Object = id } : new Step { Op = Ops.Stat, Object = id },
            };
        }
    }
}
