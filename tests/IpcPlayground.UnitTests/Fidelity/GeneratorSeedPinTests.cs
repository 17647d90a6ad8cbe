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
    [InlineData(0, "666E768BBCDAA3B42442254522FCF58345033F2246079B3775868155860060B6")]
    [InlineData(250, "62F6EABDCE96023D1B803B08A7D5FF64C2DEA20926E8A24EA11AF236C7F20AAA")]
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
