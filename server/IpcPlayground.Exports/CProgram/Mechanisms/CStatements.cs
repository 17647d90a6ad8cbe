namespace IpcPlayground.Exports.CProgram.Mechanisms;

/// <summary>How a step's C statement is spelled: a call of a runtime helper (recorded, so the program includes it) and literals.</summary>
internal sealed class CStatements(HashSet<string> helpers)
{
    public string Call(string helper, params string[] arguments)
    {
        helpers.Add(helper);
        return $"{helper}({string.Join(", ", arguments)});";
    }

    public static string Number(long value) => CLiteral.Number(value);

    public static string Flag(bool? value) => value == true ? "1" : "0";
}
