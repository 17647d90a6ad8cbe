using System.Net;
using System.Text.Json.Nodes;
using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>A bad experiment gets 400 application/problem+json whose errors name the JSON path of each bad field.</summary>
[Collection(ServerCollection.Name)]
public sealed class InvalidExperimentTests(PlaygroundServer server)
{
    private readonly RunApi _api = new(server.CreateLoopbackClient());

    private const string Valid = """
        { "format": 1, "objects": [ { "id": "p", "type": "pipe" } ],
          "processes": [
            { "id": "parent", "steps": [ { "op": "spawn", "process": "child" }, { "op": "write", "object": "p", "data": "x" } ] },
            { "id": "child", "parent": "parent", "steps": [ { "op": "read", "object": "p", "bytes": 1 } ] } ] }
        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "unknown op", Valid.Replace("\"op\": \"write\"", "\"op\": \"scribble\""), "processes[0].steps[1].op" },
        { "unknown object", Valid.Replace("\"object\": \"p\", \"bytes\"", "\"object\": \"q\", \"bytes\""), "processes[1].steps[0].object" },
        { "duplicate id", Valid.Replace("\"id\": \"child\"", "\"id\": \"p\""), "processes[1].id" },
        { "wrong JSON type", Valid.Replace("\"bytes\": 1", "\"bytes\": \"one\""), "processes[1].steps[0].bytes" },
        { "unknown field", Valid.Replace("\"data\": \"x\"", "\"data\": \"x\", \"colour\": \"red\""), "processes[0].steps[1].colour" },
        { "field of another op", Valid.Replace("\"data\": \"x\"", "\"data\": \"x\", \"ms\": 5"), "processes[0].steps[1].ms" },
        { "missing required field", Valid.Replace(", \"bytes\": 1", ""), "processes[1].steps[0].bytes" },
        { "wait for a non-child", Valid.Replace("{ \"op\": \"read\", \"object\": \"p\", \"bytes\": 1 }", "{ \"op\": \"wait\", \"process\": \"parent\" }"), "processes[1].steps[0].process" },
        { "pipe between unrelated processes", Valid.Replace(", \"parent\": \"parent\"", "").Replace("{ \"op\": \"spawn\", \"process\": \"child\" }, ", ""), "objects[0].id" },
        { "bad id", Valid.Replace("\"id\": \"child\"", "\"id\": \"Child!\"").Replace("\"process\": \"child\"", "\"process\": \"Child!\""), "processes[1].id" },
        { "wrong format", Valid.Replace("\"format\": 1", "\"format\": 2"), "format" },
        { "not JSON", "{ this is not json", "$" },
        { "exec not last", Valid.Replace("{ \"op\": \"read\", \"object\": \"p\", \"bytes\": 1 }", "{ \"op\": \"exec\", \"program\": \"cat\" }, { \"op\": \"read\", \"object\": \"p\", \"bytes\": 1 }"), "processes[1].steps[0].op" },
    };

    [Fact]
    public async Task A_program_not_on_the_servers_list_is_refused_by_name()
    {
        using var response = await _api.PostRunAsync(Valid.Replace("{ \"op\": \"read\", \"object\": \"p\", \"bytes\": 1 }",
            "{ \"op\": \"exec\", \"program\": \"python3\", \"stdin\": { \"object\": \"p\", \"end\": \"read\" } }"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["processes[1].steps[0].program"]![0]!.GetValue<string>();
        Assert.Contains("'python3' is not one this server runs", message, StringComparison.Ordinal);
        Assert.Contains("wc", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_refused_with_a_problem_naming_the_path(string what, string body, string path)
    {
        using var response = await _api.PostRunAsync(body);
        await ValidationProblems.AssertNamesPathAsync(response, what, path);
    }

    [Fact]
    public async Task The_valid_base_case_is_accepted()
    {
        using var response = await _api.PostRunAsync(Valid);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
    }

    [Fact]
    public async Task An_empty_body_is_refused()
    {
        using var response = await _api.PostRunAsync("");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        using var response = await _api.PostRunAsync("{\"format\":1,\"name\":\"" + new string('x', 2 << 20) + "\"}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
