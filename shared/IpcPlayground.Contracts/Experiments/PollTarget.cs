namespace IpcPlayground.Contracts.Experiments;

/// <summary>1.1: one entry of a <c>poll</c> step's <c>objects</c>: an object, which end (optional), the events asked for.</summary>
public sealed record PollTarget
{
    public string? Object { get; init; }
    public string? End { get; init; }
    public IReadOnlyList<string>? Events { get; init; }
}

/// <summary>The events a poll asks for (<c>in</c>, <c>out</c>) and those it reports ready (also <c>hup</c>, <c>err</c>, <c>pri</c>, <c>nval</c>).</summary>
public static class PollEvents
{
    public const string In = "in", Out = "out", Pri = "pri", Err = "err", Hup = "hup", Nval = "nval";

    public static readonly IReadOnlyList<string> Asked = [In, Out];

    /// <summary>poll(2)'s revents bits by name, in the order an event lists them.</summary>
    public static readonly IReadOnlyList<(string Name, short Bit)> Bits = [(In, 0x1), (Pri, 0x2), (Out, 0x4), (Err, 0x8), (Hup, 0x10), (Nval, 0x20)];

    public static short Mask(IEnumerable<string> names) => (short)names.Aggregate(0, (mask, n) => mask | (ushort)Bits.First(b => b.Name == n).Bit);

    public static IReadOnlyList<string> Names(short revents) => [.. Bits.Where(b => (revents & b.Bit) != 0).Select(b => b.Name)];
}
