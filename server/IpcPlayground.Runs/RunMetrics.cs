using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IpcPlayground.Runs;

/// <summary>
/// What an operator watches (meter <see cref="MeterName"/>): runs and measurements started and refused by reason, how long measurements took, sandboxes alive,
/// events published and how long each took from the sandbox to the watchers, and what finished runs keep in memory.
/// </summary>
public sealed class RunMetrics
{
    public const string MeterName = "IpcPlayground.Runs";

    /// <summary>The <c>reason</c> of a refused run.</summary>
    public static class Refusals
    {
        public const string ClientLimit = "client-limit";
        public const string ClientStepLimit = "client-step-limit";
        public const string StepLimit = "step-limit";
        public const string WorkshopPool = "workshop-pool";
        public const string ServerLimit = "server-limit";
        public const string RoomPredictionLimit = "room-prediction-limit";
        public const string WorkshopQuota = "workshop-quota";
        public const string RecordedBytes = "recorded-bytes";

        /// <summary>A measurement refused because the server is measuring already.</summary>
        public const string MeasurementLimit = "measurement-limit";

        /// <summary>A measurement refused because the run slots it needs are taken (the run refusal says which).</summary>
        public const string RunSlots = "run-slots";
    }

    private readonly Counter<long> _started;
    private readonly Counter<long> _refused;
    private readonly UpDownCounter<long> _liveSandboxes;
    private readonly Counter<long> _events;
    private readonly Histogram<double> _publishMs;
    private readonly Counter<long> _measurementsStarted;
    private readonly Counter<long> _measurementsRefused;
    private readonly Histogram<double> _measurementSeconds;

    public RunMetrics(IMeterFactory meters, RunRegistry registry)
    {
        var meter = meters.Create(MeterName);
        _started = meter.CreateCounter<long>("ipcplay.runs.started", description: "Runs admitted and started, by mode");
        _refused = meter.CreateCounter<long>("ipcplay.runs.refused", description: "Run requests refused, by reason");
        _liveSandboxes = meter.CreateUpDownCounter<long>("ipcplay.sandboxes.live", description: "Sandboxes running now");
        _events = meter.CreateCounter<long>("ipcplay.events.published", description: "Run events published to their watchers");
        _publishMs = meter.CreateHistogram<double>("ipcplay.events.publish.duration", unit: "ms",
            description: "From an event's line read from the sandbox to its publication to the watchers");
        _measurementsStarted = meter.CreateCounter<long>("ipcplay.measurements.started", description: "Measurements admitted and started");
        _measurementsRefused = meter.CreateCounter<long>("ipcplay.measurements.refused", description: "Measurement requests refused, by reason");
        _measurementSeconds = meter.CreateHistogram<double>("ipcplay.measurements.duration", unit: "s",
            description: "From a measurement's acceptance to its end, by status");
        meter.CreateObservableGauge("ipcplay.runs.retained", () => registry.Count, description: "Runs held in memory, running or recently ended");
        meter.CreateObservableGauge("ipcplay.runs.retained.bytes", () => registry.RetainedBytes, unit: "By",
            description: "Bytes of the events of the runs held in memory");
    }

    public void Started(string mode) => _started.Add(1, new KeyValuePair<string, object?>("mode", mode));

    public void Refused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void MeasurementStarted() => _measurementsStarted.Add(1);

    public void MeasurementRefused(string reason) => _measurementsRefused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void MeasurementEnded(string status, TimeSpan duration) =>
        _measurementSeconds.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("status", status));

    public void SandboxStarted() => _liveSandboxes.Add(1);

    public void SandboxGone() => _liveSandboxes.Add(-1);

    /// <summary>One event published; <paramref name="readTimestamp"/> is when its line was read from the sandbox.</summary>
    public void Published(long readTimestamp)
    {
        _events.Add(1);
        _publishMs.Record(Stopwatch.GetElapsedTime(readTimestamp).TotalMilliseconds);
    }
}
