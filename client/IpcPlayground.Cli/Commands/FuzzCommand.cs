using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Fidelity.Generation;
using IpcPlayground.Fidelity.Oracle;

namespace IpcPlayground.Cli.Commands;

/// <summary>
/// <c>ipcplay fuzz --seed S --count N</c>: N generated experiments through the fidelity oracle; prints agreements,
/// divergences by kind and each divergence shrunk to a small experiment (written to --out as JSON).
/// </summary>
public static class FuzzCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "the first experiment's seed; the others follow it", DefaultValueFactory = _ => 1 };
        var count = new Option<int>("--count") { Description = "how many experiments", DefaultValueFactory = _ => 100 };
        var parallel = new Option<int>("--parallel") { Description = "experiments at once", DefaultValueFactory = _ => Math.Max(2, Environment.ProcessorCount) };
        var margin = new Option<int>("--timing-margin") { Description = "ms to sleep before interrupting a waiting call (EINTR, EIDRM); 0 leaves those out", DefaultValueFactory = _ => 0 };
        var shrink = new Option<bool>("--no-shrink") { Description = "report divergences as found, without shrinking them" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "a directory for the shrunk experiments, one JSON file each" };
        var dry = new Option<bool>("--dry") { Description = "only generate: print how often each op meets each object type, and the experiments' sizes" };
        var command = new Command("fuzz", "Run many generated experiments beside their C programs and report every divergence, shrunk.")
        {
            seed, count, parallel, margin, shrink, output, dry,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new FuzzOptions(parse.GetValue(seed), parse.GetValue(count), parse.GetValue(parallel),
                new GeneratorOptions { TimingMarginMs = parse.GetValue(margin) }, Shrink: !parse.GetValue(shrink));
            if (parse.GetValue(dry))
            {
                PrintVocabulary(options);
                return ExitCodes.Completed;
            }
            await using var engine = await PlaygroundEngine.StartAsync(options.Parallel * 2, cancellationToken);
            var shown = 0;
            var report = await new FuzzCampaign(new DifferentialOracle(engine)).RunAsync(options, progress =>
            {
                if (progress.Checked / 100 <= shown) return;
                shown = progress.Checked / 100;
                Console.Error.WriteLine($"{progress.Checked}/{options.Count}: {progress.Diverged} divergent");
            }, cancellationToken, finding => Console.Error.WriteLine($"seed {finding.Seed}: {finding.Kind}\n{finding.Report}"));
            Print(report, options, parse.GetValue(output));
            return report.Diverged == 0 ? ExitCodes.Completed : ExitCodes.RunDidNotComplete;
        });
        return command;
    }

    private static void PrintVocabulary(FuzzOptions options)
    {
        var experiments = Enumerable.Range(options.Seed, options.Count).Select(s => ExperimentGenerator.Generate(s, options.Generator).Experiment).ToList();
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var experiment in experiments)
        {
            var types = (experiment.Objects ?? []).ToDictionary(o => o.Id!, o => o.Type!, StringComparer.Ordinal);
            foreach (var step in (experiment.Processes ?? []).SelectMany(p => Flatten(p.Steps ?? [])))
            {
                var key = step.Object is { } id ? $"{step.Op} {types[id]}" : step.Op!;
                uses[key] = uses.GetValueOrDefault(key) + 1;
            }
        }
        Console.WriteLine($"{experiments.Count} experiments, {experiments.Average(Shrinker.Size):0} steps, processes and objects each on average");
        foreach (var (use, n) in uses.OrderBy(u => u.Key, StringComparer.Ordinal)) Console.WriteLine($"  {n,6}  {use}");
    }

    private static IEnumerable<IpcPlayground.Contracts.Experiments.Step> Flatten(IEnumerable<IpcPlayground.Contracts.Experiments.Step> steps) =>
        steps.SelectMany(s => (IEnumerable<IpcPlayground.Contracts.Experiments.Step>)[s, .. Flatten(s.Steps ?? [])]);

    private static void Print(FuzzReport report, FuzzOptions options, DirectoryInfo? output)
    {
        Console.WriteLine($"seeds {options.Seed}..{options.Seed + options.Count - 1}: {report.Checked} experiments, {report.Agreed} agree, " +
            $"{report.Diverged} diverge ({report.Elapsed.TotalSeconds:0.0} s, {report.Elapsed.TotalSeconds * 1000 / Math.Max(1, report.Checked):0} ms each, {options.Parallel} at once)");
        foreach (var (kind, n) in report.ByKind.OrderByDescending(k => k.Value)) Console.WriteLine($"  {n,5}  {kind}");
        Console.WriteLine("outcomes: " + string.Join(", ", report.Outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
        foreach (var (failedSeed, message) in report.GeneratorFailures.OrderBy(f => f.Seed)) Console.WriteLine($"\n== seed {failedSeed}: {message}");
        output?.Create();
        foreach (var finding in report.Findings.OrderBy(f => f.Seed))
        {
            Console.WriteLine($"\n== seed {finding.Seed}: {finding.Kind} (shrunk to {Shrinker.Size(finding.Shrunk.Experiment)} from {Shrinker.Size(finding.Found.Experiment)})");
            Console.WriteLine(finding.Report);
            var json = JsonSerializer.Serialize(finding.Shrunk.Experiment, ContractsJsonContext.Default.Experiment);
            if (output is null) Console.WriteLine(json);
            else File.WriteAllText(Path.Combine(output.FullName, $"seed-{finding.Seed.ToString(CultureInfo.InvariantCulture)}.json"), json);
            if (!finding.Shrunk.Mask.IsEmpty) Console.WriteLine($"(not compared: {finding.Shrunk.Mask})");
        }
    }
}
