using System.Text.Json;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Runs;
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
    RunAdmission admission,
    ISandbox sandbox,
    RunPublisher publisher,
    IRunRecorder recorder,
    RunMetrics metrics,
    BackgroundWork background,
    IOptions<RunsOptions> options,
    IOptions<SandboxOptions> sandboxOptions,
    ILogger<RunCoordinator> logger,
    TimeProvider time)
{
    private readonly RunsOptions _options = options.Value;

    /// <summary>
    /// Starts <paramref name="experiment"/> (already valid) for <paramref name="client"/> and returns at once; the run
    /// goes on in the background. Null with the reason when the server or the client is at its limit of runs.
    /// A <paramref name="quota"/> lease taken by the caller is released with the run's own slot, before its run-end
    /// is published; on refusal it is released at once. A <paramref name="roomPrediction"/> run (a participant's run of
    /// their room's prediction) is admitted from the rooms' pool (<see cref="RunAdmission.TryAdmit"/>).
    /// </summary>
    public (Run? Run, string? Refusal) Start(Experiment experiment, byte[] experimentJson, string client, string mode, CancellationToken serverStopping,
        RunOwner? owner = null, IDisposable? quota = null, string? recordedFor = null, bool roomPrediction = false)
    {
        var (lease, refusal) = admission.TryAdmit(client, workshop: owner is not null, stepMode: RunModes.Holds(mode), roomPrediction: roomPrediction);
        if (lease is null)
        {
            quota?.Dispose();
            return (null, refusal);
        }
        var run = registry.Create(experiment.Name, mode, experimentJson, owner, recordedFor);
        if (mode == RunModes.Predict) run.Predict(experiment);
        var limits = sandboxOptions.Value;
        var settings = new PlanSettings(_options.DefaultTimeoutMs, _options.MaxTimeoutMs, _options.BlockedAfterMs, _options.ReorderWindowMs,
            limits.CpuSecondsPerProcess, limits.OpenFiles, limits.PosixQueueBytes, limits.Seccomp);
        var plan = RunPlanner.Plan(run.Id, experiment, settings);
        if (RunModes.Holds(mode)) plan = plan with { StepMode = true, TimeoutMs = _options.StepModeTimeoutMs };
        background.Start($"run {run.Id}", async () =>
        {
            // The run ends for its watchers only once its sandbox is gone and its slot is free again, so a client
            // that saw run-end may start the next run at once, and nothing of the old one is left.
            IReadOnlyList<RunEvent> final;
            using (quota)
            using (lease)
                final = await publisher.ClosingAsync(run, await ExecuteAsync(run, plan, serverStopping));
            // Recorded before run-end is published: whoever sees the end can replay the run from its record.
            await RecordAsync(run, run.Events.SnapshotWith(final));
            await PublishAsync(run, final);
            // Ended and recorded: from here it may be let go to keep memory within its budget.
            registry.Prune();
        });
        metrics.Started(mode);
        return (run, null);
    }

    /// <summary>Runs the plan, publishing events as they come; returns the closing events, to publish after clean-up.</summary>
    private async Task<IReadOnlyList<RunEvent>> ExecuteAsync(Run run, RunPlan plan, CancellationToken serverStopping)
    {
        var budget = new EventBudget(_options, time);
        var mapper = new FrameMapper(run.Id, new RunStartEvent { Name = run.Name, Sandbox = sandbox.Kind, TimeoutMs = plan.TimeoutMs });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(plan.TimeoutMs + _options.KillGraceMs), time);
        using var idle = new CancellationTokenSource();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(serverStopping, timeout.Token, idle.Token);
        var idleLimit = TimeSpan.FromMilliseconds(_options.StepModeIdleMs);
        using var watching = new CancellationTokenSource();
        var watcher = plan.StepMode ? WatchIdleAsync(run.Control, idleLimit, idle, watching.Token) : Task.CompletedTask;
        ISandboxedRun? sandboxed = null;
        try
        {
            sandboxed = await sandbox.StartAsync(run.Id);
            metrics.SandboxStarted();
            mapper.Start = mapper.Start with { Enforced = sandboxed.Enforced };
            RunsLog.SandboxStarted(logger, run.Id, sandboxed.HostPid);
            await sandboxed.WriteLineAsync(JsonSerializer.SerializeToUtf8Bytes(plan, WorkerProtocolJsonContext.Default.RunPlan), deadline.Token);
            _ = ForwardCommandsAsync(run.Control, sandboxed, deadline.Token);

            await using var lines = new FrameLines(sandboxed.Output, _options.MaxEventBytesPerRun);
            while (await lines.ReadAsync(deadline.Token) is var (parsed, bytes))
            {
                var read = System.Diagnostics.Stopwatch.GetTimestamp();
                run.CountEventBytes(bytes);
                if (budget.Spend(run.EventBytes) is { } broken)
                {
                    sandboxed.Kill();
                    return Ending(run, mapper, RunStatuses.Limit, broken.Message, broken.Limit);
                }
                if (parsed is not { } frame) continue;
                if (frame is RunEndedFrame ended)
                {
                    await sandboxed.WaitForExitAsync(deadline.Token);
                    return EndingWithLimits(run, mapper, sandboxed, ended);
                }
                await PublishAsync(run, [mapper.Map(frame)]);
                metrics.Published(read);
            }
            return Ending(run, mapper, RunStatuses.Failed, "the sandbox stopped without finishing the run: " + sandboxed.DiagnosticsExcerpt());
        }
        catch (OperationCanceledException) when (serverStopping.IsCancellationRequested)
        {
            return Ending(run, mapper, RunStatuses.Killed, "the server is shutting down");
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested)
        {
            return Ending(run, mapper, RunStatuses.Killed,
                $"held in step mode for {idleLimit.TotalSeconds:0} s without a step; a run nobody steps ends and gives its slot back");
        }
        catch (OperationCanceledException)
        {
            return Ending(run, mapper, RunStatuses.Killed, $"the sandbox did not finish within {plan.TimeoutMs} ms plus {_options.KillGraceMs} ms grace and was killed");
        }
        catch (SandboxUnavailableException e)
        {
            return Ending(run, mapper, RunStatuses.Failed, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever went wrong, the run ends for its watchers (a run without a run-end would keep them waiting).
            RunsLog.RunCrashed(logger, run.Id, e);
            return Ending(run, mapper, RunStatuses.Failed, "the run failed inside the server: " + e.Message);
        }
        finally
        {
            await watching.CancelAsync();
            await watcher;
            if (sandboxed is not null)
            {
                await sandboxed.DisposeAsync();
                metrics.SandboxGone();
            }
            RunsLog.RunEnded(logger, run.Id, run.Events.Count, run.EventBytes);
        }
    }

    /// <summary>
    /// The supervisor's run-end, preceded by a <c>limit</c> event for each limit the run ran into: a fork the pids
    /// cgroup refused, an OOM kill, a process killed for its CPU time. Then the status is <c>limit</c>.
    /// </summary>
    private List<RunEvent> EndingWithLimits(Run run, FrameMapper mapper, ISandboxedRun sandboxed, RunEndedFrame ended)
    {
        var hits = sandboxed.LimitsHit().ToList();
        // SIGXCPU is what RLIMIT_CPU sends when a process has used its CPU seconds; one that had not was sent it by kill(2).
        var limitNs = sandboxOptions.Value.CpuSecondsPerProcess * 1_000_000_000L;
        if (run.Events.Snapshot().OfType<ProcessExitEvent>().Any(e => e.Signal is "SIGXCPU" && (e.CpuNs ?? limitNs) >= limitNs * 9 / 10))
            hits.Add(("cpu", "a process used more CPU time than a run's process may and was killed"));
        var end = (RunEndEvent)mapper.Map(ended);
        var ending = new List<RunEvent>();
        foreach (var (limit, message) in hits)
            ending.Add(new LimitEvent { RunId = run.Id, Limit = limit, Message = message, TNs = end.TNs });
        if (hits.Count > 0) end = end with { Status = RunStatuses.Limit, Message = hits[0].Message };
        ending.Add(end);
        return ending;
    }

    private async Task RecordAsync(Run run, IReadOnlyList<RunEvent> events)
    {
        try { await recorder.RecordAsync(run, events, CancellationToken.None); }
        catch (Exception e) when (e is not OperationCanceledException) { RunsLog.RecordFailed(logger, run.Id, e); }
    }

    /// <summary>Cancels <paramref name="idle"/> once the run has waited longer than <paramref name="limit"/> for a step.</summary>
    private static async Task WatchIdleAsync(RunControl control, TimeSpan limit, CancellationTokenSource idle, CancellationToken executing)
    {
        var period = TimeSpan.FromMilliseconds(Math.Clamp(limit.TotalMilliseconds / 4, 50, 1000));
        try
        {
            while (control.Idle < limit) await Task.Delay(period, executing);
            await idle.CancelAsync();
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Writes the person's step, resume and stop commands to the supervisor, one JSON line each.</summary>
    private static async Task ForwardCommandsAsync(RunControl control, ISandboxedRun sandboxed, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var command in control.Commands.ReadAllAsync(cancellationToken))
                await sandboxed.WriteLineAsync(JsonSerializer.SerializeToUtf8Bytes(command, WorkerProtocolJsonContext.Default.ControlFrame), cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException) { }
    }

    private List<RunEvent> Ending(Run run, FrameMapper mapper, string status, string message, string? limit = null)
    {
        if (run.Events.IsCompleted) return [];
        var events = new List<RunEvent>();
        if (run.Events.Count == 0) events.Add(mapper.Map(new RunStartedFrame()));
        events.Add(limit is null
            ? new ErrorEvent { RunId = run.Id, Message = message, TNs = Elapsed(run) }
            : new LimitEvent { RunId = run.Id, Limit = limit, Message = message, TNs = Elapsed(run) });
        events.Add(new RunEndEvent { RunId = run.Id, Status = status, Message = message, TNs = Elapsed(run) });
        return events;
    }

    /// <summary>Time since the run was accepted, never earlier than the last event already recorded.</summary>
    private long Elapsed(Run run) =>
        Math.Max((long)(time.GetUtcNow() - run.StartedAt).TotalMicroseconds * 1000, run.Events.Snapshot().LastOrDefault()?.TNs ?? 0);

    private Task PublishAsync(Run run, IReadOnlyList<RunEvent> events) => publisher.PublishAsync(run, events);
}
