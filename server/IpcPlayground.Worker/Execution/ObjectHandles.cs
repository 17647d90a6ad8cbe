using System.Globalization;

namespace IpcPlayground.Worker.Execution;

/// <summary>
/// What this process holds of each object: descriptors by end (<c>p.read</c>, <c>s.first</c>, <c>u.socket</c> ...),
/// attached shared memory, open POSIX queues and semaphores, System V identifiers. Descriptors and System V
/// identifiers are passed on to a spawned child on its command line: a forked C process inherits exactly those
/// (the identifier of an IPC_PRIVATE object its parent opened included), but no mapping or POSIX handle.
/// </summary>
internal sealed class ObjectHandles
{
    private readonly Dictionary<string, int> _fds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _queues = new(StringComparer.Ordinal);

    /// <summary>The ends a step uses when it names none and its object has no direction (a stat, a poll): the first of these held.</summary>
    private static readonly string[] PreferredEnds = ["socket", "read", "write", "first", "second", "connected", "bound", "sender", "listener", "counter"];

    public Dictionary<string, int> SysvIds { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, (nint Address, int Size)> Mappings { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, nint> Semaphores { get; } = new(StringComparer.Ordinal);

    private static string Key(string objectId, string end) => $"{objectId}.{end}";

    /// <summary>Goes up whenever a descriptor is added or forgotten, so a reader of <see cref="Descriptors"/> can tell it changed.</summary>
    public int Version { get; private set; }

    public void Add(string objectId, string end, int fd)
    {
        _fds[Key(objectId, end)] = fd;
        Version++;
    }

    public int? Find(string objectId, string end) => _fds.TryGetValue(Key(objectId, end), out var fd) ? fd : null;

    /// <summary>Forgets the end; true when no other end still names the same descriptor (so it may be closed).</summary>
    public bool Remove(string objectId, string end)
    {
        if (!_fds.Remove(Key(objectId, end), out var fd)) return false;
        Version++;
        return !_fds.ContainsValue(fd);
    }

    public IEnumerable<string> EndsOf(string objectId) =>
        _fds.Keys.Where(k => k.StartsWith(objectId + ".", StringComparison.Ordinal)).Select(k => k[(objectId.Length + 1)..]).ToList();

    /// <summary>This process's open POSIX queue descriptor of the object.</summary>
    public bool TryGetQueue(string objectId, out int mq) => _queues.TryGetValue(objectId, out mq);

    public void AddQueue(string objectId, int mq)
    {
        _queues[objectId] = mq;
        Version++;
    }

    public bool RemoveQueue(string objectId, out int mq)
    {
        if (!_queues.Remove(objectId, out mq)) return false;
        Version++;
        return true;
    }

    /// <summary>The descriptor a step that names no end uses: the first held of <see cref="PreferredEnds"/>, else a POSIX queue's.</summary>
    public int? FirstHeld(string objectId)
    {
        foreach (var end in PreferredEnds)
            if (Find(objectId, end) is { } fd) return fd;
        return _queues.TryGetValue(objectId, out var mq) ? mq : null;
    }

    /// <summary>
    /// The descriptor a step's reference to an object names (a poll entry, a passed descriptor, an exec's redirection):
    /// its end, or with none the one <see cref="FirstHeld"/> picks; -1 when not held (the kernel answers EBADF).
    /// </summary>
    public int Resolve(string objectId, string? end) => (end is null ? FirstHeld(objectId) : Find(objectId, end)) ?? -1;

    /// <summary>Every descriptor this process holds of an object, lowest first, with its end (none for a POSIX queue's).</summary>
    public IEnumerable<(int Fd, string Object, string? End)> Descriptors() =>
        _fds.Select(p => (p.Value, p.Key[..p.Key.LastIndexOf('.')], (string?)p.Key[(p.Key.LastIndexOf('.') + 1)..]))
            .Concat(_queues.Select(p => (p.Value, p.Key, (string?)null)))
            .DistinctBy(d => d.Item1)
            .OrderBy(d => d.Item1);

    /// <summary>What a child inherits, for its command line: descriptors (sockets this process bound or accepted too) and System V identifiers.</summary>
    public IEnumerable<string> ToArguments() =>
        _fds.SelectMany(p => new[] { "--fd", $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}" })
            .Concat(SysvIds.SelectMany(p => new[] { "--sysv", $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}" }));

    /// <summary>An inherited descriptor, <c>OBJECT.END=FD</c>.</summary>
    public void ParseDescriptor(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        var dot = equals < 0 ? -1 : argument.LastIndexOf('.', equals);
        if (equals < 0 || dot < 0) throw new ArgumentException($"bad --fd '{argument}'");
        Add(argument[..dot], argument[(dot + 1)..equals], int.Parse(argument[(equals + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>An inherited System V identifier, <c>OBJECT=ID</c>.</summary>
    public void ParseSysvId(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0) throw new ArgumentException($"bad --sysv '{argument}'");
        SysvIds[argument[..equals]] = int.Parse(argument[(equals + 1)..], CultureInfo.InvariantCulture);
    }
}
