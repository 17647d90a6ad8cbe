using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Fidelity.Generation;

/// <summary>
/// Makes a failing generated experiment small: edits its choices (cut the tail, delete runs, lower single choices)
/// and keeps every edit whose experiment still fails the same way. Every choice sequence generates a sound
/// experiment, so the shrunk one is as trustworthy as the original.
/// </summary>
public static class Shrinker
{
    /// <param name="fails">Whether an experiment still fails the same way (it runs the oracle).</param>
    /// <param name="budget">Most experiments to try.</param>
    public static async Task<GeneratedExperiment> ShrinkAsync(
        GeneratedExperiment failing, GeneratorOptions options, Func<GeneratedExperiment, Task<bool>> fails, int budget, CancellationToken cancellationToken)
    {
        var best = failing;
        var tried = 0;
        async Task<bool> Try(List<int> choices)
        {
            if (tried >= budget || cancellationToken.IsCancellationRequested) return false;
            GeneratedExperiment candidate;
            try
            {
                candidate = ExperimentGenerator.Generate(ChoiceSource.Replay(choices), options, best.Experiment.Name ?? "generated");
            }
            catch (InvalidOperationException)
            {
                return false;
            }
            if (Size(candidate.Experiment) >= Size(best.Experiment)) return false;
            tried++;
            if (!await fails(candidate)) return false;
            best = candidate;
            return true;
        }

        for (var progress = true; progress && tried < budget;)
        {
            progress = false;
            var choices = best.Choices.ToList();
            for (var keep = choices.Count / 2; keep < choices.Count && !progress; keep += Math.Max(1, (choices.Count - keep) / 2))
                progress = await Try(choices.Take(keep).ToList());
            foreach (var run in new[] { 16, 8, 4, 2, 1 })
                for (var at = 0; !progress && at + run <= best.Choices.Count; at += run)
                    progress = await Try([.. best.Choices.Take(at), .. best.Choices.Skip(at + run)]);
            for (var at = 0; !progress && at < best.Choices.Count; at++)
                if (best.Choices[at] > 0)
                    progress = await Try([.. best.Choices.Take(at), best.Choices[at] / 2, .. best.Choices.Skip(at + 1)]);
        }
        return best;
    }

    /// <summary>How big an experiment is: its steps, counted into repeats, and its processes and objects.</summary>
    public static int Size(Experiment experiment) =>
        (experiment.Processes ?? []).Sum(p => Count(p.Steps ?? [])) + (experiment.Processes?.Count ?? 0) + (experiment.Objects?.Count ?? 0);

    private static int Count(IReadOnlyList<Step> steps) => steps.Sum(s => 1 + Count(s.Steps ?? []));
}
