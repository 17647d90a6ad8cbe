using System.Collections.Concurrent;
using System.Diagnostics;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace IpcPlayground.Benchmarks.WorkshopLoad;

/// <summary>
/// When each event left the run coordinator (Stopwatch ticks, by run and seq). The servers run in the benchmark's
/// process, so a client there subtracts this from the moment it received the event: event → client latency.
/// </summary>
public sealed class PublishStamps
{
    private readonly ConcurrentDictionary<(string RunId, long Seq), long> _published = new();

    /// <summary>Puts a stamping sink in front of the server's own <see cref="IRunEventSink"/>.</summary>
    public void Decorate(IServiceCollection services)
    {
        var hub = services.Single(d => d.ServiceType == typeof(IRunEventSink));
        services.Remove(hub);
        services.AddSingleton<IRunEventSink>(provider => new StampingSink(
            (IRunEventSink)ActivatorUtilities.CreateInstance(provider, hub.ImplementationType!), this));
    }

    /// <summary>Milliseconds from publication to <paramref name="receivedAt"/>; null for an event not published in this step.</summary>
    public double? LatencyOf(string runId, long seq, long receivedAt) =>
        _published.TryGetValue((runId, seq), out var publishedAt) ? Stopwatch.GetElapsedTime(publishedAt, receivedAt).TotalMilliseconds : null;

    public void Clear() => _published.Clear();

    private sealed class StampingSink(IRunEventSink inner, PublishStamps stamps) : IRunEventSink
    {
        public Task PublishAsync(Run run, RunEvent[] events, CancellationToken cancellationToken)
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var e in events) stamps._published[(run.Id, e.Seq)] = now;
            return inner.PublishAsync(run, events, cancellationToken);
        }
    }
}
