namespace IpcPlayground.Contracts.Experiments;

/// <summary>
/// What each op takes: required and optional fields, the object types it applies to, and the optional fields that
/// apply to only some of those types (<c>FieldObjectTypes</c>: field → the types it applies to; a field
/// not named there applies to every type the op does).
/// </summary>
public sealed record OpSpec(
    string Op,
    IReadOnlyList<string> Required,
    IReadOnlyList<string> Optional,
    IReadOnlyList<string>? ObjectTypes = null,
    IReadOnlyList<string>? ExactlyOneOf = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? FieldObjectTypes = null,
    IReadOnlyDictionary<string, OpSpec>? ByObjectType = null)
{
    /// <summary>
    /// The op as it applies to an object of that type: the same op may take other fields there (a write to an
    /// eventfd takes a <c>value</c>, not data).
    /// </summary>
    public OpSpec For(string? objectType) =>
        objectType is not null && ByObjectType is not null && ByObjectType.TryGetValue(objectType, out var variant) ? variant : this;

    public bool Takes(string field) => Required.Contains(field) || Optional.Contains(field);

    /// <summary>The object types a field of this op applies to, or null when it applies to every type the op does.</summary>
    public IReadOnlyList<string>? ObjectTypesOf(string field) =>
        FieldObjectTypes is not null && FieldObjectTypes.TryGetValue(field, out var types) ? types : null;

    /// <summary>Whether a field the op takes applies to an object of that type (whether the op takes it is <see cref="Takes"/>).</summary>
    public bool FieldAppliesTo(string field, string objectType) => ObjectTypesOf(field)?.Contains(objectType) ?? true;

    /// <summary>The fields this op takes on an object of that type, required first; every field when the type is not known.</summary>
    public IEnumerable<string> FieldsFor(string? objectType) =>
        Required.Concat(Optional).Where(f => objectType is null || FieldAppliesTo(f, objectType));
}

public static class OpCatalog
{
    private static readonly IReadOnlyList<string> Streams = Mechanisms.NamesOf(m => m.Transfer == Transfer.ByteStream);
    private static readonly IReadOnlyList<string> Counters = Mechanisms.NamesOf(m => m.Transfer == Transfer.Counter);
    private static readonly IReadOnlyList<string> StreamsAndCounters = [.. Streams, .. Counters];
    private static readonly IReadOnlyList<string> Messages = Mechanisms.NamesOf(m => m.Transfer == Transfer.Messages);
    private static readonly IReadOnlyList<string> SharedMemory = Mechanisms.NamesOf(m => m.Transfer == Transfer.SharedMemory);
    private static readonly IReadOnlyList<string> Semaphores = Mechanisms.NamesOf(m => m.Transfer == Transfer.Semaphore);
    private static readonly IReadOnlyList<string> Named = Mechanisms.NamesOf(m => !m.IsInherited);
    private static readonly IReadOnlyList<string> Removable = Mechanisms.NamesOf(m => m.Removable);
    private static readonly IReadOnlyList<string> Listening = Mechanisms.NamesOf(m => m.BindingOp == Ops.Accept);

    /// <summary>Objects with two ends: a connected unix-stream or tcp socket is one descriptor.</summary>
    private static readonly IReadOnlyList<string> TwoEnded = Mechanisms.NamesOf(m => m.Ends.Count > 0);
    private static readonly IReadOnlyList<string> SysvQueue = Mechanisms.NamesOf(m => m is { Transfer: Transfer.Messages, IsSysv: true });
    private static readonly IReadOnlyList<string> PosixQueue = Mechanisms.NamesOf(m => m is { Transfer: Transfer.Messages, Naming: Naming.PosixName });
    private static readonly IReadOnlyList<string> KeyedOrNamed = Mechanisms.NamesOf(m => m.IsNamedIpc);
    private static readonly IReadOnlyList<string> Carriers = Mechanisms.NamesOf(m => m.CarriesDescriptors);
    private static readonly IReadOnlyList<string> SysvSet = Mechanisms.NamesOf(m => m is { Transfer: Transfer.Semaphore, IsSysv: true });

