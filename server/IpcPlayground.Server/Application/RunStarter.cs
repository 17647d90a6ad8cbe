using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Runs;
using IpcPlayground.Experiments;
using IpcPlayground.Runs;
using IpcPlayground.Server.Access;
using IpcPlayground.Server.Apis;
using IpcPlayground.Server.ScaleOut;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Server.Application;

/// <summary>
/// Starting a run from a request, for every run endpoint (anyone's, a workshop participant's, a participant's run of
/// their room's prediction): the mode, the experiment read and validated with this server's caps, a slot, the start,
/// and the announcement that lets every instance find the run before its id is handed out.
/// </summary>
public sealed class RunStarter(RunCoordinator coordinator, IRunMirror mirror, StorageQuotas storageQuotas, IOptions<SizeCapsOptions> limits,
    IHostApplicationLifetime lifetime)
{
    /// <summary>A refused admission is answered after this long: slots free as runs end, within seconds.</summary>
    private static readonly TimeSpan RetryAfterBusy = TimeSpan.FromSeconds(2);

    /// <summary>A run of the experiment in the request's body, in the request's <c>?mode=</c>.</summary>
    /// <param name="client">Whose slots the run counts against (an address, a participant).</param>
    /// <param name="quota">A further lease the caller holds for this run (a participant's), released with the run.</param>
    /// <param name="started">Called once the run is announced, before the answer goes out.</param>
    public async Task<IResult> StartAsync(HttpRequest request, string client, RunOwner? owner = null,
        Func<(IDisposable? Lease, IResult? Refusal)>? quota = null, Func<Run, Task>? started = null)
    {
        if (ReadMode(request) is not { } mode)
            return ExperimentBody.Invalid([new ValidationError("mode", $"mode '{request.Query["mode"]}' is not one of {string.Join(", ", RunModes.All)}")]);
        var body = await ExperimentBody.ReadValidAsync(request, limits.Value.ToCaps());
        if (body.Problem is { } problem) return problem;
        return await StartValidAsync(request.HttpContext, body.Experiment!, body.Bytes, mode, client, owner, quota, started, roomPrediction: false);
    }

    /// <summary>
    /// A participant's predicted run of their room's experiment (stored, chosen by the instructor), admitted from the
    /// rooms' pool (<see cref="RunsOptions.MaxRoomPredictionRuns"/>). Null experiment: it no longer passes this
    /// server's caps, answered 409.
    /// </summary>
    public async Task<IResult> StartRoomPredictionAsync(HttpContext context, byte[] experimentJson, string client, RunOwner owner,
        Func<(IDisposable? Lease, IResult? Refusal)> quota, Func<Run, Task> started)
    {
        var read = ExperimentReader.Read(experimentJson, limits.Value.ToCaps());
        if (!read.IsValid)
            return Problems.Conflict("The room's experiment does not run here",
                "the experiment of the room's prediction is not valid on this server: " + string.Join("; ", read.Errors.Take(3).Select(e => $"{e.Path}: {e.Message}")));
        return await StartValidAsync(context, read.Experiment!, experimentJson, RunModes.Predict, client, owner, quota, started, roomPrediction: true);
    }

    private async Task<IResult> StartValidAsync(HttpContext context, Experiment experiment, byte[] bytes, string mode, string client, RunOwner? owner,
        Func<(IDisposable? Lease, IResult? Refusal)>? quota, Func<Run, Task>? started, bool roomPrediction)
    {
        // A workshop participant's runs count against them, not their address: a whole room may share one.
        var recordedFor = owner is null ? ClientAddress.KeyOf(context) : ClientAddress.KeyOfParticipant(owner.ParticipantId);
        if (await storageQuotas.RecordingRefusalAsync(context, recordedFor) is { } overQuota) return overQuota;
        IDisposable? lease = null;
        if (quota is not null)
        {
            var (taken, refused) = quota();
            if (taken is null) return refused!;
            lease = taken;
        }
        var (run, refusal) = coordinator.Start(experiment, bytes, client, mode, lifetime.ApplicationStopping, owner, lease,
            recordedFor: recordedFor, roomPrediction: roomPrediction);
        if (run is null) return Problems.TooManyRuns(context, refusal!, RetryAfterBusy);
        await mirror.AnnounceAsync(run, CancellationToken.None);
        if (started is not null) await started(run);
        return TypedResults.Accepted($"/api/runs/{run.Id}", new RunAccepted(run.Id));
    }

    /// <summary>The <c>?mode=</c> asked for (free when absent), or null when it is not a mode.</summary>
    private static string? ReadMode(HttpRequest request) =>
        request.Query["mode"].ToString() is { Length: > 0 } asked ? (RunModes.All.Contains(asked) ? asked : null) : RunModes.Free;
}
