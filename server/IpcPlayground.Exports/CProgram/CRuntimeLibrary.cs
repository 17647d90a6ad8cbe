using System.Text;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Exports.CProgram.Mechanisms;

namespace IpcPlayground.Exports.CProgram;

/// <summary>
/// The C helper functions generated programs are made of: <c>CProgram/Runtime/*.c</c>, embedded, cut into sections
/// that each start with a line <c>//@ name needs other ...</c>. A program gets only the sections it calls (gcc's
/// <c>-Wall -Werror</c> refuses unused static functions), each after the sections it needs. A mechanism may add
/// sections of its own (<see cref="CMechanism.Runtime"/>).
/// </summary>
internal sealed class CRuntimeLibrary
{
    private const string Marker = "//@ ";
    private static readonly string[] Files =
        ["core", "processes", "signals", "streams", "descriptors", "programs", "messages", "shared_memory", "semaphores", "kernel_state", "named_objects"];

    private readonly Dictionary<string, (string[] Needs, string Code)> _sections = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public static CRuntimeLibrary Instance { get; } = new();

    private CRuntimeLibrary()
    {
        var assembly = typeof(CRuntimeLibrary).Assembly;
        foreach (var file in Files)
        {
            using var stream = assembly.GetManifestResourceStream($"cprogram/{file}.c")
                ?? throw new InvalidOperationException($"the C runtime file {file}.c is not embedded");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            Parse(reader.ReadToEnd().Replace("    OBJECT_TYPES\n", ObjectTypeConstants(), StringComparison.Ordinal));
        }
        foreach (var mechanism in Enum.GetValues<ObjectKind>().Select(CMechanisms.For))
            if (mechanism.Runtime is { } code) Parse(code);
    }

    /// <summary>The members of <c>enum object_type</c>: one per mechanism of the contract, as <see cref="CNames.ObjectType"/> spells them.</summary>
    private static string ObjectTypeConstants() =>
        string.Concat(ObjectTypes.All.Select(type => $"    {CNames.ObjectType(type)},\n"));

    private void Parse(string text)
    {
        string? name = null;
        string[] needs = [];
        var code = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(Marker, StringComparison.Ordinal))
            {
                Add(name, needs, code);
                var words = line[Marker.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                name = words[0];
                needs = words.Length > 2 && words[1] == "needs" ? words[2..] : [];
                code.Clear();
            }
            else
            {
                code.Append(line).Append('\n');
            }
        }
        Add(name, needs, code);
    }

    private void Add(string? name, string[] needs, StringBuilder code)
    {
        if (name is null) return;
        _sections.Add(name, (needs, code.ToString().Trim()));
        _order.Add(name);
    }

    /// <summary>
    /// The code of the <paramref name="wanted"/> sections and of those they need, in the files' order (so helpers stay
    /// grouped by mechanism), minus those already <paramref name="emitted"/> (which it adds to).
    /// </summary>
    public string Render(IReadOnlyCollection<string> wanted, HashSet<string> emitted)
    {
        var unknown = wanted.Where(name => !_sections.ContainsKey(name)).ToList();
        if (unknown.Count > 0) throw new InvalidOperationException($"the C runtime has no section '{string.Join("', '", unknown)}'");
        var output = new StringBuilder();
        foreach (var name in _order.Where(wanted.Contains)) Emit(name, emitted, output);
        return output.ToString();
    }

    private void Emit(string name, HashSet<string> emitted, StringBuilder output)
    {
        var section = _sections[name];
        if (!emitted.Add(name)) return;
        foreach (var need in section.Needs) Emit(need, emitted, output);
        output.Append(section.Code).Append("\n\n");
    }
}
