using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation.Simulation.Objects;

/// <summary>A System V object: its instances (the supervisor's first; an IPC_PRIVATE open makes another).</summary>
internal sealed partial class SysvObject(string id, bool privateKey, bool isMemory) : SimObject(id)
{
    public bool PrivateKey { get; } = privateKey;

    /// <summary>A shared memory segment: opening it attaches it too.</summary>
    public bool IsMemory { get; } = isMemory;
    public List<SysvInstance> Instances { get; } = [];

    /// <summary>The instance an open by key finds (ftok or number), or null when it was removed.</summary>
    public SysvInstance? Keyed { get; set; }

    /// <summary>Every process starts with the supervisor's instance.</summary>
    public override void Begin(SimProcess process) => process.Sysv.TryAdd(Id, Instances[0]);

    /// <summary>
    /// msgget/shmget/semget: IPC_PRIVATE makes a new object (values 0, memory zeroed); a key finds its object (EEXIST
    /// with IPC_EXCL) or makes one (ENOENT without IPC_CREAT).
    /// </summary>
    public override void Open(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        var flags = OpenFlags.Of(step, sysv: true);
        if (!PrivateKey && (Keyed is null ? !flags.Create : flags is { Create: true, Exclusive: true })) return; // ENOENT or EEXIST
        SysvInstance instance;
        if (PrivateKey || Keyed is null)
        {
            var first = Instances[0];
            instance = new SysvInstance { Values = new int[first.Values.Length], Memory = new byte[first.Memory.Length] };
            Instances.Add(instance);
            if (!PrivateKey) Keyed = instance;
        }
        else instance = Keyed;
        process.Sysv[Id] = instance;
        if (!IsMemory) return;
        if (process.Mappings.TryGetValue(Id, out var old) && old is SysvInstance oldSegment)
        {
            outcome.Refuse($"an attach over an attach ({oldSegment.Attached} attached)");
            return;
        }
        process.Mappings[Id] = instance;
        instance.Attached++;
    }

    /// <summary>store, load, increment: on the process's mapping, attached on first use (which may fail); they never wait.</summary>
    public override void AccessMemory(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (process.Mappings.ContainsKey(Id)) return;
        if (!process.Sysv.TryGetValue(Id, out var segment)) return;
        if (segment.Removed && segment.Attached == 0) return; // EINVAL: the segment is gone
        segment.Attached++;
        process.Mappings[Id] = segment;
    }

    /// <summary>shmdt, for a segment the process has attached.</summary>
    public override void Close(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (process.Mappings.Remove(Id, out var mapped))
        {
            if (mapped is SysvInstance segment) segment.Attached--;
            return;
        }
        base.Close(world, process, step, outcome);
    }

    public override void Remove(SimWorld world, SimProcess process, Step step, SimOutcome outcome)
    {
        if (!process.Sysv.TryGetValue(Id, out var instance) || instance.Removed) return; // EINVAL
        instance.Removed = true;
        if (ReferenceEquals(Keyed, instance)) Keyed = null;
    }
}
