using System.Globalization;
using Mono.Unix;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;

namespace IpcPlayground.Worker.Supervision;

/// <summary>A process as /proc shows it: scheduler state, where it sleeps, and its pending and blocked signals.</summary>
internal static class ProcessSnapshots
{
    public static ProcessKernelState? Take(int pid, string? call, IReadOnlyList<HeldDescriptor> descriptors)
    {
        if (ProcStat.State(pid) is not { } letter) return null;
        var sleeping = letter is 'S' or 'D';
        var masks = ProcStat.Signals(pid);
        return new ProcessKernelState
        {
            State = letter switch { 'R' => "running", 'S' or 'D' => "sleeping", 'Z' => "zombie", 'T' or 't' => "stopped", _ => letter.ToString() },
            BlockedIn = sleeping ? call : null,
            Wchan = sleeping ? ProcStat.Wchan(pid) : null,
            Pending = masks is { } m1 ? Names(m1.Pending) : null,
            Blocked = masks is { } m2 ? Names(m2.Blocked & ExperimentSignals) : null,
            Ignored = masks is { } m3 ? Names(m3.Ignored & ExperimentSignals) : null,
            Handled = masks is { } m4 ? Names(m4.Caught & ExperimentSignals) : null,
            Fds = [.. descriptors.Where(d => IsOpen(pid, d.Fd))],
        };
    }

    /// <summary>
    /// Whether /proc/PID/fd/N is there (a symbolic link to what it is open on, read with Mono.Unix): of the descriptors
    /// the worker said are an object's, those it still holds; the runtime's own are never listed.
    /// </summary>
    private static bool IsOpen(int pid, int fd) =>
        new UnixSymbolicLinkInfo(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}/fd/{fd}")).Exists;

    /// <summary>The runtime blocks and catches signals of its own on its threads; only the experiment's signals are shown.</summary>
    private static readonly ulong ExperimentSignals = SignalNames.All.Where(s => s != WorkerSignals.RuntimeSignal).Aggregate(0UL, (m, s) => m | 1UL << (s - 1));

    private static List<string> Names(ulong mask)
    {
        var names = new List<string>();
        for (var signal = 1; signal <= 64; signal++)
            if ((mask & (1UL << (signal - 1))) != 0) names.Add(SignalNames.Name(signal));
        return names;
    }
}
