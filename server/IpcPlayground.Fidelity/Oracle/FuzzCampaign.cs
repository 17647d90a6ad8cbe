using System.Collections.Concurrent;
using System.Diagnostics;
using IpcPlayground.Fidelity.Generation;

namespace IpcPlayground.Fidelity.Oracle;

/// <summary>What a campaign runs: experiments <c>Seed</c>, <c>Seed + 1</c>, ... <c>Seed + Count - 1</c>.</summary>
public sealed record FuzzOptions(int Seed, int Count, int Parallel, GeneratorOptions Generator, bool Shrink = true, int ShrinkBudget = 120);

/// <summary>A generated experiment whose run and C program disagreed, as found and as shrunk.</summary>
public sealed record FuzzFinding(int Seed, string Kind, GeneratedExperiment Found, GeneratedExperiment Shrunk, string Report);

public sealed class FuzzReport
{
    public int Checked { get; set; }
    public int Agreed { get; set; }
    public ConcurrentDictionary<string, int> ByKind { get; } = new(StringComparer.Ordinal);
    public ConcurrentBag<FuzzFinding> Findings { get; } = [];

    /// <summary>
    /// What the runs came to, counted over every process: errno names of failed steps, what became of signals
    /// (<c>handled</c>, <c>pending</c> ...), and how processes ended (<c>exit code</c>, <c>exit signal</c>).
    /// </summary>
    public ConcurrentDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>Seeds the generator itself failed on (a fault of the generator, not of the playground), with why.</summary>
    public ConcurrentBag<(int Seed, string Message)> GeneratorFailures { get; } = [];
    public TimeSpan Elapsed { get; set; }
    public int Diverged => Checked - Agreed;
}

/// <summary>
/// Many generated experiments through the oracle, side by side; each that disagrees is counted by the kind of its
/// first divergence and, optionally, shrunk to a small example of the same kind.
/// </summary>
public sealed class FuzzCampaign(DifferentialOracle oracle)
{
    /// <param name="progress">Told after each experiment.</param>
    /// <param name="onFound">Told of each divergence as soon as it is found (and shrunk).</param>
    public async Task<FuzzReport> RunAsync(FuzzOptions options, Action<FuzzReport>? progress, CancellationToken cancellationToken, Action<FuzzFinding>? onFound = null)
    {
        var report = new FuzzReport();
        var clock = Stopwatch.StartNew();
        var lockObject = new object();
        await Parallel.ForEachAsync(Enumerable.Range(options.Seed, options.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = cancellationToken },
            async (seed, token) =>
            {
                var (kind, found, text) = await CheckAsync(seed, options.Generator, report, token);
                lock (lockObject)
                {
                    report.Checked++;
                    if (kind is null) report.Agreed++;
                    else report.ByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
                }
                if (found is null && kind is not null) report.GeneratorFailures.Add((seed, text));
                if (kind is not null && found is not null)
                {
                    var shrunk = options.Shrink
                        ? await Shrinker.ShrinkAsync(found, options.Generator, async candidate => (await CheckAsync(candidate, null, token)).Kind == kind, options.ShrinkBudget, token)
                        : found;
                    var shrunkReport = ReferenceEquals(shrunk, found) ? text : (await CheckAsync(shrunk, null, token)).Report;
                    var finding = new FuzzFinding(seed, kind, found, shrunk, shrunkReport);
                    report.Findings.Add(finding);
                    onFound?.Invoke(finding);
                }
                progress?.Invoke(report);
            });
        report.Elapsed = clock.Elapsed;
        return report;
    }

    private static void Count(OracleVerdict verdict, FuzzReport report)
    {
        foreach (var process in verdict.Run.Processes.Values)
        {
            foreach (var step in process.Steps)
                if (step.Split(' ').FirstOrDefault(w => w.Length > 1 && w[0] == 'E' && w.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))) is { } errno)
                    report.Outcomes.AddOrUpdate(errno, 1, (_, n) => n + 1);
            foreach (var signal in process.Signals) report.Outcomes.AddOrUpdate(signal.Split(' ')[1], 1, (_, n) => n + 1);
            if (process.End is { } end) report.Outcomes.AddOrUpdate("exit " + end.Split(' ')[0], 1, (_, n) => n + 1);
        }
    }

    private async Task<(string? Kind, GeneratedExperiment? Found, string Report)> CheckAsync(int seed, GeneratorOptions options, FuzzReport report, CancellationToken token)
    {
        GeneratedExperiment generated;
        try
        {
            generated = ExperimentGenerator.Generate(seed, options);
        }
        catch (InvalidOperationException e)
        {
            return ("generator: " + e.Message.Split(':')[0], null, e.Message);
        }
        var (kind, text) = await CheckAsync(generated, report, token);
        return (kind, generated, text);
    }

    /// <summary>The kind of the first divergence (null when they agree) and the report; counts the run's outcomes into <paramref name="report"/>.</summary>
    public async Task<(string? Kind, string Report)> CheckAsync(GeneratedExperiment generated, FuzzReport? report, CancellationToken token)
    {
        try
        {
            var verdict = await oracle.CheckAsync(generated.Experiment, token, generated.Mask);
            if (report is not null) Count(verdict, report);
            return (verdict.Agrees ? null : verdict.Divergences[0].Kind, verdict.Report());
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or NotSupportedException or FormatException)
        {
            return ("oracle: " + e.GetType().Name, e.Message);
        }
    }
}
