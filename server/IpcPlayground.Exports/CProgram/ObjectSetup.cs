using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Exports.CProgram.Mechanisms;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Exports.CProgram;

/// <summary>
/// The experiment's objects in C: one <c>struct ipc_object</c> each, filled in with the plan's resolved values
/// (defaults included), and the calls by which main makes the named ones before any process starts, as the
/// supervisor's NamedObjects does.
/// </summary>
internal static class ObjectSetup
{
    public static void Declare(CodeWriter code, IReadOnlyList<PlanObject> objects)
    {
        code.Line("/* The experiment's objects. */");
        foreach (var obj in objects) code.Line($"static struct ipc_object {CNames.Object(obj.Id)};");
        var table = objects.Count == 0 ? "NULL" : string.Join(", ", objects.Select(o => "&" + CNames.Object(o.Id)));
        code.Line($"static struct ipc_object *const objects[] = {{ {table} }};");
        code.Line($"enum {{ OBJECT_COUNT = {objects.Count} }};");
        code.Line();
    }

    /// <summary>The function main calls first: each object's id, type and the values the plan gave it.</summary>
    public static void Describe(CodeWriter code, IReadOnlyList<PlanObject> objects, HashSet<string> helpers)
    {
        code.OpenFunction("static void describe_objects(void)");
        if (objects.Count > 0) helpers.Add("init_object");
        foreach (var obj in objects)
        {
            var name = CNames.Object(obj.Id);
            code.Line($"init_object(&{name}, {CLiteral.String(obj.Id)}, {CNames.ObjectType(obj.Type)});");
            foreach (var line in Fields(obj, name, helpers)) code.Line(line);
        }
        code.Close().Line();
    }

    private static IEnumerable<string> Fields(PlanObject obj, string name, HashSet<string> helpers)
    {
        var mechanism = CMechanisms.For(obj.Kind);
        foreach (var line in mechanism.Fields(obj, name)) yield return line;
        if (mechanism.SocketType is { } socketType) yield return $"{name}.socket_type = {socketType};";
        if (obj.Path is { } path)
        {
            helpers.Add("set_path");
            yield return $"set_path(&{name}, {CLiteral.String(path)});";
        }
        if (obj.Name is { } posixName)
        {
            helpers.Add("set_name");
            yield return $"set_name(&{name}, {CLiteral.String(posixName)});";
        }
        switch (obj.Mechanism.IsSysv ? obj.SysvKey : (SysvKeyKind?)null)
        {
            case SysvKeyKind.Ftok:
                yield return $"{name}.key_kind = KEY_FTOK;";
                yield return $"{name}.ftok_proj = {obj.FtokProj};";
                break;
            case SysvKeyKind.Number:
                yield return $"{name}.key_kind = KEY_NUMBER;";
                yield return $"{name}.key_number = {obj.KeyValue};";
                break;
        }
    }

    /// <summary>main's call that makes a named object, or null for objects a process makes (pipes, socketpairs, sockets).</summary>
    public static string? Creation(PlanObject obj) => CMechanisms.For(obj.Kind).Creation;

    /// <summary>What a process makes before its first step: the anonymous objects it owns, then the sockets it binds.</summary>
    public static IEnumerable<string> MadeByProcess(PlanProcess process, IReadOnlyDictionary<string, PlanObject> objects, HashSet<string> helpers)
    {
        foreach (var id in process.Creates)
        {
            var helper = CMechanisms.For(objects[id].Kind).MadeByOwner
                ?? throw new NotSupportedException($"process '{process.Id}' makes '{id}', a {objects[id].Type}, which no process makes");
            helpers.Add(helper);
            yield return $"{helper}(&{CNames.Object(id)});";
        }
        foreach (var id in process.Binds ?? [])
        {
            helpers.Add("bind_socket");
            yield return $"bind_socket(&{CNames.Object(id)});";
        }
    }
}
