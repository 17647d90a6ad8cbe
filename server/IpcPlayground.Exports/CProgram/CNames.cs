using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Exports.CProgram;

/// <summary>
/// C identifiers for the experiment's ids (which match <c>^[a-z][a-z0-9-]{0,31}$</c>, so turning '-' into '_' keeps
/// them distinct), prefixed so no id can collide with a libc name: object <c>read</c> is <c>obj_read</c>.
/// </summary>
internal static class CNames
{
    public static string Object(string id) => "obj_" + Plain(id);

    public static string ProcessFunction(string id) => "run_" + Plain(id);

    public static string ProcessIndex(string id) => "PROCESS_" + Plain(id).ToUpperInvariant();

    /// <summary>The C enum constant of an object type: <c>sysv-msgq</c> is <c>SYSV_MSGQ</c>.</summary>
    public static string ObjectType(string type) => Plain(type).ToUpperInvariant();

    /// <summary><c>SIGUSR1</c> and friends by name (as signal.h defines them), real-time signals as <c>SIGRTMIN+n</c>.</summary>
    public static string Signal(int number)
    {
        var name = SignalNames.Name(number);
        return name.StartsWith("SIGRTMIN", StringComparison.Ordinal) || SignalNames.Numbers.ContainsKey(name)
            ? name : CLiteral.Number(number);
    }

    public static string End(string end) => end switch
    {
        "read" => "READ_END",
        "write" => "WRITE_END",
        "first" => "FIRST_END",
        "second" => "SECOND_END",
        _ => end.ToUpperInvariant(),
    };

    private static string Plain(string id) => id.Replace('-', '_');
}
