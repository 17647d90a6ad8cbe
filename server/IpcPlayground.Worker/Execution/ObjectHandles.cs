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

    public Dictionary<string, int> SysvIds { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Queues { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, (nint Address, int Size)> Mappings { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, nint> Semaphores { get; } = new(StringComparer.Ordinal);

    private static string Key(string objectId, string end) => $"{objectId}.{end}";

    public void Add(string objectId, string end, int fd) => _fds[Key(objectId, end)] = fd;

    public int? Find(string objectId, string end) => _fds.TryGetValue(Key(objectId, end), out var fd) ? fd : null;

    /// <summary>Forgets the end; true when no other end still names the same descriptor (so it may be closed).</summary>
    public bool Remove(string objectId, string end)
    {
        if (!_fds.Remove(Key(objectId, end), out var fd)) return false;
        return !_fds.ContainsValue(fd);
    }

    public IEnumerable<string> EndsOf(string objectId) =>
        _fds.Keys.Where(k => k.StartsWith(objectId + ".", StringComparison.Ordinal)).Select(k => k[(objectId.Length + 1)..]).ToList();

    /// <summary>Every descriptor this process holds of an object, by number: <c>OBJECT.END</c> (a POSIX queue's is <c>OBJECT.queue</c>).</summary>
    public SortedDictionary<int, string> Descriptors()
    {
        var table = new SortedDictionary<int, string>();
        foreach (var (key, fd) in _fds) table.TryAdd(fd, key);
        foreach (var (id, fd) in Queues) table.TryAdd(fd, id + ".queue");
        return table;
    }

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
