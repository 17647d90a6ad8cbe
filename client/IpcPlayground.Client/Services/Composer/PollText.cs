using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Client.Services.Composer;

/// <summary>A poll step's objects as typed in a form: <c>f1:in f2:in,out p.write:out</c> (an end after a dot).</summary>
public static class PollText
{
    public static string? Of(IReadOnlyList<PollTarget>? targets) =>
        targets is null ? null : string.Join(" ", targets.Select(t => $"{t.Object}{(t.End is null ? "" : "." + t.End)}:{string.Join(",", t.Events ?? [])}"));

    public static IReadOnlyList<PollTarget>? Parse(string? text) =>
        text is null ? null : [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Entry)];

    private static PollTarget Entry(string word)
    {
        var colon = word.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? word : word[..colon];
        var events = colon < 0 ? [PollEvents.In] : word[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return new PollTarget { Object = dot < 0 ? name : name[..dot], End = dot < 0 ? null : name[(dot + 1)..], Events = events };
    }
}
