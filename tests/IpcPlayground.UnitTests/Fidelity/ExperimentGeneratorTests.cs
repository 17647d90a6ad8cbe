using System.Text.Json;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Fidelity.Generation;

namespace IpcPlayground.UnitTests.Fidelity;

/// <summary>The generator makes valid experiments, the same for the same seed, over the whole vocabulary of the contract.</summary>
public sealed class ExperimentGeneratorTests
{
    private static readonly GeneratorOptions Options = new() { TimingMarginMs = 250 };
    private static readonly Lazy<List<GeneratedExperiment>> Sample = new(() => Enumerable.Range(1, 400).Select(s => ExperimentGenerator.Generate(s, Options)).ToList());

    private static string Json(Experiment experiment) => JsonSerializer.Serialize(experiment, ContractsJsonContext.Default.Experiment);

    private static IEnumerable<Step> Steps(Experiment experiment) => (experiment.Processes ?? []).SelectMany(p => Flatten(p.Steps ?? []));

    private static IEnumerable<Step> Flatten(IEnumerable<Step> steps) => steps.SelectMany(s => (IEnumerable<Step>)[s, .. Flatten(s.Steps ?? [])]);

    [Fact]
    public void The_same_seed_makes_the_same_experiment_and_its_choices_replay_it()
    {
        var first = ExperimentGenerator.Generate(42, Options);
        Assert.Equal(Json(first.Experiment), Json(ExperimentGenerator.Generate(42, Options).Experiment));
        var replayed = ExperimentGenerator.Generate(ChoiceSource.Replay(first.Choices), Options, first.Experiment.Name!);
        Assert.Equal(Json(first.Experiment), Json(replayed.Experiment));
        Assert.NotEqual(Json(first.Experiment), Json(ExperimentGenerator.Generate(43, Options).Experiment));
    }

    [Fact]
    public void Every_generated_experiment_is_valid()
    {
        foreach (var generated in Sample.Value)
            Assert.Empty(ExperimentValidator.Validate(generated.Experiment));
    }

    [Fact]
    public void Generated_experiments_use_every_op_and_object_type_of_the_contract()
    {
        var steps = Sample.Value.SelectMany(g => Steps(g.Experiment)).ToList();
        var objects = Sample.Value.SelectMany(g => g.Experiment.Objects ?? []).ToList();

        Assert.Empty(OpCatalog.Specs.Keys.Except(steps.Select(s => s.Op!)));
        Assert.Empty(ObjectTypes.All.Except(objects.Select(o => o.Type!)));
        foreach (var type in ObjectTypes.All)
            foreach (var op in OpCatalog.Specs.Values.Where(s => s.ObjectTypes?.Contains(type) == true && s.Op is not (Ops.Remove or Ops.Open or Ops.SendFd or Ops.ReceiveFd)).Select(s => s.Op))
                Assert.True(steps.Any(s => s.Op == op && objects.Any(o => o.Id == s.Object && o.Type == type)), $"no {op} on a {type}");
    }

    [Fact]
    public void Descriptors_are_passed_and_received_over_every_Unix_socket()
    {
        // A descriptor passes only where a socket and a pipe or eventfd meet in one process, and is received only where
        // the peer takes a turn after it: rarer than the other ops, so a larger sample.
        var sample = Enumerable.Range(1, 1200).Select(s => ExperimentGenerator.Generate(s, Options).Experiment).ToList();
        foreach (var type in Mechanisms.NamesOf(m => m.CarriesDescriptors))
            foreach (var op in new[] { Ops.SendFd, Ops.ReceiveFd })
                Assert.True(sample.Any(e => Steps(e).Any(s => s.Op == op && (e.Objects ?? []).Any(o => o.Id == s.Object && o.Type == type))), $"no {op} on a {type}");
    }

    [Fact]
    public void Generated_experiments_use_the_optional_fields_and_the_error_paths()
    {
        var steps = Sample.Value.SelectMany(g => Steps(g.Experiment)).ToList();
        var objects = Sample.Value.SelectMany(g => g.Experiment.Objects ?? []).ToList();
        Assert.Contains(steps, s => s.Nowait == true && s.Op == Ops.Send);
        Assert.Contains(steps, s => s.Nowait == true && s.Op == Ops.Receive);
        Assert.Contains(steps, s => s.Type < 0 && s.Op == Ops.Receive);
        Assert.Contains(steps, s => s.Undo == true);
        Assert.Contains(steps, s => s.Atomic == true);
        Assert.Contains(steps, s => s.Count > 1);
        Assert.Contains(steps, s => s.Index > 0);
        Assert.Contains(steps, s => s.Priority > 0);
        Assert.Contains(steps, s => s.MaxBytes is not null);
        Assert.Contains(steps, s => s.Op == Ops.Write && s.Size is not null);
        Assert.Contains(steps, s => s.Op == Ops.Write && s.End == "read");
        Assert.Contains(steps, s => s.Op == Ops.Exit && s.Code > 0);
        Assert.Contains(steps, s => s.Op == Ops.WaitSignal && s.TimeoutMs is null);
        Assert.Contains(steps, s => s.Op == Ops.Signal && s.Signal == "SIGKILL");
        Assert.Contains(steps, s => s.Op == Ops.Handle && s.Action == "log");
        Assert.Contains(objects, o => o.Key is { IsPrivate: true });
        Assert.Contains(objects, o => o.Key?.Ftok is not null);
        Assert.Contains(objects, o => o.Key?.Value is not null);
        Assert.Contains(objects, o => o.Capacity is not null);
        Assert.Contains(Sample.Value, g => (g.Experiment.Processes ?? []).Any(p => p.Parent is not null));
        Assert.Contains(Sample.Value, g => !g.Mask.IsEmpty);
    }

    [Fact]
    public async Task A_failing_experiment_shrinks_to_a_smaller_one_that_still_fails()
    {
        var failing = Sample.Value.First(g => Steps(g.Experiment).Any(s => s.Op == Ops.SemPost) && Shrinker.Size(g.Experiment) > 30);
        static bool HasPost(GeneratedExperiment g) => Steps(g.Experiment).Any(s => s.Op == Ops.SemPost);

        var tried = 0;
        var shrunk = await Shrinker.ShrinkAsync(failing, Options, g =>
        {
            tried++;
            return Task.FromResult(HasPost(g));
        }, budget: 200, CancellationToken.None);

        Assert.True(HasPost(shrunk));
        Assert.True(Shrinker.Size(shrunk.Experiment) < Shrinker.Size(failing.Experiment) / 2,
            $"shrunk only from {Shrinker.Size(failing.Experiment)} to {Shrinker.Size(shrunk.Experiment)}");
        Assert.InRange(tried, 1, 200);
        Assert.Empty(ExperimentValidator.Validate(shrunk.Experiment));
    }
}
