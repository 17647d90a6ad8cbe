using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Fidelity.Generation.Simulation;
using IpcPlayground.Fidelity.Generation.Simulation.Objects;

namespace IpcPlayground.Fidelity.Generation.Mechanisms;

/// <summary>What System V queues, segments and semaphore sets share: a key, and instances an IPC_PRIVATE open adds.</summary>
internal static class SystemV
{
    /// <summary>No key (private), IPC_PRIVATE, a number or an ftok key.</summary>
    public static IpcKey? Key(int n, ChoiceSource choices) => choices.Below(4) switch
    {
        0 => null,
        1 => IpcKey.Private,
        2 => new IpcKey { Value = 0x1000 + n },
        _ => new IpcKey { Ftok = new FtokKey { Path = $"/sandbox/key{n}", Proj = choices.Between(1, 255) } },
    };

    /// <summary>The object with the supervisor's instance, which a key finds unless it is private.</summary>
    public static SysvObject Model(ObjectDefinition obj, bool isMemory)
    {
        var privateKey = obj.Key is null or { IsPrivate: true };
        var sysv = new SysvObject(obj.Id!, privateKey, isMemory);
        var first = new SysvInstance
        {
            Values = [.. (obj.Initial ?? InitialValues.Of(1)).ForMembers(obj.MemberCount)],
            Memory = new byte[obj.Size ?? ObjectSizeDefaults.SharedMemoryBytes],
        };
        sysv.Instances.Add(first);
        if (!privateKey) sysv.Keyed = first;
        return sysv;
    }

    public static int Engagement(SimObject model, SimProcess holder) =>
        holder.Sysv.TryGetValue(model.Id, out var instance) && !instance.Removed ? 10 : 2;
}
