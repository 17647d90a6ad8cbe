namespace IpcPlayground.Exports.CProgram.Mechanisms;

/// <summary>How a step's C statement is spelled: a call of a runtime helper (recorded, so the program includes it) and literals.</summary>
internal sealed class CStatements(HashSet<string> helpers)
{
    public string Call(string helper, params string[] arguments)
    {
        helpers.Add(helper);
        return $"{helper}({string.Join(", ", arguments)});";
    }

    /// <summary>A helper's call as an expression (no semicolon), recorded like <see cref="Call"/>.</summary>
    public string Expression(string helper, params string[] arguments)
    {
        helpers.Add(helper);
        return $"{helper}({string.Join(", ", arguments)})";
    }

    public static string Number(long value) => CLiteral.Number(value);

    public static string Flag(bool? value) => value == true ? "1" : "0";

    /// <summary>An open's IPC_CREAT / IPC_EXCL (System V) or O_CREAT / O_EXCL (POSIX), as a C expression.</summary>
    public static string OpenFlags(IpcPlayground.WorkerProtocol.PlanStep step, bool sysv)
    {
        var open = step.Open ?? default;
        var names = new List<string>(2);
        if (open.Create) names.Add(sysv ? "IPC_CREAT" : "O_CREAT");
        if (open.Exclusive) names.Add(sysv ? "IPC_EXCL" : "O_EXCL");
        return names.Count == 0 ? "0" : string.Join(" | ", names);
    }
}
