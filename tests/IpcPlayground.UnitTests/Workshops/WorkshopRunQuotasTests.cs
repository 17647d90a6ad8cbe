using IpcPlayground.Server.Workshops;
using Microsoft.Extensions.Options;

namespace IpcPlayground.UnitTests.Workshops;

public sealed class WorkshopRunQuotasTests
{
    private static WorkshopRunQuotas Quotas(int perParticipant = 1, int perWorkshop = 100, int perMinute = 20) =>
        new(Options.Create(new WorkshopOptions { ConcurrentRunsPerParticipant = perParticipant, ConcurrentRunsPerWorkshop = perWorkshop, RunsPerParticipantPerMinute = perMinute }), TestMetrics.Create());

    [Fact]
    public void A_participant_gets_a_second_run_only_once_the_first_has_ended()
    {
        using var quotas = Quotas();
        var (first, _) = quotas.TryAcquire("w", "ada");
        Assert.NotNull(first);
        var (second, refused) = quotas.TryAcquire("w", "ada");
        Assert.Null(second);
        Assert.Contains("1 run(s) going at once", refused!.Detail, StringComparison.Ordinal);
        Assert.NotNull(quotas.TryAcquire("w", "bob").Lease);
        first!.Dispose();
        Assert.NotNull(quotas.TryAcquire("w", "ada").Lease);
    }

    [Fact]
    public void A_workshop_has_a_ceiling_of_runs_going_at_once()
    {
        using var quotas = Quotas(perWorkshop: 2);
        Assert.NotNull(quotas.TryAcquire("w", "a").Lease);
        Assert.NotNull(quotas.TryAcquire("w", "b").Lease);
        var (lease, refused) = quotas.TryAcquire("w", "c");
        Assert.Null(lease);
        Assert.Contains("already has 2 runs going", refused!.Detail, StringComparison.Ordinal);
        Assert.NotNull(quotas.TryAcquire("other", "c").Lease);
    }

    [Fact]
    public void A_participant_may_start_only_so_many_runs_a_minute_and_a_refusal_costs_no_concurrency()
    {
        using var quotas = Quotas(perMinute: 2);
        quotas.TryAcquire("w", "ada").Lease!.Dispose();
        quotas.TryAcquire("w", "ada").Lease!.Dispose();
        var (lease, refused) = quotas.TryAcquire("w", "ada");
        Assert.Null(lease);
        Assert.Contains("2 runs a minute", refused!.Detail, StringComparison.Ordinal);
        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        Assert.NotNull(quotas.TryAcquire("w", "bob").Lease);
    }
}
