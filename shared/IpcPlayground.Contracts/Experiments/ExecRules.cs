namespace IpcPlayground.Contracts.Experiments;

/// <summary>Checks an <c>exec</c> step by path: a program the server runs, sensible arguments, ends to redirect, and its place as the last step.</summary>
internal static class ExecRules
{
    public const int MaxArgs = 16;
    public const int MaxArgLength = 200;

    public static void Check(Step step, string path, IReadOnlyDictionary<string, string> objectTypes, SizeCaps caps, Action<string, string> error)
    {
        if (step.Program is { } program && !caps.Programs.Contains(program))
            error($"{path}.program", $"program '{program}' is not one this server runs; it runs " + string.Join(", ", caps.Programs));
        if (step.Args is { } args)
        {
            if (args.Count > MaxArgs) error($"{path}.args", $"at most {MaxArgs} arguments");
            for (var i = 0; i < args.Count; i++)
                if (args[i] is null || args[i].Length > MaxArgLength || !StoredText.IsClean(args[i]))
                    error($"{path}.args[{i}]", $"an argument is text of at most {MaxArgLength} characters, without control characters");
        }
        if (step.Stdin is { } stdin) DescriptorPassing.CheckDescriptor(stdin.Object, stdin.End, $"{path}.stdin", objectTypes, error, "to redirect; exec redirects");
        if (step.Stdout is { } stdout) DescriptorPassing.CheckDescriptor(stdout.Object, stdout.End, $"{path}.stdout", objectTypes, error, "to redirect; exec redirects");
    }

    /// <summary>exec replaces the program: nothing after it runs, so it is the last step, and never inside a repeat.</summary>
    public static void CheckPlace(IReadOnlyList<Step> steps, int index, string path, int depth, Action<string, string> error)
    {
        if (depth > 0) error($"{path}.op", "exec replaces the process's program, so it cannot stand inside a repeat");
        else if (index != steps.Count - 1) error($"{path}.op", "exec replaces the process's program, so it must be the process's last step (the steps after it would never run)");
    }
}
