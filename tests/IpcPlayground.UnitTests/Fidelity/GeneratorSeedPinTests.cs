using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Fidelity.Generation;

namespace IpcPlayground.UnitTests.Fidelity;

/// <summary>
/// Seeds keep making the experiments they made: campaigns and saved seeds are replayed by number, so a change to the
/// generator must keep the order and number of its draws. The pins are hashes of the experiments' JSON for seeds
/// 1..100 (every object type among them), without and with a timing margin.
/// </summary>
public sealed class GeneratorSeedPinTests
{
    [Theory]
    [InlineData(0, "289D055A75C7F35719BFB426734A16D16D7F6287AAEA4425A3BE5C160189A73C")]
    [InlineData(250, "26AA3C527D5C84E072932F3275806EEA78ABFBD51C301E7A1D3138037585B238")]
    public void Seeds_1_to_100_make_the_experiments_they_always_made(int timingMarginMs, string pinned)
    {
        var options = new GeneratorOptions { TimingMarginMs = timingMarginMs };
        var experiments = string.Join("\n", Enumerable.Range(1, 100).Select(seed =>
            JsonSerializer.Serialize(ExperimentGenerator.Generate(seed, options).Experiment, ContractsJsonContext.Default.Experiment)));
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(experiments)));
        // A change of the experiment JSON itself (a new contract field) moves the pins too; then re-pin, knowingly.
        Assert.True(hash == pinned, $"seeds 1..100 (timing margin {timingMarginMs} ms) now make other experiments: the generator's draws changed ({hash})");
    }
}
