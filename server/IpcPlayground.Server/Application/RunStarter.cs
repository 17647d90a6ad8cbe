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
/// Starting a run from a request, for both run endpoints (anyone's and a workshop participant's): the mode, the
/// experiment read and validated with this server's caps, a slot, the start, and the announcement that lets every
/// instance find the run before its id is handed out.
/// </summary>
public sealed class RunStarter(RunCoordinator coordinator, IRunMirror mirror, StorageQuotas storageQuotas, IOptions<SizeCapsOptions> limits,
    IHostApplicationLifetime lifetime)
{
    /// <summary>A refused admission is answered after this long: slots free as runs end, within seconds.</summary>
    private static readonly TimeSpan RetryAfterBusy = TimeSpan.FromSeconds(2);

    /// <param name="client">Whose slots the run counts against (an address, a participant).</param>
    /// <param name="quota">A further lease the caller holds for this run (a participant's), released with the run.</param>
    /// <param name="started">Called once the run is announced, before the answer goes out.</param>
    public async Task<IResult> StartAsync(HttpRequest request, string client, RunOwner? owner = null,
        Func<(IDisposable? Lease, IResult? Refusal)>? quota = null, Action<Run>? started = null)
    {
        if (ReadMode(request) is not { } mode)
            return ExperimentBody.Invalid([new ValidationError("mode", $"mode '{request.Query["mode"]}' is not one of {string.Join(", ", RunModes.All)}")]);
        var body = await ExperimentBody.ReadValidAsync(request, limits.Value.ToCaps());
        if (body.Problem is { } problem) return problem;
        // A workshop participant's runs count against them, not their address: a whole room may share one.
        var recordedFor = owner is null ? ClientAddress.KeyOf(request.HttpContext) : ClientAddress.KeyOfParticipant(owner.ParticipantId);
        if (await storageQuotas.RecordingRefusalAsync(request.HttpContext, recordedFor) is { } overQuota) return overQuota;
        IDisposable? lease = null;
        if (quota is not null)
        {
            var (taken, refused) = quota();
            if (taken is null) return refused!;
            lease = taken;
        }
        var (run, refusal) = coordinator.Start(body.Experiment!, body.Bytes, client, mode, lifetime.ApplicationStopping, owner, lease,
            recordedFor: recordedFor);
        if (run is null) return Problems.TooManyRuns(request.HttpContext, refusal!, RetryAfterBusy);
        await mirror.AnnounceAsync(run, CancellationToken.None);
        started?.Invoke(run);
        return TypedResults.Accepted($"/api/runs/{run.Id}", new RunAccepted(run.Id));
    }

    /// <summary>The <c>?mode=</c> asked for (free when absent), or null when it is not a mode.</summary>
    private static string? ReadMode(HttpRequest request) =>
        request.Query["mode"].ToString() is { Length: > 0 } asked ? (RunModes.All.Contains(asked) ? asked : null) : RunModes.Free;
}
