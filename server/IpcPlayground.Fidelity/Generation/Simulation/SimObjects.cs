namespace IpcPlayground.Fidelity.Generation.Simulation;

/// <summary>
/// What the simulator knows of one object of the experiment, whatever its type. What sets one type apart from
/// another that shares its rules is a property of the object here, not a test of its kind.
/// </summary>
internal abstract class SimObject(string id)
{
    public string Id { get; } = id;
}

/// <summary>A pipe or a socketpair: made by its owner before its first step, inherited by the owner's children.</summary>
internal abstract class AnonymousObject(string id, string owner) : SimObject(id)
{
    public string Owner { get; } = owner;
}

internal sealed class PipeObject(string id, string owner, int capacity) : AnonymousObject(id, owner)
{
    public int Capacity { get; } = capacity;
}

internal sealed class SocketPairObject(string id, string owner) : AnonymousObject(id, owner);

internal sealed class FifoObject(string id, int capacity) : SimObject(id)
{
    public PipeBuffer Buffer { get; } = new(capacity);
    public bool Linked { get; set; } = true;
}

/// <summary>unix-stream or tcp: a listener its binder holds, and the connections not yet accepted.</summary>
internal sealed class StreamObject(string id, string binder, bool isTcp) : SimObject(id)
{
    public string Binder { get; } = binder;

    /// <summary>Over loopback TCP, whose segments and resets travel: a write after the peer closed, or a read past
    /// the first segment, depends on timing.</summary>
    public bool IsTcp { get; } = isTcp;

    public bool Linked { get; set; } = true;
    public Queue<Connection> Backlog { get; } = new();
}

internal sealed class DatagramObject(string id, string binder) : SimObject(id)
{
    public string Binder { get; } = binder;
    public bool Linked { get; set; } = true;
    public Queue<byte[]> Queue { get; } = new();
}

/// <summary>A System V object: its instances (the supervisor's first; an IPC_PRIVATE open makes another).</summary>
internal sealed class SysvObject(string id, bool privateKey, bool isMemory) : SimObject(id)
{
    public bool PrivateKey { get; } = privateKey;

    /// <summary>A shared memory segment: opening it attaches it too.</summary>
    public bool IsMemory { get; } = isMemory;
    public List<SysvInstance> Instances { get; } = [];

    /// <summary>The instance an open by key finds (ftok or number), or null when it was removed.</summary>
    public SysvInstance? Keyed { get; set; }
}

internal sealed class SysvInstance
{
    public bool Removed { get; set; }
    public List<(long Type, byte[] Data)> Messages { get; } = [];
    public int[] Values { get; init; } = [];
    public byte[] Memory { get; init; } = [];
    public int Attached { get; set; }
    public int QueueBytes => Messages.Sum(m => m.Data.Length);
}

internal sealed class PosixQueueObject(string id, int maxMessages, int messageSize) : SimObject(id)
{
    public int MaxMessages { get; } = maxMessages;
    public int MessageSize { get; } = messageSize;
    public bool Linked { get; set; } = true;

    /// <summary>Highest priority first, oldest first within a priority.</summary>
    public List<(int Priority, byte[] Data)> Messages { get; } = [];

    public void Add(int priority, byte[] data)
    {
        var at = Messages.FindIndex(m => m.Priority < priority);
        Messages.Insert(at < 0 ? Messages.Count : at, (priority, data));
    }
}

internal sealed class PosixMemoryObject(string id, int size) : SimObject(id)
{
    public bool Linked { get; set; } = true;
    public byte[] Memory { get; } = new byte[size];
}

internal sealed class PosixSemaphoreObject(string id, int initial) : SimObject(id)
{
    public bool Linked { get; set; } = true;
    public int Value { get; set; } = initial;
}
