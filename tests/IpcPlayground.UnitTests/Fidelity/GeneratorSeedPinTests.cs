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
    [InlineData(0, "B6ABA15D8616FEFC4F6239B455A471D464543A0DF023E4B6AA8B0C866790A5BE")]
    [InlineData(250, "4219F9FA8BDA271DD31044FF39A5D1976764A2E3B973E3AFCEC7DEF7231D089F")]
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
