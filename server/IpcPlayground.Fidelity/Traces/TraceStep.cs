using System.Globalization;
using System.Text;

namespace IpcPlayground.Fidelity.Traces;

/// <summary>
/// One step's call as both sides report it: where it stands in its process's script, the op and what it acted on,
/// the result and errno, and what it returned. <see cref="Render"/> is the text the comparison sets side by side.
/// </summary>
public sealed record TraceStep(string Path, int? Iteration, string Op, string Subject, long Result, string? Errno)
{
    /// <summary>The fields the trace compares besides the result, by name (<c>data</c>, <c>value</c>, <c>type</c> ...).</summary>
    public SortedDictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    public TraceStep With(string name, string? value)
    {
        if (value is not null) Fields[name] = value;
        return this;
    }

    public TraceStep With(string name, long? value) =>
        With(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// <c>3.1@2 read p = 10 data=hello</c>. Results that are descriptors or pids (an open FIFO or POSIX queue, an
    /// accepted socket, a spawned or waited-for child) are numbers the two sides need not share: they read <c>fd</c>
    /// and <c>pid</c>. <paramref name="openReturnsDescriptor"/>: the step's subject is an object whose open gives a descriptor.
    /// </summary>
    public string Render(bool openReturnsDescriptor)
    {
        var text = new StringBuilder(Path);
        if (Iteration is { } iteration) text.Append('@').Append(iteration.ToString(CultureInfo.InvariantCulture));
        text.Append(' ').Append(Op).Append(' ').Append(Subject).Append(" = ").Append(ResultText(openReturnsDescriptor));
        if (Result < 0) text.Append(' ').Append(Errno ?? "(no errno)");
        foreach (var (name, value) in Fields) text.Append(' ').Append(name).Append('=').Append(value);
        return text.ToString();
    }

    private string ResultText(bool openReturnsDescriptor)
    {
        if (Result < 0) return Result.ToString(CultureInfo.InvariantCulture);
        return Op switch
        {
            "spawn" or "wait" => "pid",
            "accept" => "fd",
            "open" when openReturnsDescriptor => "fd",
            _ => Result.ToString(CultureInfo.InvariantCulture),
        };
    }
}
