namespace IpcPlayground.Contracts.Predictions;

/// <summary>Why a call did what it did, as a closed set; each reads in both languages (<see cref="PredictionWords"/>) from its facts.</summary>
public enum ExplanationReason
{
    ReadData,
    ReadEmptyWriters,
    ReadEmptyNoWriters,
    WriteRoom,
    WriteFull,
    WriteNoReadersKilled,
    WriteNoReadersFailed,
    QueueRoom,
    QueueFull,
    QueueMessage,
    QueueEmpty,
    SemaphoreTaken,
    SemaphoreZero,
    ChildRunning,
    ChildExited,
    Woke,
    WokeNobody,
    Failed,
    Killed,
    Slept,
    Returned,
    ValueReturned,
    NotShown,
}

/// <summary>The <c>reason</c> of an <c>outcome</c> event, as the contract spells it (kebab case of <see cref="ExplanationReason"/>).</summary>
public static class ExplanationReasons
{
    public static string NameOf(ExplanationReason reason) => reason switch
    {
        ExplanationReason.ReadData => "read-data",
        ExplanationReason.ReadEmptyWriters => "read-empty-writers",
        ExplanationReason.ReadEmptyNoWriters => "read-empty-no-writers",
        ExplanationReason.WriteRoom => "write-room",
        ExplanationReason.WriteFull => "write-full",
        ExplanationReason.WriteNoReadersKilled => "write-no-readers-killed",
        ExplanationReason.WriteNoReadersFailed => "write-no-readers-failed",
        ExplanationReason.QueueRoom => "queue-room",
        ExplanationReason.QueueFull => "queue-full",
        ExplanationReason.QueueMessage => "queue-message",
        ExplanationReason.QueueEmpty => "queue-empty",
        ExplanationReason.SemaphoreTaken => "semaphore-taken",
        ExplanationReason.SemaphoreZero => "semaphore-zero",
        ExplanationReason.ChildRunning => "child-running",
        ExplanationReason.ChildExited => "child-exited",
        ExplanationReason.Woke => "woke",
        ExplanationReason.WokeNobody => "woke-nobody",
        ExplanationReason.Failed => "failed",
        ExplanationReason.Killed => "killed",
        ExplanationReason.Slept => "slept",
        ExplanationReason.Returned => "returned",
        ExplanationReason.ValueReturned => "value-returned",
        ExplanationReason.NotShown => "not-shown",
    };

    public static ExplanationReason? Parse(string? name) =>
        Enum.GetValues<ExplanationReason>().Cast<ExplanationReason?>().FirstOrDefault(r => NameOf(r!.Value) == name);
}

/// <summary>The keys of an outcome's <c>facts</c>.</summary>
public static class ExplanationFacts
{
    public const string Object = "object";
    public const string Call = "call";
    public const string Buffered = "buffered";
    public const string Capacity = "capacity";
    public const string Size = "size";
    public const string Writers = "writers";
    public const string Messages = "messages";
    public const string Bytes = "bytes";
    public const string MaxBytes = "maxBytes";
    public const string MaxMessages = "maxMessages";
    public const string Value = "value";
    public const string Target = "target";
    public const string Errno = "errno";
    public const string ErrnoText = "errnoText";
    public const string Signal = "signal";
    public const string Woken = "woken";
}
