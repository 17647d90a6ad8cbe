using System.Threading.Channels;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Hubs;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Workshops;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace IpcPlayground.Testing.Workshops;

/// <summary>
/// A page of a workshop as a test sees it: the workshop hub and the run hub, both with the same key, and every message
/// the server sent, kept in order so a test can wait for the one it expects.
/// </summary>
public sealed class WorkshopConnection : IAsyncDisposable
{
    private readonly List<object> _received = [];
    private readonly Channel<object> _arrivals = Channel.CreateUnbounded<object>();

    private WorkshopConnection(Uri server, string? key)
    {
        Workshop = Build(server, IWorkshopHub.Path, key);
        Runs = Build(server, IRunHub.Path, key);
        Workshop.On<ParticipantStatus>(nameof(IWorkshopClient.ParticipantChanged), Take);
        Workshop.On<BroadcastExperiment>(nameof(IWorkshopClient.ExperimentBroadcast), Take);
        Workshop.On<BroadcastMeasurement>(nameof(IWorkshopClient.MeasurementBroadcast), Take);
        Workshop.On<Spotlight?>(nameof(IWorkshopClient.SpotlightChanged), s => Take(new SpotlightMessage(s)));
        Workshop.On<WorkshopInfo>(nameof(IWorkshopClient.WorkshopChanged), Take);
        Workshop.On<string>(nameof(IWorkshopClient.ParticipantRemoved), id => Take(new RemovedMessage(id)));
        Workshop.On<RoomPrediction?>(nameof(IWorkshopClient.PredictionChanged), p => Take(new PredictionMessage(p)));
        Workshop.On<PredictionTally>(nameof(IWorkshopClient.PredictionTallied), Take);
        Runs.On<string, RunEvent[]>(nameof(IRunClient.ReceiveEvents), (runId, events) => Take(new RunEventsMessage(runId, events)));
    }

    /// <summary>ParticipantRemoved as a message that can be waited for.</summary>
    public sealed record RemovedMessage(string ParticipantId);

    /// <summary>PredictionChanged as a message that can be waited for (null: the prediction ended).</summary>
    public sealed record PredictionMessage(RoomPrediction? Prediction);

    /// <summary>SpotlightChanged(null) as a message that can be waited for.</summary>
    public sealed record SpotlightMessage(Spotlight? Spotlight);

    public sealed record RunEventsMessage(string RunId, RunEvent[] Events)
    {
        /// <summary>Each event as seq:kind:process, so a test that timed out says what did arrive.</summary>
        public override string ToString() =>
            $"RunEventsMessage {RunId} [{string.Join(", ", Events.Select(e => $"{e.Seq}:{e.Kind}{(e.Process is null ? "" : ":" + e.Process)}"))}]";
    }

    public HubConnection Workshop { get; }
    public HubConnection Runs { get; }

    public static async Task<WorkshopConnection> OpenAsync(Uri server, string? key)
    {
        var connection = new WorkshopConnection(server, key);
        await connection.Workshop.StartAsync().DefaultTimeout();
        await connection.Runs.StartAsync().DefaultTimeout();
        // StartAsync returns after the handshake, before the server has run OnConnectedAsync (which joins the room's
        // groups; scaled out, it subscribes to them on Redis). A hub call is served only after it: one round trip,
        // and whatever the room sends from now on reaches this page.
        if (key is not null) await connection.Workshop.InvokeAsync<WorkshopInfo>(nameof(IWorkshopHub.GetWorkshop)).DefaultTimeout();
        return connection;
    }

    public static HubConnection Build(Uri server, string path, string? key) => new HubConnectionBuilder()
        .WithUrl(new Uri(server, path), o => { if (key is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(key); })
        .AddJsonProtocol(o => o.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default))
        .Build();

    public IReadOnlyList<object> Received
    {
        get { lock (_received) return [.. _received]; }
    }

    /// <summary>
    /// The first message of type <typeparamref name="T"/> matching <paramref name="match"/>, received before or after this
    /// call; with <paramref name="after"/>, only among the messages received after the first that many.
    /// </summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, int after = 0)
    {
        using var timeout = new CancellationTokenSource(TaskTimeouts.Default);
        var seen = after;
        while (true)
        {
            var received = Received;
            for (; seen < received.Count; seen++)
                if (received[seen] is T message && match(message)) return message;
            try { await _arrivals.Reader.WaitToReadAsync(timeout.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"no {typeof(T).Name} as expected within {TaskTimeouts.Default}; received: {string.Join(" | ", Received)}"); }
            while (_arrivals.Reader.TryRead(out _)) { }
        }
    }

    /// <summary>Joins a run through the run hub and waits until its run-end arrives; returns every event by seq.</summary>
    public async Task<IReadOnlyList<RunEvent>> FollowToEndAsync(string runId)
    {
        var snapshot = await Runs.InvokeAsync<RunEvent[]>(nameof(IRunHub.JoinRun), runId).DefaultTimeout();
        var events = new SortedDictionary<long, RunEvent>();
        foreach (var e in snapshot) events.TryAdd(e.Seq, e);
        if (!events.Values.Any(e => e is RunEndEvent))
            await WaitForAsync<RunEventsMessage>(m => m.RunId == runId && m.Events.Any(e => e is RunEndEvent));
        foreach (var message in Received.OfType<RunEventsMessage>().Where(m => m.RunId == runId))
            foreach (var e in message.Events) events.TryAdd(e.Seq, e);
        return [.. events.Values];
    }

    private void Take(object message)
    {
        lock (_received) _received.Add(message);
        _arrivals.Writer.TryWrite(message);
    }

    public async ValueTask DisposeAsync()
    {
        await Workshop.DisposeAsync();
        await Runs.DisposeAsync();
    }
}