    public static IReadOnlyDictionary<string, OpSpec> Specs { get; } = new OpSpec[]
    {
        new(Ops.Write, ["object"], ["data", "size", "end"], StreamsAndCounters, ["data", "size"], FieldObjectTypes: Only(("end", TwoEnded)),
            ByObjectType: ForEach(Counters, new OpSpec(Ops.Write, ["object", "value"], [], Counters))),
        new(Ops.Read, ["object", "bytes"], ["end"], StreamsAndCounters, FieldObjectTypes: Only(("end", TwoEnded)),
            ByObjectType: ForEach(Counters, new OpSpec(Ops.Read, ["object"], [], Counters))),
        new(Ops.Send, ["object", "data"], ["type", "priority", "nowait"], Messages, FieldObjectTypes: Only(("type", SysvQueue), ("priority", PosixQueue))),
        new(Ops.Receive, ["object"], ["type", "maxBytes", "nowait"], Messages, FieldObjectTypes: Only(("type", SysvQueue))),
        new(Ops.Open, ["object", "mode"], ["create", "exclusive"], Named, FieldObjectTypes: Only(("create", KeyedOrNamed), ("exclusive", KeyedOrNamed))),
        new(Ops.Close, ["object"], ["end"], ObjectTypes.All, FieldObjectTypes: Only(("end", TwoEnded))),
        new(Ops.Store, ["object", "offset"], ["data", "int32", "size"], SharedMemory, ["data", "int32", "size"]),
        new(Ops.Load, ["object", "offset", "length"], [], SharedMemory),
        new(Ops.Increment, ["object", "offset", "times"], ["atomic"], SharedMemory),
        new(Ops.SemWait, ["object"], ["index", "count", "undo"], Semaphores, FieldObjectTypes: Only(("index", SysvSet), ("undo", SysvSet))),
        new(Ops.SemPost, ["object"], ["index", "count", "undo"], Semaphores, FieldObjectTypes: Only(("index", SysvSet), ("undo", SysvSet))),
        new(Ops.Signal, ["process", "signal"], ["value"]),
        new(Ops.Handle, ["signal", "action"], ["flags"]),
        new(Ops.Block, ["signals"], []),
        new(Ops.Unblock, ["signals"], []),
        new(Ops.WaitSignal, ["signals"], ["timeoutMs"]),
        new(Ops.Spawn, ["process"], []),
        new(Ops.Wait, ["process"], []),
        new(Ops.Sleep, ["ms"], []),
        new(Ops.Repeat, ["times", "steps"], []),
        new(Ops.Stat, [], ["object", "path"], ObjectTypes.All, ["object", "path"]),
        new(Ops.Remove, ["object"], [], Removable),
        new(Ops.Exit, ["code"], []),
        new(Ops.Accept, ["object"], [], Listening),
        new(Ops.Fault, ["kind"], []),
        new(Ops.Poll, ["objects"], ["timeoutMs"]),
        new(Ops.SendFd, ["object", "fd"], [], Carriers),
        new(Ops.ReceiveFd, ["object", "as"], ["nowait"], Carriers),
        new(Ops.Exec, ["program"], ["args", "stdin", "stdout"]),
    }.ToDictionary(s => s.Op, StringComparer.Ordinal);

    /// <summary>The values <c>end</c> takes on an object of this type (a socketpair's are <c>first</c> and <c>second</c>, an extension); none for a one-ended object.</summary>
    public static IReadOnlyList<string> EndsOf(string objectType) => Mechanisms.Named(objectType)?.Ends ?? [];

    private static Dictionary<string, OpSpec> ForEach(IReadOnlyList<string> objectTypes, OpSpec variant) =>
        objectTypes.ToDictionary(t => t, _ => variant, StringComparer.Ordinal);

    /// <summary>An op's fields that apply to only some of its object types, each with those types.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Only(params (string Field, IReadOnlyList<string> ObjectTypes)[] narrowed) =>
        narrowed.ToDictionary(n => n.Field, n => n.ObjectTypes, StringComparer.Ordinal);
}
