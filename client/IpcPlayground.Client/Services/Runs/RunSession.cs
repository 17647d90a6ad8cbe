using IpcPlayground.Client.Services.Inspector;
using IpcPlayground.Client.Localization;
using IpcPlayground.Client.Services.Composer;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Runs;

namespace IpcPlayground.Client.Services.Runs;

/// <summary>
/// The run a page shows: started from the composer (and then steerable in step or predict mode) or watched read-only by id,
/// its timeline filled as events arrive, and the event the inspector looks at. When calls overlap (a second Watch
/// before the first has answered) the latest wins, and a run it no longer shows is left, not followed.
/// </summary>
public sealed class RunSession(RunsClient runs) : IAsyncDisposable
{
    private int _generation;

    public RunEventLog? Log { get; private set; }
    public string? RunId { get; private set; }

    /// <summary>The experiment text the run started from; null for a watched run.</summary>
    public string? Json { get; private set; }

    /// <summary>The lanes: the experiment's processes for a run started here, those its events name for a watched one.</summary>
    public IReadOnlyList<string> Processes => _declared ?? Log?.Processes ?? [];

    private IReadOnlyList<string>? _declared;

    /// <summary>How the run was started (<see cref="RunModes"/>); a watched run counts as free.</summary>
    public string Mode { get; private set; } = RunModes.Free;

    public bool InStepMode => Mode == RunModes.Step;
    public bool InPredictMode => Mode == RunModes.Predict;

    /// <summary>Whether the run's processes are held before each step (step and predict mode).</summary>
    public bool Holds => RunModes.Holds(Mode);
    public bool Starting { get; private set; }
    public string? StepProblem { get; private set; }
    public IReadOnlyList<ValidationError> ServerErrors { get; private set; } = [];
    public long? InspectAt { get; set; }

    /// <summary>Raised when events arrive or a start begins or ends; the page re-renders on its own dispatcher.</summary>
    public event Action? Changed;

    /// <summary>In step and predict mode, what each held process would do next, for the timeline's lane labels.</summary>
    public IReadOnlyDictionary<string, string>? NextSteps => Holds && Log is { IsFinished: false } timeline
        ? StepModeModel.Build(timeline.Ordered, Processes).Where(h => h.CanStep)
            .ToDictionary(h => h.Process, h => StepModeModel.Describe(h.HeldBefore!))
        : null;

    /// <summary>Starts the composer's experiment and follows it; false (with <see cref="ServerErrors"/>) when the server refused.</summary>
    /// <param name="mode">One of <see cref="RunModes"/>.</param>
    public Task<bool> StartAsync(ComposerState composer, string mode = RunModes.Free)
    {
        var json = composer.Json;
        return StartAsync(() => runs.StartAsync(json, mode), mode, json, composer.Model);
    }

    /// <summary>
    /// Starts a run some other way than from the composer (a workshop's room prediction: <c>POST …/prediction/runs</c>)
    /// and follows it as this page's own, in its <paramref name="mode"/>; <paramref name="json"/>, the experiment it
    /// runs, gives the lanes before the first event.
    /// </summary>
    public Task<bool> StartAsync(Func<Task<(string? RunId, IReadOnlyList<ValidationError> Errors)>> start, string mode, string? json) =>
        StartAsync(start, mode, json, json is null ? null : ExperimentJson.TryRead(json));

    private async Task<bool> StartAsync(Func<Task<(string? RunId, IReadOnlyList<ValidationError> Errors)>> start, string mode, string? json, Experiment? experiment)
    {
        var generation = ++_generation;
        var processes = (experiment?.Processes ?? []).Select(p => p.Id).OfType<string>().ToList();
        Starting = true;
        Changed?.Invoke();
        try
        {
            await LeaveAsync();
            var (runId, errors) = await start();
            if (generation != _generation) return false;
            ServerErrors = errors;
            if (runId is null) return false;
            Json = json;
            Mode = mode;
            return await FollowAsync(runId, processes, generation);
        }
        catch (HttpRequestException e)
        {
            ServerErrors = [new ValidationError("$", UiText.English.ServerUnreachable(e.Message))];
            return false;
        }
        finally
        {
            Starting = false;
            Changed?.Invoke();
        }
    }

    /// <summary>Follows someone else's run read-only; its lanes come from the processes its events name.</summary>
    public async Task WatchAsync(string runId)
    {
        if (runId == RunId) return;
        var generation = ++_generation;
        await LeaveAsync();
        if (generation != _generation) return;
        Json = null;
        Mode = RunModes.Free;
        ServerErrors = [];
        await FollowAsync(runId, [], generation);
    }

    public async Task StepAsync(string process)
    {
        if (RunId is not null) StepProblem = await runs.StepAsync(RunId, process);
    }

    /// <summary>Predict mode: the prediction for an open question; null, or why the server refused it.</summary>
    public async Task<string?> AnswerAsync(AnswerRequest answer) => RunId is null ? null : await runs.AnswerAsync(RunId, answer);

    public async Task ResumeAsync()
    {
        if (RunId is not null) StepProblem = await runs.ResumeAsync(RunId);
    }

    public async Task StopAsync()
    {
        if (RunId is not null) StepProblem = await runs.StopAsync(RunId);
    }

    /// <summary>Stops following and shows no run.</summary>
    public async Task ClearAsync()
    {
        ++_generation;
        await LeaveAsync();
        Changed?.Invoke();
    }

    private async Task<bool> FollowAsync(string runId, IReadOnlyList<string> processes, int generation)
    {
        RunId = runId;
        _declared = processes.Count > 0 ? processes : null;
        InspectAt = null;
        StepProblem = null;
        var timeline = Log = new RunEventLog();
        try
        {
            await runs.FollowAsync(runId, events =>
            {
                if (timeline != Log) return;
                var wasFinished = timeline.IsFinished;
                timeline.Add(events);
                // A finished run opens in the inspector at its moment of most state (the queue still full, not the empty end).
                if (!wasFinished && timeline.IsFinished && InspectAt is null) InspectAt = InspectorModel.RichestMoment(timeline.Ordered);
                Changed?.Invoke();
            });
        }
        catch (Exception e) when (e is RunNotFollowedException or InvalidOperationException or HttpRequestException)
        {
            if (generation != _generation) return false;
            RunId = null;
            Log = null;
            ServerErrors = [new ValidationError("$", $"run {runId} could not be followed: {e.Message}")];
            Changed?.Invoke();
            return false;
        }
        if (generation == _generation) return true;
        // A later call took over while this one was joining: leave the run it does not show.
        if (runId != RunId) await runs.UnfollowAsync(runId);
        return false;
    }

    private async Task LeaveAsync()
    {
        if (RunId is { } previous)
        {
            RunId = null;
            Log = null;
            await runs.UnfollowAsync(previous);
        }
    }

    public async ValueTask DisposeAsync()
    {
        ++_generation;
        await LeaveAsync();
    }
}
