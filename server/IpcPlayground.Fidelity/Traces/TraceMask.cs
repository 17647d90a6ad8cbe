namespace IpcPlayground.Fidelity.Traces;

/// <summary>
/// Fields of a trace that the comparison leaves out because no program can fix them: the value a POSIX semaphore
/// shows when a woken waiter races its poster, the counter of a lesson that races on purpose. By step (a process's
/// step at a path) or by object (every step on it).
/// </summary>
public sealed class TraceMask
{
    private readonly HashSet<(string Process, string Path, string Field)> _steps = [];
    private readonly HashSet<(string Object, string Field)> _objects = [];

    public static TraceMask None { get; } = new();

    public TraceMask Step(string process, string path, string field)
    {
        _steps.Add((process, path, field));
        return this;
    }

    public TraceMask Object(string objectId, string field)
    {
        _objects.Add((objectId, field));
        return this;
    }

    public bool IsEmpty => _steps.Count == 0 && _objects.Count == 0;

    /// <summary>Marks the masked fields of the step as not compared (both sides then read <c>field=*</c>).</summary>
    public void Apply(string process, TraceStep step)
    {
        foreach (var field in step.Fields.Keys.ToList())
            if (_steps.Contains((process, step.Path, field)) || _objects.Contains((step.Subject, field)))
                step.Fields[field] = "*";
    }

    public override string ToString() =>
        string.Join(", ", _steps.Select(s => $"{s.Process} step {s.Path} {s.Field}").Concat(_objects.Select(o => $"{o.Field} on {o.Object}")));
}
