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
    [InlineData(0, "E53EB9365E79F5616569AC56E5BD8C0016996DFA30E2C6D37C0B1870ABF1AC55")]
    [InlineData(250, "7920430AC4EB6C0269D339FBF8A5FDBBE9B6D7A76241C838225B15CA05EE9553")]
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
