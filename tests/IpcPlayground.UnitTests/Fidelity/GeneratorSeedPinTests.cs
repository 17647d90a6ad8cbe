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
    [InlineData(0, "520AB3AE3FFA8854372C10AB737F1467F82BF3A9BB48E61D34D3559503A8A53B")]
    [InlineData(250, "CF17E0A3BE3747C32AC0C19535C3C39067D8859D43DA1B90494263E7C7DD2914")]
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
