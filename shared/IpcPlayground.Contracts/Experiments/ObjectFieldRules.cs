namespace IpcPlayground.Contracts.Experiments;

/// <summary>An object's optional fields: whether its mechanism takes them, and their ranges.</summary>
internal static class ObjectFieldRules
{
    public static void Check(ObjectDefinition obj, string path, SizeCaps caps, Action<string, string> error)
    {
        var allowed = Mechanisms.Named(obj.Type)!.Fields;
        foreach (var field in SetFields(obj).Where(f => !allowed.Contains(f)))
            error($"{path}.{field}", $"a {obj.Type} takes no field '{field}'");

        Range(obj.Capacity, 4096, 1 << 20, $"{path}.capacity", "capacity", error);
        Range(obj.Size, 1, caps.MaxShmBytes, $"{path}.size", "size", error);
        Range(obj.Count, 1, 32, $"{path}.count", "count", error);
        CheckInitial(obj, path, error);
        Range(obj.MaxMessages, 1, 10, $"{path}.maxMessages", "maxMessages", error);
        Range(obj.MessageSize, 1, caps.MaxMessageBytes, $"{path}.messageSize", "messageSize", error);
        Range(obj.Port, 1, 65535, $"{path}.port", "port", error);
        if (obj.Path is not null && SandboxPaths.Problem(obj.Path) is { } pathProblem)
            error($"{path}.path", pathProblem);
        if (obj.Name is not null && (obj.Name.Length is < 2 or > 64 || obj.Name[0] != '/' || obj.Name.IndexOf('/', 1) >= 0))
            error($"{path}.name", "a POSIX name is '/' followed by 1 to 63 characters with no further '/'");
        else if (obj.Name is "/." or "/..")
            error($"{path}.name", $"'{obj.Name}' names a directory, not a POSIX object");
        else if (obj.Name is not null && !StoredText.IsClean(obj.Name))
            error($"{path}.name", "a POSIX name may not contain control characters");
        if (obj.Key?.Ftok is { } ftok)
        {
            if (ftok.Path is null) error($"{path}.key.ftok.path", "ftok needs a path");
            else if (SandboxPaths.Problem(ftok.Path) is { } ftokProblem) error($"{path}.key.ftok.path", ftokProblem);
            if (ftok.Proj is null or < 1 or > 255) error($"{path}.key.ftok.proj", "proj is a number from 1 to 255");
        }
    }

    /// <summary>One value from 0 to 32767, or for a System V set one per member (as many as its count).</summary>
    private static void CheckInitial(ObjectDefinition obj, string path, Action<string, string> error)
    {
        if (obj.Initial is not { } initial) return;
        if (initial.PerMember is not { } values)
        {
            // An eventfd counter starts at any unsigned int (eventfd(2)); a semaphore at most at SEMVMX.
            Range(initial.Value, 0, obj.Mechanism?.Transfer == Transfer.Counter ? int.MaxValue : 32767, $"{path}.initial", "initial", error);
            return;
        }
        if (obj.Mechanism is not { Transfer: Transfer.Semaphore, IsSysv: true })
            error($"{path}.initial", $"a {obj.Type} starts at one value: initial is a number");
        else if (values.Count == 0 || values.Count > 32)
            error($"{path}.initial", "initial has one value per member of the set, and a set has 1 to 32 members");
        else if (obj.Count is { } count && count != values.Count)
            error($"{path}.initial", $"initial has {values.Count} values but count is {count}: one value per member");
        for (var i = 0; i < values.Count; i++) Range(values[i], 0, 32767, $"{path}.initial[{i}]", "initial", error);
    }

    private static void Range(long? value, long min, long max, string path, string name, Action<string, string> error)
    {
        if (value is { } v && (v < min || v > max))
            error(path, $"{name} is from {min} to {max}");
    }

    private static IEnumerable<string> SetFields(ObjectDefinition obj)
    {
        if (obj.Capacity is not null) yield return "capacity";
        if (obj.Size is not null) yield return "size";
        if (obj.Count is not null) yield return "count";
        if (obj.Initial is not null) yield return "initial";
        if (obj.MaxMessages is not null) yield return "maxMessages";
        if (obj.MessageSize is not null) yield return "messageSize";
        if (obj.Key is not null) yield return "key";
        if (obj.Path is not null) yield return "path";
        if (obj.Name is not null) yield return "name";
        if (obj.Port is not null) yield return "port";
        if (obj.Semaphore is not null) yield return "semaphore";
    }
}
