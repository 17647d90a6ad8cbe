using System.Text.Json;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Fidelity.Generation;
using IpcPlayground.Fidelity.Oracle;
using IpcPlayground.Fidelity.Traces;
using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>
/// The fidelity oracle: each experiment runs in the playground and as its exported C program in the same sandbox,
/// and the two must agree step by step, process by process. Lessons, regression experiments for every divergence
/// found, and generated experiments.
/// </summary>
[Collection(FidelityCollection.Name)]
public sealed class FidelityTests(FidelityFixture fixture)
{
    /// <summary>What lessons race on purpose: the lost updates of an unlocked counter, who gets the semaphore first.</summary>
    private static readonly Dictionary<string, TraceMask> RacingLessons = new(StringComparer.Ordinal)
    {
        ["shm-race-vs-semaphore"] = new TraceMask().Object("mem", "value").Object("mem", "data").Object("go", "value").Object("lock", "value"),
        ["semaphore-admits-two"] = new TraceMask().Object("room", "value"),
        ["semaphore-set-bounded-buffer"] = new TraceMask().Object("slots", "value"),
    };

    public static TheoryData<string> LessonIds => new(LessonLibrary.All.Select(l => l.Id));

    public static TheoryData<string> RegressionExperiments =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Experiments", "Fidelity"), "*.json").Select(Path.GetFileNameWithoutExtension).Order()!);

    private static Experiment Read(string json)
    {
        var read = ExperimentReader.Read(json);
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        return read.Experiment!;
    }

    private async Task Agrees(Experiment experiment, TraceMask? mask = null)
    {
        var verdict = await fixture.Oracle.CheckAsync(experiment, CancellationToken.None, mask).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(verdict.Agrees, $"{experiment.Name}: the run and its C program disagree:\n{verdict.Report()}");
    }

    [Theory]
    [MemberData(nameof(LessonIds))]
    public Task Every_lesson_behaves_as_its_C_program(string id) =>
        Agrees(Read(LessonLibrary.Get(id).ExperimentJson), RacingLessons.GetValueOrDefault(id));

    [Theory]
    [MemberData(nameof(RegressionExperiments))]
    public Task Every_divergence_found_so_far_stays_fixed(string name) => Agrees(Read(SampleExperiments.Load($"Fidelity/{name}")));

    [Fact]
    public async Task A_deadlocked_C_program_ends_at_the_timeout_as_the_run_ends_at_its_deadlock()
    {
        var verdict = await fixture.Oracle.CheckAsync(Read(SampleExperiments.PipeDeadlock), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(verdict.Agrees, verdict.Report());
        Assert.Equal("timeout", verdict.Program.Status);
        Assert.Equal("timeout", verdict.Run.Status); // the run's "deadlock", as the oracle compares it
        Assert.Equal(1, verdict.ProgramOutcome.ExitCode);
        Assert.Equal("signal SIGKILL", verdict.Program.Processes["parent"].End);
    }

    /// <summary>
    /// 400 generated experiments (seeds 1..400) agree with their C programs, and between them reach the errors and
    /// signal outcomes of a whole course. A failure names each seed; reproduce and shrink it with
    /// <c>ipcplay fuzz --seed S --count 1</c>.
    /// </summary>
    [Fact]
    public async Task Generated_experiments_behave_as_their_C_programs()
    {
        // 400: with fourteen mechanisms to draw from, 300 seeds no longer reach a write with no reader (EPIPE).
        var report = await Campaign(seed: 1, count: 400, new GeneratorOptions());
        string[] reached =
        [
            "EAGAIN", "ENOMSG", "EBADF", "EPIPE", "EINVAL", "ENOENT", "ESRCH", "ECHILD", "E2BIG", "EMSGSIZE", "ECONNREFUSED", "ERANGE",
            "handled", "ignored", "pending", "merged", "default", "waited", "exit signal", "exit code",
        ];
        Assert.Empty(reached.Except(report.Outcomes.Keys));
    }

    /// <summary>
    /// Generated experiments that also interrupt calls (EINTR), remove queues and sets under a waiting process
    /// (EIDRM) and kill processes that have run: each such step waits out a margin first, so the call is surely
    /// under way.
    /// </summary>
    [Fact]
    public async Task Generated_experiments_with_interrupted_calls_behave_as_their_C_programs()
    {
        var report = await Campaign(seed: 100_001, count: 60, new GeneratorOptions { TimingMarginMs = 300 });
        Assert.Empty(new[] { "EINTR", "EIDRM" }.Except(report.Outcomes.Keys));
    }

    private async Task<FuzzReport> Campaign(int seed, int count, GeneratorOptions options)
    {
        var report = await new FuzzCampaign(fixture.Oracle)
            .RunAsync(new FuzzOptions(seed, count, FidelityFixture.Parallel, options, Shrink: false), null, CancellationToken.None)
            .WaitAsync(TimeSpan.FromMinutes(10));
        var failures = report.Findings.OrderBy(f => f.Seed)
            .Select(f => $"seed {f.Seed} ({f.Kind}):\n{f.Report}\n{JsonSerializer.Serialize(f.Found.Experiment, ContractsJsonContext.Default.Experiment)}")
            .Concat(report.GeneratorFailures.Select(g => $"seed {g.Seed}: {g.Message}"));
        Assert.True(report.Diverged == 0, $"{report.Diverged} of {count} generated experiments disagree with their C programs:\n" + string.Join("\n\n", failures));
        Assert.Equal(count, report.Agreed);
        return report;
    }
}
