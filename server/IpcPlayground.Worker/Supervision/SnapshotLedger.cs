using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// Which snapshots are worth sending: one that looks as the last of the same object or process did is not, and while
/// a process is blocked the supervisor looks at everything every <see cref="PeriodNs"/>.
/// </summary>
internal sealed class SnapshotLedger
{
    public const long PeriodNs = 100_000_000;
    private readonly Dictionary<string, string> _last = new(StringComparer.Ordinal);
    private long _nextPeriodic;

    public bool IsNew(string key, KernelState state)
    {
        var text = JsonSerializer.Serialize(state, WorkerProtocolJsonContext.Default.KernelState);
        if (_last.TryGetValue(key, out var last) && last == text) return false;
        _last[key] = text;
        return true;
    }

    /// <summary>Whether a periodic round is due now (and if so, the next one is a period away).</summary>
    public bool PeriodicDue(long now)
    {
        if (now < _nextPeriodic) return false;
        _nextPeriodic = now + PeriodNs;
        return true;
    }
}
