using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.RateLimiting;
using IpcPlayground.Contracts.Measurements;
using IpcPlayground.Sandbox;
using IpcPlayground.WorkerProtocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Runs.Measurements;

/// <summary>
/// Starts a measurement: admission (a run's slots, and at most <see cref="MeasurementsOptions.MaxConcurrentMeasurements"/>
/// measurements on the server) → plan → a sandbox like a run's running <c>ipcplay-worker measure</c>; then maps its
/// frames to cells as they come. Guarantees a <c>measure-end</c>, a record and a dead sandbox whatever happens.
/// </summary>
public sealed class MeasurementCoordinator(
    MeasurementRegistry registry,
    RunRegistry runs,
    RunAdmission admission,
    ISandbox sandbox,
    IMeasurementRecorder recorder,
    RunMetrics metrics,
    BackgroundWork background,
    IOptions<MeasurementsOptions> options,
    IOptions<SandboxOptions> sandboxOptions,
    ILogger<MeasurementCoordinator> logger,
    TimeProvider time) : IDisposable
{
    private readonly MeasurementsOptions _options = options.Value;
    private readonly ConcurrencyLimiter _measuring = new(new() { PermitLimit = options.Value.MaxConcurrentMeasurements, QueueLimit = 0 });

    /// <summary>The measurements executing here, by id: cancelling one's source stops it.</summary>
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _stops = new(StringComparer.Ordinal);

    /// <summary>Stops a measurement executing on this instance (it ends <c>failed</c>, with the cells it has); false when none is.</summary>
    public bool Stop(string measurementId)
    {
        if (!_stops.TryGetValue(measurementId, out var stop)) return false;
        try { stop.Cancel(); }
        catch (ObjectDisposedException) { return false; }
        return true;
    }

    /// <summary>
    /// Starts <paramref name="request"/> (valid, defaults filled in) for <paramref name="client"/> and returns at once;
    /// the measurement goes on in the background. Null with the reason when the server or the client is at its limit.
    /// </summary>
    public (Measurement? Measurement, string? Refusal) Start(MeasurementRequest request, string client, CancellationToken serverStopping, string? recordedFor = null)
    {
        var measuring = _measuring.AttemptAcquire();
        if (!measuring.IsAcquired)
        {
            measuring.Dispose();
            metrics.MeasurementRefused(RunMetrics.Refusals.MeasurementLimit);
            return (null, $"the server is already measuring ({_options.MaxConcurrentMeasurements} at a time): two measurements at once would time " +
                "each other's loops on the same CPUs; try again when it ends");
        }
        var (lease, refusal) = admission.TryAdmit(client);
        if (lease is null)
        {
            measuring.Dispose();
            metrics.MeasurementRefused(RunMetrics.Refusals.RunSlots);
            return (null, refusal);
        }
        var measurement = registry.Create(request, recordedFor);
        var plan = MeasurePlanner.Plan(request, _options.MaxMatrixMs, sandboxOptions.Value);
        // Stoppable from the moment its id is known.
        var stop = _stops[measurement.Id] = new CancellationTokenSource();
        background.Start($"measurement {measurement.Id}", async () =>
        {
            MeasurementEnd end;
            using (measuring)
            using (lease)
            using (stop)
            {
                end = await ExecuteAsync(measurement, plan, serverStopping, stop.Token);
                _stops.TryRemove(measurement.Id, out _);
            }
            var endedAt = MeasurementRegistry.Now(time);
            end = end with { Machine = measurement.Machine, OtherRuns = runs.CountOverlapping(measurement.StartedAt, endedAt) };
            // Recorded before measure-end is published: whoever sees the end can replay it from its record.
            var recorded = await RecordAsync(measurement, [.. measurement.Snapshot(), end], endedAt);
            measurement.Append([end], endedAt);
            metrics.MeasurementEnded(end.Status, endedAt - measurement.StartedAt);
            MeasurementsLog.Ended(logger, measurement.Id, end.Status, measurement.Summarize().Cells.Count, plan.Cells.Count);
            if (recorded) registry.Forget(measurement);
        });
        metrics.MeasurementStarted();
        return (measurement, null);
    }

    /// <summary>Runs the plan, appending cells as they come; returns the <c>measure-end</c> (without the machine), once the sandbox is gone.</summary>
    private async Task<MeasurementEnd> ExecuteAsync(Measurement measurement, MeasurePlan plan, CancellationToken serverStopping, CancellationToken stopped)
    {
        var deadline = MeasurePlanner.Deadline(plan, _options.DeadlineSlackMs);
        using var timeout = new CancellationTokenSource(deadline, time);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(serverStopping, timeout.Token, stopped);
        var pending = plan.Cells.ToHashSet();
        ISandboxedRun? sandboxed = null;
        try
        {
            sandboxed = await sandbox.StartAsync(measurement.Id, SandboxProgram.Measure);
            metrics.SandboxStarted();
            MeasurementsLog.SandboxStarted(logger, measurement.Id, sandboxed.HostPid, plan.Cells.Count, plan.CellBudgetMs);
            await sandboxed.WriteLineAsync(JsonSerializer.SerializeToUtf8Bytes(plan, WorkerProtocolJsonContext.Default.MeasurePlan), stopping.Token);

            long frameBytes = 0;
            await using var lines = new FrameLines<IMeasureFrame>(sandboxed.Output, WorkerProtocolJsonContext.Default.IMeasureFrame, _options.MaxFrameBytes);
            while (await lines.ReadAsync(stopping.Token) is var (frame, bytes))
            {
                if ((frameBytes += bytes) > _options.MaxFrameBytes)
                {
                    sandboxed.Kill();
                    return Ending(MeasurementStatuses.Limit, $"the sandbox wrote more than {_options.MaxFrameBytes} bytes of frames (Measurements:MaxFrameBytes) and was killed");
                }
                if (frame is MachineFrame machine) measurement.Machine = MeasureFrameMapper.Machine(machine);
                // A cell is taken once, and only if it was asked for.
                else if (frame is MeasuredCellFrame cell && pending.Remove(new MeasureCellPlan(cell.Mechanism, cell.Size)))
                    measurement.Append([MeasureFrameMapper.Cell(cell, plan.Pattern)], time.GetUtcNow());
            }
            await sandboxed.WaitForExitAsync(stopping.Token);
            return pending.Count == 0
                ? Ending(MeasurementStatuses.Completed)
                : Ending(MeasurementStatuses.Failed, $"the sandbox stopped after {plan.Cells.Count - pending.Count} of {plan.Cells.Count} cells: {sandboxed.DiagnosticsExcerpt()}");
        }
        catch (OperationCanceledException) when (serverStopping.IsCancellationRequested)
        {
            return Ending(MeasurementStatuses.Failed, "the server is stopping; the measurement was cut short");
        }
        catch (OperationCanceledException) when (stopped.IsCancellationRequested)
        {
            return Ending(MeasurementStatuses.Failed, "stopped on request; the cells measured before are kept");
        }
        catch (OperationCanceledException)
        {
            return Ending(MeasurementStatuses.Limit,
                $"the measurement did not finish within {deadline.TotalSeconds:0.#} s ({plan.Cells.Count} cells of {plan.CellBudgetMs} ms) and was killed");
        }
        catch (SandboxUnavailableException e)
        {
            return Ending(MeasurementStatuses.Failed, e.Message);
        }
        catch (IOException) when (sandboxed is not null)
        {
            // Its input closed under the plan: the worker was gone before it read it.
            return Ending(MeasurementStatuses.Failed, "the sandbox stopped before it read the plan: " + sandboxed.DiagnosticsExcerpt());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever went wrong, the measurement ends for its watchers.
            MeasurementsLog.Crashed(logger, measurement.Id, e);
            return Ending(MeasurementStatuses.Failed, "the measurement failed inside the server: " + e.Message);
        }
        finally
        {
            if (sandboxed is not null)
            {
                await sandboxed.DisposeAsync();
                metrics.SandboxGone();
            }
        }
    }

    private static MeasurementEnd Ending(string status, string? message = null) => new() { Status = status, Message = message };

    private async Task<bool> RecordAsync(Measurement measurement, IReadOnlyList<MeasurementEvent> events, DateTimeOffset endedAt)
    {
        try
        {
            await recorder.RecordAsync(measurement, events, endedAt, CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            MeasurementsLog.RecordFailed(logger, measurement.Id, e);
            return false;
        }
    }

    public void Dispose() => _measuring.Dispose();
}
