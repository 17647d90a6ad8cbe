using IpcPlayground.Runs;
using Microsoft.Extensions.Options;

namespace IpcPlayground.UnitTests;

/// <summary>Fair slots: workshops and step mode each have a share, so neither can take the playground's last slot.</summary>
public sealed class RunAdmissionTests
{
    private static RunAdmission Admission() => new(Options.Create(new RunsOptions
    {
        MaxConcurrentRuns = 6, MaxConcurrentRunsPerClient = 4, MaxConcurrentWorkshopRuns = 3, MaxStepModeRuns = 2, MaxStepModeRunsPerClient = 1,
        MaxRoomPredictionRuns = 3,
    }), TestMetrics.Create());

    [Fact]
    public void Workshop_runs_take_at_most_their_pool_and_the_playground_keeps_the_rest()
    {
        using var admission = Admission();
        var participants = Enumerable.Range(0, 3).Select(i => admission.TryAdmit($"participant:{i}", workshop: true).Lease).ToList();
        Assert.All(participants, Assert.NotNull);

        var (fourth, refusal) = admission.TryAdmit("participant:3", workshop: true);
        Assert.Null(fourth);
        Assert.Contains("workshops are running their share of 3", refusal, StringComparison.Ordinal);
        Assert.NotNull(admission.TryAdmit("198.51.100.7").Lease);

        participants[0]!.Dispose();
        Assert.NotNull(admission.TryAdmit("participant:3", workshop: true).Lease);
    }

    [Fact]
    public void Step_mode_runs_are_capped_per_client_and_per_server_while_free_runs_go_on()
    {
        using var admission = Admission();
        Assert.NotNull(admission.TryAdmit("a", stepMode: true).Lease);
        Assert.Contains("1 runs in step mode", admission.TryAdmit("a", stepMode: true).Refusal, StringComparison.Ordinal);
        Assert.NotNull(admission.TryAdmit("a").Lease);

        Assert.NotNull(admission.TryAdmit("b", stepMode: true).Lease);
        Assert.Contains("limit of 2 runs in step mode", admission.TryAdmit("c", stepMode: true).Refusal, StringComparison.Ordinal);
        Assert.NotNull(admission.TryAdmit("c").Lease);
    }

    [Fact]
    public void A_refused_run_gives_back_every_lease_it_took()
    {
        using var admission = Admission();
        var holders = Enumerable.Range(0, 6).Select(i => admission.TryAdmit($"c{i}").Lease).ToList();
        Assert.All(holders, Assert.NotNull);
        Assert.Null(admission.TryAdmit("late", stepMode: true).Lease);
        holders[0]!.Dispose();
        // Had the refusal kept its step-mode leases, the step limits would refuse this one.
        Assert.NotNull(admission.TryAdmit("late", stepMode: true).Lease);
    }

    [Fact]
    public void A_rooms_predicted_runs_have_a_pool_of_their_own_beside_full_step_mode_workshop_and_server_slots()
    {
        using var admission = Admission();
        var others = Enumerable.Range(0, 2).Select(i => admission.TryAdmit($"s{i}", stepMode: true).Lease)
            .Concat(Enumerable.Range(0, 4).Select(i => admission.TryAdmit($"participant:w{i}", workshop: i < 3).Lease)).ToList();
        Assert.All(others, Assert.NotNull);
        Assert.Null(admission.TryAdmit("participant:late", workshop: true, stepMode: true).Lease);

        var room = Enumerable.Range(0, 3).Select(i => admission.TryAdmit($"participant:{i}", workshop: true, stepMode: true, roomPrediction: true).Lease).ToList();
        Assert.All(room, Assert.NotNull);
        var (fourth, refusal) = admission.TryAdmit("participant:3", workshop: true, stepMode: true, roomPrediction: true);
        Assert.Null(fourth);
        Assert.Contains("limit of 3 predicted runs of workshop rooms", refusal, StringComparison.Ordinal);
        // A client's own step-mode limit still holds.
        Assert.Contains("1 runs in step mode", admission.TryAdmit("participant:0", workshop: true, stepMode: true, roomPrediction: true).Refusal, StringComparison.Ordinal);

        room[0]!.Dispose();
        Assert.NotNull(admission.TryAdmit("participant:3", workshop: true, stepMode: true, roomPrediction: true).Lease);
    }
}
