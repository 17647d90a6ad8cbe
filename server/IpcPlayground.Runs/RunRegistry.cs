using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace IpcPlayground.Runs;

/// <summary>The runs this server knows, kept for <see cref="RunsOptions.RetainMinutes"/> after they end.</summary>
public sealed class RunRegistry(IOptions<RunsOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Run> _runs = new(StringComparer.Ordinal);

    public Run Create(string? name, string mode = Contracts.Runs.RunModes.Free)
    {
        Prune();
        var run = new Run(NewId(), name, time, mode);
        _runs[run.Id] = run;
        return run;
    }

    public Run? Find(string id) => _runs.GetValueOrDefault(id);

    private void Prune()
    {
        var cutoff = time.GetUtcNow().AddMinutes(-options.Value.RetainMinutes);
        foreach (var (id, run) in _runs)
            if (run.EndedAt is { } ended && ended < cutoff) _runs.TryRemove(id, out _);
    }

    /// <summary>Unguessable and URL-safe: 80 random bits as 16 base32 characters.</summary>
    private static string NewId()
    {
        Span<byte> bytes = stackalloc byte[10];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var chars = new char[16];
        ulong acc = 0;
        int bits = 0, c = 0;
        foreach (var b in bytes)
        {
            acc = (acc << 8) | b;
            bits += 8;
            while (bits >= 5) chars[c++] = alphabet[(int)((acc >> (bits -= 5)) & 31)];
        }
        return new string(chars);
    }
}
