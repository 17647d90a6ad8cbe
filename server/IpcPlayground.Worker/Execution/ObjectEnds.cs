using System.Globalization;

namespace IpcPlayground.Worker.Execution;

/// <summary>
/// The descriptors this process holds for each object end (<c>p.read</c>, <c>p.write</c>). A child receives its
/// parent's table on the command line, because it inherited exactly those descriptors.
/// </summary>
internal sealed class ObjectEnds
{
    private readonly Dictionary<string, int> _fds = new(StringComparer.Ordinal);

    public static string Key(string objectId, string end) => $"{objectId}.{end}";

    public void Add(string objectId, string end, int fd) => _fds[Key(objectId, end)] = fd;

    public int? Find(string objectId, string end) => _fds.TryGetValue(Key(objectId, end), out var fd) ? fd : null;

    public bool Remove(string objectId, string end) => _fds.Remove(Key(objectId, end));

    public IEnumerable<string> ToArguments() =>
        _fds.SelectMany(p => new[] { "--fd", $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}" });

    public void Parse(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        var dot = argument.LastIndexOf('.', equals);
        if (equals < 0 || dot < 0) throw new ArgumentException($"bad --fd '{argument}'");
        Add(argument[..dot], argument[(dot + 1)..equals], int.Parse(argument[(equals + 1)..], CultureInfo.InvariantCulture));
    }
}
