namespace IpcPlayground.Contracts.Experiments;

/// <summary>
/// One step of a process's script. The contract keeps every op's fields in one flat object; which fields an op
/// takes is checked by <see cref="OpCatalog"/>, so a field that does not belong to its op is named as an error.
/// </summary>
public sealed record Step
{
    public string? Op { get; init; }
    public string? Object { get; init; }
    public string? Data { get; init; }
    public int? Size { get; init; }
    public string? End { get; init; }
    public int? Bytes { get; init; }
    public long? Type { get; init; }
    public int? Priority { get; init; }
    public int? MaxBytes { get; init; }
    public bool? Nowait { get; init; }
    public string? Mode { get; init; }
    public int? Offset { get; init; }
    public int? Int32 { get; init; }
    public int? Length { get; init; }
    public int? Times { get; init; }
    public bool? Atomic { get; init; }
    public int? Index { get; init; }
    public int? Count { get; init; }
    public string? Process { get; init; }
    public string? Signal { get; init; }
    public string? Action { get; init; }
    public IReadOnlyList<string>? Signals { get; init; }
    public int? TimeoutMs { get; init; }
    public int? Ms { get; init; }
    public IReadOnlyList<Step>? Steps { get; init; }
    public int? Code { get; init; }

    /// <summary>Extension: for System V <c>semWait</c>/<c>semPost</c>, SEM_UNDO (the kernel undoes the change when the process exits).</summary>
    public bool? Undo { get; init; }

    /// <summary>1.1: for <c>poll</c>, the objects to watch.</summary>
    public IReadOnlyList<PollTarget>? Objects { get; init; }

    /// <summary>1.1: for <c>stat</c>, a path in the sandbox to lstat instead of an object.</summary>
    public string? Path { get; init; }

    /// <summary>1.1: for <c>fault</c>, which fault (<see cref="FaultKinds"/>).</summary>
    public string? Kind { get; init; }

    /// <summary>1.1: for <c>signal</c>, the int32 sigqueue(3) carries.</summary>
    public long? Value { get; init; }

    /// <summary>1.1: for <c>handle</c>, sigaction flags (<see cref="SignalFlags"/>).</summary>
    public IReadOnlyList<string>? Flags { get; init; }

    /// <summary>1.1: for <c>open</c> of a System V or POSIX object, IPC_CREAT / O_CREAT (see <see cref="OpenFlags"/>).</summary>
    public bool? Create { get; init; }

    /// <summary>1.1: for <c>open</c> of a System V or POSIX object, IPC_EXCL / O_EXCL.</summary>
    public bool? Exclusive { get; init; }

    /// <summary>1.1: for <c>sendFd</c>, the descriptor passed (an object and, for one with ends, which).</summary>
    public DescriptorRef? Fd { get; init; }

    /// <summary>1.1: for <c>receiveFd</c>, what the received descriptor is held as from then on.</summary>
    public DescriptorRef? As { get; init; }

    /// <summary>1.1: for <c>exec</c>, the program (a name on the server's allow-list, <see cref="SizeCaps.Programs"/>).</summary>
    public string? Program { get; init; }

    /// <summary>1.1: for <c>exec</c>, the program's arguments after its name.</summary>
    public IReadOnlyList<string>? Args { get; init; }

    /// <summary>1.1: for <c>exec</c>, the end made standard input (dup2 onto 0).</summary>
    public DescriptorRef? Stdin { get; init; }

    /// <summary>1.1: for <c>exec</c>, the end made standard output (dup2 onto 1); without it, what the program writes becomes <c>output</c> events.</summary>
    public DescriptorRef? Stdout { get; init; }

    /// <summary>
    /// Predict mode: ask about this step (true) or never (false); when no step of an experiment says, every step that
    /// can block or fail is asked. Any op takes it, so it is not among <see cref="SetFields"/>.
    /// </summary>
    public bool? Ask { get; init; }

    /// <summary>The JSON names of the fields this step sets, besides <c>op</c> (and <c>ask</c>, which every op takes).</summary>
    public IEnumerable<string> SetFields()
    {
        if (Object is not null) yield return "object";
        if (Data is not null) yield return "data";
        if (Size is not null) yield return "size";
        if (End is not null) yield return "end";
        if (Bytes is not null) yield return "bytes";
        if (Type is not null) yield return "type";
        if (Priority is not null) yield return "priority";
        if (MaxBytes is not null) yield return "maxBytes";
        if (Nowait is not null) yield return "nowait";
        if (Mode is not null) yield return "mode";
        if (Offset is not null) yield return "offset";
        if (Int32 is not null) yield return "int32";
        if (Length is not null) yield return "length";
        if (Times is not null) yield return "times";
        if (Atomic is not null) yield return "atomic";
        if (Index is not null) yield return "index";
        if (Count is not null) yield return "count";
        if (Process is not null) yield return "process";
        if (Signal is not null) yield return "signal";
        if (Action is not null) yield return "action";
        if (Signals is not null) yield return "signals";
        if (TimeoutMs is not null) yield return "timeoutMs";
        if (Ms is not null) yield return "ms";
        if (Steps is not null) yield return "steps";
        if (Code is not null) yield return "code";
        if (Undo is not null) yield return "undo";
        if (Objects is not null) yield return "objects";
        if (Path is not null) yield return "path";
        if (Kind is not null) yield return "kind";
        if (Value is not null) yield return "value";
        if (Flags is not null) yield return "flags";
        if (Create is not null) yield return "create";
        if (Exclusive is not null) yield return "exclusive";
        if (Fd is not null) yield return "fd";
        if (As is not null) yield return "as";
        if (Program is not null) yield return "program";
        if (Args is not null) yield return "args";
        if (Stdin is not null) yield return "stdin";
        if (Stdout is not null) yield return "stdout";
    }
}
