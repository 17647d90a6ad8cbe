using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Generation.Simulation;
using IpcPlayground.Fidelity.Generation.Simulation.Objects;

namespace IpcPlayground.Fidelity.Generation.Mechanisms;

/// <summary>Shared memory, System V segments and POSIX objects alike: stores, loads and increments on a mapping.</summary>
internal abstract class SharedMemory : GeneratedMechanism
{
    public static IReadOnlyList<GeneratedMechanism> All { get; } = [new SysvMemory(), new PosixMemory()];

    internal override Step Propose(ObjectDefinition obj, SimProcess process, SimWorld world, StepProposals steps)
    {
        var (id, choices) = (obj.Id!, steps.Choices);
        var size = obj.Size ?? ObjectSizeDefaults.SharedMemoryBytes;
        var mapped = process.Mappings.ContainsKey(id);
        switch (choices.Below(7))
        {
            case 0:
                var data = steps.Data(Math.Min(24, size));
                return new Step { Op = Ops.Store, Object = id, Offset = choices.Between(0, size - System.Text.Encoding.UTF8.GetByteCount(data)), Data = data };
            case 1:
                return new Step { Op = Ops.Store, Object = id, Offset = choices.Between(0, (size - 4) / 4) * 4, Int32 = choices.Between(-5, 1000) };
            case 2:
                var length = choices.Chance(50) ? 4 : choices.Between(1, Math.Min(32, size));
                return new Step { Op = Ops.Load, Object = id, Offset = choices.Between(0, size - length), Length = length };
            case 3:
                return new Step { Op = Ops.Increment, Object = id, Offset = choices.Between(0, (size - 4) / 4) * 4, Times = choices.Between(1, 1000), Atomic = steps.Flag(50) };
            case 4:
                return choices.Chance(30)
                    ? new Step { Op = Ops.Store, Object = id, Offset = 0, Size = choices.Between(1, size) }
                    : new Step { Op = Ops.Stat, Object = id };
            case 5:
                return mapped || choices.Chance(20) ? new Step { Op = Ops.Close, Object = id } : OpenByName(id, "read-write", choices);
            default:
                return choices.Chance(25) ? new Step { Op = Ops.Remove, Object = id } : new Step { Op = Ops.Stat, Object = id };
        }
    }

    private static int? Size(ChoiceSource choices) => choices.Chance(50) ? choices.Between(8, 256) : null;

    private sealed class SysvMemory : SharedMemory
    {
        public override ObjectKind Kind => ObjectKind.SysvShm;
        public override string IdPrefix => "shm";

        internal override ObjectDefinition Define(string id, int n, ChoiceSource choices) =>
            new() { Id = id, Type = Type, Key = SystemV.Key(n, choices), Size = Size(choices) };

        internal override SimObject Model(ObjectDefinition obj, string? owner, string? binder) => SystemV.Model(obj, isMemory: true);
        internal override int Engagement(SimObject model, SimProcess holder) => SystemV.Engagement(model, holder);
    }

    private sealed class PosixMemory : SharedMemory
    {
        public override ObjectKind Kind => ObjectKind.PosixShm;
        public override string IdPrefix => "pshm";

        internal override ObjectDefinition Define(string id, int n, ChoiceSource choices) => new() { Id = id, Type = Type, Size = Size(choices) };

        internal override SimObject Model(ObjectDefinition obj, string? owner, string? binder) =>
            new PosixMemoryObject(obj.Id!, obj.Size ?? ObjectSizeDefaults.SharedMemoryBytes);

        internal override int Engagement(SimObject model, SimProcess holder) =>
            ((PosixMemoryObject)model).Linked || holder.Mappings.ContainsKey(model.Id) ? 10 : 2;
    }
}
