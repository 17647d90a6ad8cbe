using System.Globalization;
using IpcPlayground.Contracts.Events;
using Mono.Unix;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// The descriptors a process holds of the experiment's objects: those of /proc/PID/fd (symbolic links, read with
/// Mono.Unix) that the worker said are an end of an object, named by it. The runtime's own descriptors (its link to the
/// supervisor, its event loop) are not the experiment's and are left out.
/// </summary>
internal static class DescriptorTable
{
    public static IReadOnlyList<HeldDescriptor> Read(int pid, IReadOnlyDictionary<int, string> named) =>
    [
        .. named.Where(p => IsOpen(pid, p.Key)).OrderBy(p => p.Key).Select(p =>
        {
            var dot = p.Value.LastIndexOf('.');
            var end = p.Value[(dot + 1)..];
            return new HeldDescriptor { Fd = p.Key, Object = p.Value[..dot], End = end is "counter" or "queue" or "socket" ? null : end };
        }),
    ];

    /// <summary>Whether /proc/PID/fd/N is there: the symbolic link to what the descriptor is open on (pipe:[…], socket:[…]).</summary>
    private static bool IsOpen(int pid, int fd)
    {
        var link = new UnixSymbolicLinkInfo(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}/fd/{fd}"));
        return link.Exists;
    }
}
