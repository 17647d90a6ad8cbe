using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.UnitTests;

/// <summary>Input the kernel, the database or the C compiler would trip on is a 400 by path, before any run.</summary>
public sealed class HostileInputTests
{
    private static string WithObject(string obj, string name = "x") => $$"""
        { "format": 1, "name": "{{name}}", "objects": [ {{obj}} ],
          "processes": [ { "id": "a", "steps": [ { "op": "stat", "object": "o" } ] } ] }
        """;

    private static void AssertErrorAt(string json, string path, string fragment)
    {
        var errors = ExperimentReader.Read(json).Errors;
        Assert.True(errors.Any(e => e.Path == path && e.Message.Contains(fragment, StringComparison.Ordinal)),
            $"expected an error at {path} mentioning '{fragment}', got: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")));
    }

    [Fact]
    public void A_socket_path_under_100_characters_but_over_107_bytes_is_refused()
    {
        var path = "/sandbox/" + new string('€', 60);
        Assert.True(path.Length < SandboxPaths.MaxLength);
        AssertErrorAt(WithObject($$"""{ "id": "o", "type": "unix-stream", "path": "{{path}}" }"""), "objects[0].path", "107 bytes");
        Assert.Empty(ExperimentReader.Read(WithObject($$"""{ "id": "o", "type": "unix-stream", "path": "/sandbox/{{new string('€', 30)}}" }""")).Errors);
    }

    [Theory]
    [InlineData("/.")]
    [InlineData("/..")]
    [InlineData("/q\\u0007")]
    public void A_posix_name_that_is_a_directory_or_holds_control_characters_is_refused(string name) =>
        AssertErrorAt(WithObject($$"""{ "id": "o", "type": "posix-mq", "name": "{{name}}" }"""), "objects[0].name", "");

    [Fact]
    public void Control_characters_in_a_name_or_description_are_refused_but_a_description_may_have_lines()
    {
        AssertErrorAt(WithObject("""{ "id": "o", "type": "pipe" }""", name: "a\\u0000b"), "name", "control characters");
        AssertErrorAt(WithObject("""{ "id": "o", "type": "pipe" }""").Replace("\"name\": \"x\"", "\"name\": \"x\", \"description\": \"bell\\u0007\"", StringComparison.Ordinal),
            "description", "control characters");
        Assert.Empty(ExperimentReader.Read(WithObject("""{ "id": "o", "type": "pipe" }""")
            .Replace("\"name\": \"x\"", "\"name\": \"x\", \"description\": \"one\\ntwo\"", StringComparison.Ordinal)).Errors);
    }

    [Fact]
    public void A_duplicate_key_is_refused_by_its_path() =>
        AssertErrorAt("""{ "format": 1, "name": "a", "name": "b", "processes": [ { "id": "a", "steps": [] } ] }""", "name", "Duplicate");
}
