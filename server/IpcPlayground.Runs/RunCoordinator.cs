using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Experiments;
using IpcPlayground.Sandbox;
using IpcPlayground.WorkerProtocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Runs;

/// <summary>
/// Starts a run: plan → sandbox → supervisor; then reads the supervisor's frames, maps them to events, numbers and
/// records them, and publishes them. Guarantees a <c>run-end</c> and a dead sandbox whatever happens.
/// </summary>
public sealed class RunCoordinator(
    RunRegistry registry,
    ISandbox sandbox,
    IRunEventSink sink,
    IOptions<RunsOptions> options,
    ILogger<RunCoordinator> logger,
    TimeProvider time)
{
    private readonly RunsOptions _options = options.Value;

    /// <summary>Starts <paramref name="experiment"/> (already valid) and returns at once; the run goes on in the background.</summary>
    public Run Start(Experiment experiment, CancellationToken serverStopping)
    {
        var run = registry.Create(experiment.Name);
        var settings = new PlanSettings(_options.DefaultTimeoutMs, _options.MaxTimeoutMs, _options.BlockedAfterMs, _options.ReorderWindowMs);
        var plan = RunPlanner.Plan(run.Id, experiment, settings);
        _ = Task.Run(() => ExecuteAsync(run, plan, serverStopping), CancellationToken.None);
        return run;
    }

    private async Task ExecuteAsync(Run run, RunPlan plan, CancellationToken serverStopping)
    {
        var start = new RunStartEvent { Name = run.Name, Sandbox = sandbox.Kind, Enforced = sandbox.Enforced, TimeoutMs = plan.TimeoutMs };
        var mapper = new FrameMapper(run.Id, start);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(plan.TimeoutMs + _options.KillGraceMs), time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(serverStopping, timeout.Token);
        ISandboxedRun? sandboxed = null;
        try
        {
            sandboxed = sandbox.Start(run.Id);
            RunsLog.SandboxStarted(logger, run.Id, sandboxed.HostPid);
            var planLine = JsonSerializer.SerializeToUtf8Bytes(plan, WorkerProtocolJsonContext.Default.RunPlan);
            await sandboxed.Input.WriteAsync(planLine, deadline.Token);
            await sandboxed.Input.WriteAsync("\n"u8.ToArray(), deadline.Token);
            await sandboxed.Input.FlushAsync(deadline.Token);

            while (await sandboxed.Output.ReadLineAsync(deadline.Token) is { } line)
            {
                if (ParseFrame(line) is not { } frame) continue;
                if (mapper.Map(frame) is { } mapped) await PublishAsync(run, [mapped]);
                if (frame is RunEndedFrame) return;
            }
            await EndAsync(run, mapper, RunStatuses.Failed, "the sandbox stopped without finishing the run: " + Truncate(sandboxed.Diagnostics));
        }
        catch (OperationCanceledException) when (serverStopping.IsCancellationRequested)
        {
            await EndAsync(run, mapper, RunStatuses.Killed, "the server is shutting down");
        }
        catch (OperationCanceledException)
        {
            await EndAsync(run, mapper, RunStatuses.Killed, $"the sandbox did not finish within {plan.TimeoutMs} ms plus {_options.KillGraceMs} ms grace and was killed");
        }
        catch (SandboxUnavailableException e)
        {
            await EndAsync(run, mapper, RunStatuses.Failed, e.Message);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException)
        {
            RunsLog.RunCrashed(logger, run.Id, e);
            await EndAsync(run, mapper, RunStatuses.Failed, "the run failed inside the server: " + e.Message);
        }
        finally
        {
            if (sandboxed is not null) await sandboxed.DisposeAsync();
            RunsLog.RunEnded(logger, run.Id, run.Events.Count);
        }
    }

    private static Frame? ParseFrame(string line)
    {
        try { return JsonSerializer.Deserialize(line, WorkerProtocolJsonContext.Default.Frame); }
        catch (JsonException) { return null; }
    }

    private async Task EndAsync(Run run, FrameMapper mapper, string status, string message)
    {
        if (run.Events.IsCompleted) return;
        var events = new List<RunEvent>();
        if (run.Events.Count == 0 && mapper.Map(new RunStartedFrame()) is { } started) events.Add(started);
        events.Add(new ErrorEvent { RunId = run.Id, Message = message, TNs = Elapsed(run) });
        events.Add(new RunEndEvent { RunId = run.Id, Status = status, Message = message, TNs = Elapsed(run) });
        await PublishAsync(run, events);
    }

    /// <summary>Time since the run was accepted, never earlier than the last event already recorded.</summary>
    private long Elapsed(Run run) =>
        Math.Max((long)(time.GetUtcNow() - run.StartedAt).TotalMicroseconds * 1000, run.Events.Snapshot().LastOrDefault()?.TNs ?? 0);

    private async Task PublishAsync(Run run, IReadOnlyList<RunEvent> events)
    {
        var numbered = run.Append(events);
        if (numbered.Length == 0) return;
        try { await sink.PublishAsync(run.Id, numbered, CancellationToken.None); }
        catch (Exception e) when (e is not OperationCanceledException) { RunsLog.PublishFailed(logger, run.Id, e); }
    }

    private static string Truncate(string text) => text.Length <= 500 ? (text.Length == 0 ? "(no message)" : text) : text[..500] + "…";
}
